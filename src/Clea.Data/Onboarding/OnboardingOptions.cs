namespace Clea.Data.Onboarding;

/// <summary>Configuration section <c>Onboarding</c>: lifetimes of the single-use links and the address they point to.</summary>
public sealed class OnboardingOptions
{
    public const string Section = "Onboarding";

    /// <summary>How long a sign-up confirmation link stays valid (up to and including that instant).</summary>
    public TimeSpan ConfirmationLinkLifetime { get; set; } = TimeSpan.FromHours(24);

    /// <summary>How long an invitation link stays valid (up to and including that instant).</summary>
    public TimeSpan InvitationLifetime { get; set; } = TimeSpan.FromDays(7);

    /// <summary>
    /// The public address links in e-mails start with (e.g. <c>https://api.clea.example</c>); when empty, the address of the
    /// request that caused the e-mail (fine in Development; set it behind a proxy).
    /// </summary>
    public string? PublicBaseUrl { get; set; }

    /// <summary>Sign-up forms accepted per client IP address per hour (each may send an e-mail).</summary>
    public int SignUpsPerHourPerClient { get; set; } = 20;

    /// <summary>Sign-up forms accepted per e-mail address per hour: nobody can flood someone else's mailbox.</summary>
    public int SignUpsPerHourPerAddress { get; set; } = 3;
}

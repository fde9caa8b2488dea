using System.Threading.RateLimiting;
using Clea.Data.Onboarding;
using Microsoft.Extensions.Options;

namespace Clea.Auth.Server;

/// <summary>
/// Each sign-up form may send an e-mail (a confirmation, or a notice to the owner of an existing account), so the form is
/// throttled apart from the global rate limit: per client address (a script signing up en masse) and per e-mail address
/// (someone flooding another person's mailbox from many addresses). A fixed one-hour window; refused with
/// <see cref="TooManySignUps"/> before anything is read from or written to the database.
/// </summary>
public sealed class SignUpThrottle : IDisposable
{
    public const string TooManySignUps = "TOO_MANY_SIGN_UPS";

    private readonly PartitionedRateLimiter<string> _limiter;

    public SignUpThrottle(IOptions<OnboardingOptions> options)
    {
        var limits = options.Value;
        _limiter = PartitionedRateLimiter.Create<string, string>(key => RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = key.StartsWith("email:", StringComparison.Ordinal) ? limits.SignUpsPerHourPerAddress : limits.SignUpsPerHourPerClient,
            Window = TimeSpan.FromHours(1),
            QueueLimit = 0,
        }));
    }

    /// <summary>True when both the client and the e-mail address still have a sign-up left this hour.</summary>
    public bool TryAcquire(string? clientAddress, string? email)
    {
        using var client = _limiter.AttemptAcquire("ip:" + (clientAddress ?? "unknown"));
        if (!client.IsAcquired) return false;
        using var address = _limiter.AttemptAcquire("email:" + (email ?? string.Empty).Trim().ToLowerInvariant());
        return address.IsAcquired;
    }

    public void Dispose() => _limiter.Dispose();
}

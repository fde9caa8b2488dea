using Clea.Data.Common;
using Clea.Data.Users;

namespace Clea.Data.Onboarding;

public enum InvitationStatus
{
    Pending,
    Accepted,
    Revoked,
    Expired,
}

/// <summary>
/// An organism administrator invites a colleague by e-mail with a role (organism administrator or staff): a single-use
/// link, valid until <see cref="ExpiresAt"/> included, where the invitee sets a name and password (which also proves the
/// address). Only the token's hash is stored.
/// </summary>
public sealed class Invitation
{
    public int Id { get; private set; }
    public int OrganismId { get; private set; }
    /// <summary>Lower-case, trimmed (as <see cref="User.Email"/>).</summary>
    public string Email { get; private set; } = null!;
    public UserRole Role { get; private set; }
    public string TokenHash { get; private set; } = null!;
    public int InvitedByUserId { get; private set; }
    public DateTime CreatedAt { get; private set; }
    public DateTime ExpiresAt { get; private set; }
    public DateTime? AcceptedAt { get; private set; }
    public DateTime? RevokedAt { get; private set; }

    private Invitation() { }

    public static Invitation Issue(int organismId, string email, UserRole role, int invitedByUserId, string tokenHash, DateTime now, TimeSpan lifetime)
    {
        if (role is not (UserRole.OrganismStaff or UserRole.OrganismAdministrator))
            throw new DomainRuleException(OnboardingErrors.InvitationRoleNotAllowed, "A colleague is invited as organism administrator or organism staff.");
        return new Invitation
        {
            OrganismId = organismId, Email = User.NormalizeEmail(email), Role = role, InvitedByUserId = invitedByUserId,
            TokenHash = tokenHash, CreatedAt = now, ExpiresAt = now + lifetime,
        };
    }

    public InvitationStatus StatusAt(DateTime now)
        => AcceptedAt is not null ? InvitationStatus.Accepted
            : RevokedAt is not null ? InvitationStatus.Revoked
            : now > ExpiresAt ? InvitationStatus.Expired
            : InvitationStatus.Pending;

    /// <summary>Refuses a link that was used, revoked or has expired (the expiry instant itself is still valid).</summary>
    public void EnsureUsable(DateTime now)
    {
        switch (StatusAt(now))
        {
            case InvitationStatus.Pending:
                return;
            case InvitationStatus.Expired:
                throw new DomainRuleException(OnboardingErrors.InvitationLinkExpired, "This invitation has expired: ask your organism's administrator for a new one.");
            default:
                throw new DomainRuleException(OnboardingErrors.InvitationLinkInvalid, "This invitation link was already used or was withdrawn.");
        }
    }

    public void Accept(DateTime now)
    {
        EnsureUsable(now);
        AcceptedAt = now;
    }

    public void Revoke(DateTime now)
    {
        if (AcceptedAt is not null || RevokedAt is not null)
            throw new DomainRuleException(OnboardingErrors.InvitationNotPending, "Only an invitation not yet accepted nor withdrawn can be revoked.");
        RevokedAt = now;
    }
}

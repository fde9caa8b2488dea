using System.Net.Mail;
using Clea.Data.Common;
using Clea.Data.Registry;

namespace Clea.Data.Users;

/// <summary>
/// A person who signs in to CleaGraph: one role and the scope that goes with it. The password is stored only as a hash
/// computed by the identity server; this entity never sees the password itself.
/// </summary>
public sealed class User
{
    public const int EmailMaxLength = 256;
    public const int DisplayNameMaxLength = 200;
    public const int InstanceCodeMaxLength = 64;

    private readonly List<AuditedOrganism> _auditedOrganisms = [];

    public int Id { get; private set; }
    /// <summary>Lower-case, trimmed; unique.</summary>
    public string Email { get; private set; } = null!;
    public string DisplayName { get; private set; } = null!;
    public string PasswordHash { get; private set; } = null!;
    public UserRole Role { get; private set; }
    /// <summary>The organism of an organism staff member; null for every other role.</summary>
    public Siren? OrganismSiren { get; private set; }
    /// <summary>The Instance code (CERTIF_PRO, CPNE_…) of an instance staff member; null for every other role.</summary>
    public string? InstanceCode { get; private set; }
    /// <summary>The organisms an auditor may read; empty for every other role.</summary>
    public IReadOnlyCollection<AuditedOrganism> AuditedOrganisms => _auditedOrganisms;
    /// <summary>Signed up and not yet confirmed its e-mail address: cannot sign in (accounts made otherwise start confirmed).</summary>
    public bool EmailConfirmationPending { get; private set; }
    /// <summary>SHA-256 (hex) of the pending single-use confirmation token; the token itself is never stored.</summary>
    public string? EmailConfirmationHash { get; private set; }
    public DateTime? EmailConfirmationExpiresAt { get; private set; }
    /// <summary>Set when the organism's administrator revoked the account: it can no longer sign in nor refresh a token.</summary>
    public DateTime? RevokedAt { get; private set; }

    /// <summary>Organism staff or organism administrator: the people of one organism (scope: its SIREN).</summary>
    public bool IsOfOrganism => Role is UserRole.OrganismStaff or UserRole.OrganismAdministrator;

    /// <summary>Whether the account may sign in (and refresh its tokens): confirmed and not revoked.</summary>
    public bool MaySignIn => !EmailConfirmationPending && RevokedAt is null;

    private User() { }

    /// <summary>
    /// Creates a user whose scope matches its role: organism staff need a valid SIREN, instance staff an Instance code,
    /// auditors at least one audited SIREN, and no role carries the scope of another.
    /// </summary>
    public static User Create(string email, string displayName, string passwordHash, UserRole role,
        string? organismSiren = null, string? instanceCode = null, IEnumerable<string>? auditedSirens = null)
    {
        var audited = (auditedSirens ?? []).Where(s => !string.IsNullOrWhiteSpace(s)).ToList();
        var user = new User { Email = NormalizeEmail(email), Role = role };
        user.Rename(displayName);
        user.ChangePasswordHash(passwordHash);
        switch (role)
        {
            case UserRole.OrganismStaff or UserRole.OrganismAdministrator:
                if (string.IsNullOrWhiteSpace(organismSiren))
                    throw new DomainRuleException(UserErrors.OrganismRequired, "An organism staff member needs the SIREN of their organism.");
                user.OrganismSiren = Siren.Parse(organismSiren);
                RefuseScope(instanceCode is not null || audited.Count > 0, role);
                break;
            case UserRole.InstanceStaff:
                if (string.IsNullOrWhiteSpace(instanceCode))
                    throw new DomainRuleException(UserErrors.InstanceRequired, "An instance staff member needs the code of their Instance (e.g. CERTIF_PRO).");
                user.InstanceCode = instanceCode.Trim().ToUpperInvariant();
                if (user.InstanceCode.Length > InstanceCodeMaxLength)
                    throw new DomainRuleException(UserErrors.InstanceRequired, $"An Instance code has at most {InstanceCodeMaxLength} characters.");
                RefuseScope(organismSiren is not null || audited.Count > 0, role);
                break;
            case UserRole.Auditor:
                if (audited.Count == 0)
                    throw new DomainRuleException(UserErrors.AuditedOrganismRequired, "An auditor needs the SIREN of at least one audited organism.");
                foreach (var siren in audited.Select(Siren.Parse).Distinct()) user._auditedOrganisms.Add(new AuditedOrganism(siren));
                RefuseScope(organismSiren is not null || instanceCode is not null, role);
                break;
            case UserRole.Administrator or UserRole.Registrant:
                RefuseScope(organismSiren is not null || instanceCode is not null || audited.Count > 0, role);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(role), role, "Unknown role.");
        }
        return user;
    }

    /// <summary>
    /// A person signs up on the login pages: a registrant (no organism yet) who must confirm the e-mail address with the
    /// single-use link whose token hash is given, before <paramref name="expiresAt"/>.
    /// </summary>
    public static User SignUp(string email, string displayName, string passwordHash, string confirmationHash, DateTime expiresAt)
    {
        var user = Create(email, displayName, passwordHash, UserRole.Registrant);
        user.RenewConfirmation(confirmationHash, expiresAt);
        return user;
    }

    /// <summary>A new link for an account still awaiting confirmation (the previous link stops working).</summary>
    public void RenewConfirmation(string confirmationHash, DateTime expiresAt)
    {
        EmailConfirmationPending = true;
        EmailConfirmationHash = confirmationHash;
        EmailConfirmationExpiresAt = expiresAt;
    }

    /// <summary>
    /// The confirmation link was followed at <paramref name="now"/>: valid up to and including its expiry instant, once
    /// (the hash is cleared, so a second use finds nothing).
    /// </summary>
    public void ConfirmEmail(DateTime now)
    {
        if (!EmailConfirmationPending || EmailConfirmationHash is null)
            throw new DomainRuleException(UserErrors.ConfirmationLinkInvalid, "This confirmation link was already used or is not valid.");
        if (now > EmailConfirmationExpiresAt)
            throw new DomainRuleException(UserErrors.ConfirmationLinkExpired, "This confirmation link has expired: sign up again to receive a new one.");
        EmailConfirmationPending = false;
        EmailConfirmationHash = null;
        EmailConfirmationExpiresAt = null;
    }

    /// <summary>The registrant declared an organism (or the SIREN of one): they become its first administrator.</summary>
    public void BecomeOrganismAdministrator(Siren siren)
    {
        if (Role != UserRole.Registrant)
            throw new DomainRuleException(UserErrors.NotARegistrant, "Only a person without an organism yet may declare one.");
        Role = UserRole.OrganismAdministrator;
        OrganismSiren = siren;
    }

    /// <summary>The organism's administrator revokes the account; revoking again changes nothing.</summary>
    public void Revoke(DateTime now) => RevokedAt ??= now;

    public void Rename(string displayName)
    {
        if (string.IsNullOrWhiteSpace(displayName))
            throw new DomainRuleException(UserErrors.DisplayNameRequired, "A user needs a display name.");
        var trimmed = displayName.Trim();
        if (trimmed.Length > DisplayNameMaxLength)
            throw new DomainRuleException(UserErrors.DisplayNameRequired, $"A display name has at most {DisplayNameMaxLength} characters.");
        DisplayName = trimmed;
    }

    /// <summary>Certif Pro merged the user's organism (a duplicate record) into another: the user now acts for that one.</summary>
    public void MoveToOrganism(Siren siren)
    {
        if (OrganismSiren is not null) OrganismSiren = siren;
    }

    /// <summary>Replaces the stored hash (the identity server hashes; a hash is never empty).</summary>
    public void ChangePasswordHash(string passwordHash)
    {
        if (string.IsNullOrWhiteSpace(passwordHash))
            throw new DomainRuleException(UserErrors.PasswordHashRequired, "A user's password hash cannot be empty.");
        PasswordHash = passwordHash;
    }

    /// <summary>The one place an e-mail address is checked and normalized (trimmed, lower-case).</summary>
    public static string NormalizeEmail(string? email)
    {
        var value = (email ?? string.Empty).Trim().ToLowerInvariant();
        if (value.Length is 0 or > EmailMaxLength || !MailAddress.TryCreate(value, out var parsed) || parsed.Address != value)
            throw new DomainRuleException(UserErrors.InvalidEmail, $"'{email}' is not a valid e-mail address.");
        return value;
    }

    private static void RefuseScope(bool otherScopeGiven, UserRole role)
    {
        if (otherScopeGiven)
            throw new DomainRuleException(UserErrors.ScopeNotAllowed,
                $"A user with role {role} carries only the scope of that role (SIREN for organism staff, Instance for instance staff, audited SIRENs for auditors, none for administrators).");
    }
}

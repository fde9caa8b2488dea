using Clea.Data;
using Clea.Data.Common;
using Clea.Data.Onboarding;
using Clea.Data.Registry;
using Clea.Data.Users;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Clea.Auth.Users;

/// <summary>
/// The self-service side of accounts, behind the login pages: sign up (then confirm the e-mail address with a single-use
/// link), and accept an invitation. E-mails join the outbox in the same save as the change they announce.
/// </summary>
public sealed class AccountOnboarding(CleaDbContext db, IPasswordHasher<User> hasher, IAccountLinks links,
    IOptions<OnboardingOptions> options, TimeProvider time)
{
    /// <summary>
    /// Creates a registrant awaiting confirmation and mails the link. An address that already has an account gets an
    /// e-mail instead (a new link if it is still unconfirmed), and the caller's answer is the same: the page never tells
    /// whether an address has an account.
    /// </summary>
    public async Task SignUpAsync(string? email, string? displayName, string? password, CancellationToken ct)
    {
        var normalized = User.NormalizeEmail(email);
        PasswordPolicy.Check(password, normalized);
        var now = time.GetUtcNow().UtcDateTime;
        var token = SecretToken.New();
        var expiresAt = now + options.Value.ConfirmationLinkLifetime;
        // Hashed whatever happens next, so that the answer takes as long for a known address as for a new one.
        var candidate = User.SignUp(normalized, displayName ?? string.Empty, "pending", SecretToken.Hash(token), expiresAt);
        candidate.ChangePasswordHash(hasher.HashPassword(candidate, password!));

        var existing = await db.Users.SingleOrDefaultAsync(u => u.Email == normalized, ct);
        if (existing is null)
        {
            db.Users.Add(candidate);
            db.Notifications.Add(AccountMails.Confirmation(normalized, candidate.DisplayName, links.Confirmation(token), expiresAt, now));
        }
        else if (existing.EmailConfirmationPending)
        {
            existing.RenewConfirmation(SecretToken.Hash(token), expiresAt);
            db.Notifications.Add(AccountMails.Confirmation(normalized, existing.DisplayName, links.Confirmation(token), expiresAt, now));
        }
        else db.Notifications.Add(AccountMails.AlreadyRegistered(normalized, links.SignIn(), now));
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Follows a confirmation link: once, up to its expiry instant included.</summary>
    public async Task<User> ConfirmAsync(string? token, CancellationToken ct)
    {
        var hash = SecretToken.Hash(token);
        var user = await db.Users.SingleOrDefaultAsync(u => u.EmailConfirmationHash == hash, ct)
            ?? throw new DomainRuleException(UserErrors.ConfirmationLinkInvalid, "This confirmation link was already used or is not valid.");
        user.ConfirmEmail(time.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(ct);
        return user;
    }

    /// <summary>The invitation behind a link and its organism, if the link may still be used.</summary>
    public async Task<(Invitation Invitation, Organism Organism)> InvitationAsync(string? token, CancellationToken ct)
    {
        var hash = SecretToken.Hash(token);
        var invitation = await db.Invitations.SingleOrDefaultAsync(i => i.TokenHash == hash, ct)
            ?? throw new DomainRuleException(OnboardingErrors.InvitationLinkInvalid, "This invitation link was already used or was withdrawn.");
        invitation.EnsureUsable(time.GetUtcNow().UtcDateTime);
        var organism = await db.Organisms.SingleAsync(o => o.Id == invitation.OrganismId, ct);
        return (invitation, organism);
    }

    /// <summary>
    /// The invitee sets a name and password: the account is created with the invited role, confirmed (the link proved the
    /// address), and the link is used up.
    /// </summary>
    public async Task<User> AcceptInvitationAsync(string? token, string? displayName, string? password, CancellationToken ct)
    {
        var (invitation, organism) = await InvitationAsync(token, ct);
        PasswordPolicy.Check(password, invitation.Email);
        if (await db.Users.AnyAsync(u => u.Email == invitation.Email, ct))
            throw new DomainRuleException(UserErrors.EmailAlreadyUsed, "This e-mail address already has an account: sign in with it, or ask to be invited at another address.");
        var user = User.Create(invitation.Email, displayName ?? string.Empty, "pending", invitation.Role, organism.Siren.Value);
        user.ChangePasswordHash(hasher.HashPassword(user, password!));
        invitation.Accept(time.GetUtcNow().UtcDateTime);
        db.Users.Add(user);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // The same link accepted twice at once: the unique e-mail index lets one through.
            throw new DomainRuleException(OnboardingErrors.InvitationLinkInvalid, "This invitation link was already used.");
        }
        return user;
    }
}

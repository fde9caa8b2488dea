using System.Globalization;
using Clea.Data.Access;
using Clea.Data.Common;
using Clea.Data.Registry;
using Clea.Data.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Clea.Data.Onboarding;

/// <summary>
/// An organism administrator manages the organism's accounts: invites colleagues (single-use e-mailed link), lists the
/// accounts and the invitations, revokes either. The administrator is re-read from the database at each call, so a
/// revoked or demoted administrator loses these rights at once, whatever their token still says.
/// </summary>
public sealed class OrganismAccounts(CleaDbContext db, IAccountLinks links, IOptions<OnboardingOptions> options, TimeProvider time)
{
    public async Task<Invitation> InviteAsync(string email, UserRole role, ICurrentCaller caller, CancellationToken ct)
    {
        var (admin, organism) = await LoadAdministratorAsync(caller, ct);
        organism.EnsureMayAct(); // a blocked registration lets nobody new in (revoking stays possible)
        var now = time.GetUtcNow().UtcDateTime;
        var token = SecretToken.New();
        var invitation = Invitation.Issue(organism.Id, email, role, admin.Id, SecretToken.Hash(token), now, options.Value.InvitationLifetime);
        // Inviting the same address again replaces the pending invitation (its link stops working).
        foreach (var previous in await db.Invitations.Where(i => i.OrganismId == organism.Id && i.Email == invitation.Email
                     && i.AcceptedAt == null && i.RevokedAt == null).ToListAsync(ct))
            previous.Revoke(now);
        db.Invitations.Add(invitation);
        db.Notifications.Add(AccountMails.Invitation(invitation.Email, organism, admin.DisplayName, role, links.Invitation(token), invitation.ExpiresAt, now));
        await db.SaveChangesAsync(ct);
        return invitation;
    }

    /// <summary>The organism's accounts (revoked ones too, marked), unpaged: the caller pages.</summary>
    public async Task<IQueryable<User>> AccountsAsync(ICurrentCaller caller, CancellationToken ct)
    {
        var (_, organism) = await LoadAdministratorAsync(caller, ct);
        var siren = organism.Siren;
        return db.Users.AsNoTracking().Where(u => u.OrganismSiren == siren
            && (u.Role == UserRole.OrganismAdministrator || u.Role == UserRole.OrganismStaff));
    }

    /// <summary>The organism's invitations, whatever their status, unpaged: the caller pages.</summary>
    public async Task<IQueryable<Invitation>> InvitationsAsync(ICurrentCaller caller, CancellationToken ct)
    {
        var (_, organism) = await LoadAdministratorAsync(caller, ct);
        var organismId = organism.Id;
        return db.Invitations.AsNoTracking().Where(i => i.OrganismId == organismId);
    }

    /// <summary>
    /// Revokes an account of the organism: it can no longer sign in nor refresh a token. The organism always keeps an
    /// active administrator (<see cref="OnboardingErrors.LastOrganismAdministrator"/>).
    /// </summary>
    public async Task<User> RevokeAccountAsync(int userId, ICurrentCaller caller, CancellationToken ct)
    {
        var (_, organism) = await LoadAdministratorAsync(caller, ct);
        var siren = organism.Siren;
        var account = await db.Users.SingleOrDefaultAsync(u => u.Id == userId && u.OrganismSiren == siren, ct);
        if (account is null || !account.IsOfOrganism)
            throw new DomainRuleException(OnboardingErrors.AccountNotFound, "Your organism has no account with this id.");
        if (account.Role == UserRole.OrganismAdministrator && account.RevokedAt is null
            && !await db.Users.AnyAsync(u => u.OrganismSiren == siren && u.Id != userId && u.Role == UserRole.OrganismAdministrator
                && u.RevokedAt == null && !u.EmailConfirmationPending, ct))
            throw new DomainRuleException(OnboardingErrors.LastOrganismAdministrator,
                "This is the organism's last active administrator: invite another administrator before revoking this account.");
        account.Revoke(time.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(ct);
        return account;
    }

    public async Task<Invitation> RevokeInvitationAsync(int invitationId, ICurrentCaller caller, CancellationToken ct)
    {
        var (_, organism) = await LoadAdministratorAsync(caller, ct);
        var invitation = await db.Invitations.SingleOrDefaultAsync(i => i.Id == invitationId && i.OrganismId == organism.Id, ct)
            ?? throw new DomainRuleException(OnboardingErrors.InvitationNotFound, "Your organism has no invitation with this id.");
        invitation.Revoke(time.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(ct);
        return invitation;
    }

    private async Task<(User Admin, Organism Organism)> LoadAdministratorAsync(ICurrentCaller caller, CancellationToken ct)
    {
        var admin = caller.Siren is { } siren && int.TryParse(caller.Subject, NumberStyles.None, CultureInfo.InvariantCulture, out var id)
            ? await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.Id == id && u.OrganismSiren == siren, ct)
            : null;
        if (admin is null || admin.Role != UserRole.OrganismAdministrator || !admin.MaySignIn)
            throw new DomainRuleException(OnboardingErrors.NotOrganismAdministrator, "Only an administrator of the organism may manage its accounts.");
        var organism = await db.Organisms.AsNoTracking().SingleOrDefaultAsync(o => o.Siren == admin.OrganismSiren, ct)
            ?? throw new DomainRuleException(AccessErrors.NotAuthorized, $"Organism {admin.OrganismSiren} is not in the registry.");
        return (admin, organism);
    }
}

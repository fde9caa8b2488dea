using System.Globalization;
using Clea.Data.Access;
using Clea.Data.Common;
using Clea.Data.Referentials;
using Clea.Data.Registry;
using Clea.Data.Users;
using Microsoft.EntityFrameworkCore;

namespace Clea.Data.Onboarding;

/// <summary>What a registrant declares about the organism they act for (administrative part of the application form).</summary>
public sealed record OrganismDeclarationInput
{
    public string Siren { get; init; } = "";
    public string Name { get; init; } = "";
    public string NafCode { get; init; } = "";
    public string DeclarationNumber { get; init; } = "";
    /// <summary>The head office's SIRET (its first 9 digits are the SIREN): the head office is the organism's first site.</summary>
    public string HeadOfficeSiret { get; init; } = "";
    public string? Street { get; init; }
    public string PostalCode { get; init; } = "";
    public string City { get; init; } = "";
    public bool Qualiopi { get; init; }
    public string? QualiopiCertificateNumber { get; init; }
    public DateOnly? QualiopiValidUntil { get; init; }
    public Contact? MainContact { get; init; }
    public Contact? BillingContact { get; init; }
}

/// <summary>
/// <c>declareOrganism</c>: a registrant (confirmed, no organism yet) declares the organism they act for. The organism
/// enters the registry <b>not public</b> (it has no decided habilitation: see <see cref="PublicRegistry"/>),
/// with its head office as first site, and the registrant becomes its administrator. A SIREN already registered is
/// refused (<see cref="OnboardingErrors.OrganismAlreadyRegistered"/>) and only the organism's administrators are told by
/// e-mail: nothing else changes.
/// </summary>
public sealed class OrganismDeclaration(CleaDbContext db, IReferenceCatalog reference, TimeProvider time)
{
    public async Task<Organism> DeclareAsync(OrganismDeclarationInput input, ICurrentCaller caller, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(input);
        var registrant = await LoadRegistrantAsync(caller, ct);
        var today = time.Today();
        var now = time.GetUtcNow().UtcDateTime;

        // Every check before anything is written: a refused declaration changes nothing.
        var siren = Registry.Siren.Parse(input.Siren);
        var headOffice = Siret.Parse(input.HeadOfficeSiret);
        var naf = NafCode.Parse(input.NafCode);
        var declarationNumber = Registry.DeclarationNumber.Parse(input.DeclarationNumber);
        var (certificate, validUntil) = DeclarationRules.Qualiopi(input.Qualiopi, input.QualiopiCertificateNumber, input.QualiopiValidUntil, today);
        var department = await PostalCodes.DepartmentOfAsync(reference, input.PostalCode, ct);
        var address = Address.Create(input.Street, input.PostalCode, input.City, department);
        var main = input.MainContact ?? throw new DomainRuleException(OnboardingErrors.ContactRequired, "An organism declares its main contact.");

        var organism = Organism.Register(siren, input.Name, input.Qualiopi, naf, declarationNumber);
        organism.RecordQualiopiCertificate(certificate, validUntil);
        organism.AddSite(headOffice, organism.Name, address, today, headOffice: true);
        organism.UpdateContacts(main, input.BillingContact, headcount: null, today);

        if (await db.Organisms.AsNoTracking().SingleOrDefaultAsync(o => o.Siren == siren, ct) is { } existing)
        {
            await TellAdministratorsAsync(existing, registrant, now, ct);
            throw new DomainRuleException(OnboardingErrors.OrganismAlreadyRegistered,
                $"SIREN {siren} is already registered; its administrators were told. Ask them to invite you.");
        }

        organism.RecordRegistration(RegistrationSource.Declared, time.GetUtcNow(), registrant.DisplayName, today);
        db.Organisms.Add(organism);
        registrant.BecomeOrganismAdministrator(siren);
        await db.SaveChangesAsync(ct);
        return organism;
    }

    /// <summary>The caller's account, which must be a registrant's that may sign in (the token may be older than a revocation).</summary>
    private async Task<User> LoadRegistrantAsync(ICurrentCaller caller, CancellationToken ct)
    {
        var user = caller.Role == CallerRole.Registrant && int.TryParse(caller.Subject, NumberStyles.None, CultureInfo.InvariantCulture, out var id)
            ? await db.Users.SingleOrDefaultAsync(u => u.Id == id, ct)
            : null;
        if (user is null || user.Role != UserRole.Registrant || !user.MaySignIn)
            throw new DomainRuleException(UserErrors.NotARegistrant,
                "Only a person without an organism yet may declare one (refresh your token if you just declared yours).");
        return user;
    }

    /// <summary>
    /// The outbox only, saved on its own (the refusal changes nothing else): the active administrators, or the main contact
    /// of an organism that has none yet (e.g. one imported or seeded).
    /// </summary>
    private async Task TellAdministratorsAsync(Organism existing, User claimant, DateTime now, CancellationToken ct)
    {
        var siren = existing.Siren;
        var recipients = await db.Users.AsNoTracking()
            .Where(u => u.OrganismSiren == siren && u.Role == UserRole.OrganismAdministrator && u.RevokedAt == null)
            .Select(u => u.Email).ToListAsync(ct);
        if (recipients.Count == 0 && existing.MainContact?.Email is { } contact) recipients.Add(contact);
        db.ChangeTracker.Clear();
        foreach (var email in recipients) db.Notifications.Add(AccountMails.SirenClaimed(email, existing, claimant, now));
        await db.SaveChangesAsync(ct);
    }
}

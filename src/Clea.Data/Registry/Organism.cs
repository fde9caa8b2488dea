using Clea.Data.Common;
using Clea.Data.Habilitations;

namespace Clea.Data.Registry;

/// <summary>
/// A legal entity (SIREN) that applies for, or holds, CléA habilitations. Aggregate root of its sites.
/// </summary>
public sealed partial class Organism
{
    public const int NameMaxLength = 200;

    private readonly List<Site> _sites = [];
    private readonly List<Habilitation> _habilitations = [];
    private readonly List<AnnualTurnover> _turnover = [];

    public int Id { get; private set; }
    public Siren Siren { get; private set; }
    public string Name { get; private set; } = null!;
    /// <summary>Folded copy of <see cref="Name"/> for accent- and case-insensitive search.</summary>
    public string NameSearch { get; private set; } = null!;
    /// <summary>Whether the organism currently holds the Qualiopi quality certification (required for EDOF).</summary>
    public bool Qualiopi { get; private set; }
    /// <summary>The day the organism lost Qualiopi, as declared (a change of situation); null while it holds it or never did.</summary>
    public DateOnly? QualiopiLostOn { get; private set; }
    /// <summary>The Qualiopi certificate's number, as declared; not public.</summary>
    public string? QualiopiCertificateNumber { get; private set; }
    /// <summary>The Qualiopi certificate's expiry date, as declared.</summary>
    public DateOnly? QualiopiValidUntil { get; private set; }
    /// <summary>NAF/APE code, e.g. 85.59A.</summary>
    public string? NafCode { get; private set; }
    /// <summary>Training-body declaration number (11 digits).</summary>
    public string? DeclarationNumber { get; private set; }
    /// <summary>True for generated demonstration data, never for real organisms.</summary>
    public bool IsDemo { get; private set; }

    /// <summary>Main contact (application form, identity sheet); not public.</summary>
    public Contact? MainContact { get; private set; }
    /// <summary>Billing contact; not public.</summary>
    public Contact? BillingContact { get; private set; }
    /// <summary>Staff headcount; not public.</summary>
    public int? Headcount { get; private set; }
    /// <summary>When the organism last updated its contact details (to be kept current within 5 days of a change).</summary>
    public DateOnly? ContactsUpdatedOn { get; private set; }
    /// <summary>Declared turnover per financial year; not public.</summary>
    public IReadOnlyCollection<AnnualTurnover> Turnover => _turnover;

    /// <summary>
    /// The earliest filing day of its habilitation files, and of its decided ones (accepted or refused): what an
    /// any-status search asks of the habilitations ("a file filed by that day", "a decided one" for the public), read
    /// on the organism's row instead of joining every habilitation. Never set by the domain: maintained from the
    /// habilitations in the same transaction as their changes (<see cref="RegistryChanges"/>, <see cref="FirstFilingsSql"/>).
    /// </summary>
    public DateOnly? FirstFiledOn { get; private set; }
    /// <inheritdoc cref="FirstFiledOn"/>
    public DateOnly? FirstDecidedFiledOn { get; private set; }

    /// <summary>
    /// Portable SQL recomputing <see cref="FirstFiledOn"/> and <see cref="FirstDecidedFiledOn"/> from the habilitations
    /// (append a WHERE on "Id" to limit it): the save hook, the migration's backfill and the bulk generators run it.
    /// </summary>
    public const string FirstFilingsSql = """
        UPDATE "Organisms" SET
        "FirstFiledOn" = (SELECT MIN(h."FiledOn") FROM "Habilitations" h WHERE h."OrganismId" = "Organisms"."Id"),
        "FirstDecidedFiledOn" = (SELECT MIN(h."FiledOn") FROM "Habilitations" h WHERE h."OrganismId" = "Organisms"."Id" AND h."Outcome" <> 'Pending')
        """;

    public IReadOnlyCollection<Site> Sites => _sites;
    public IReadOnlyCollection<Habilitation> Habilitations => _habilitations;

    private Organism() { }

    public static Organism Register(Siren siren, string name, bool qualiopi, string? nafCode = null,
        string? declarationNumber = null, bool isDemo = false)
    {
        var organism = new Organism { Siren = siren, Qualiopi = qualiopi, NafCode = nafCode, DeclarationNumber = declarationNumber, IsDemo = isDemo };
        organism.Rename(name);
        return organism;
    }

    public void Rename(string name)
    {
        if (string.IsNullOrWhiteSpace(name))
            throw new DomainRuleException(RegistryErrors.NameRequired, "An organism needs a name.");
        Name = name.Trim();
        NameSearch = SearchText.Normalize(name);
    }

    public void SetQualiopi(bool certified)
    {
        Qualiopi = certified;
        if (certified) QualiopiLostOn = null;
    }

    /// <summary>The Qualiopi certificate as declared (checked by <c>Onboarding.DeclarationRules.Qualiopi</c>).</summary>
    public void RecordQualiopiCertificate(string? number, DateOnly? validUntil)
    {
        QualiopiCertificateNumber = number;
        QualiopiValidUntil = validUntil;
    }

    /// <summary>Loss of Qualiopi (a change of situation): EDOF eligibility ends that day (see <see cref="HoldsQualiopiOn"/>).</summary>
    public void LoseQualiopi(DateOnly on)
    {
        if (!Qualiopi) return;
        Qualiopi = false;
        QualiopiLostOn = on;
    }

    /// <summary>Whether the organism held Qualiopi on <paramref name="date"/>, as far as its declared loss tells.</summary>
    public bool HoldsQualiopiOn(DateOnly date) => Qualiopi || QualiopiLostOn > date;

    /// <summary>
    /// Lists a site. New sites under the same SIREN need no new application (convention §IV.7), but the SIRET
    /// must be one of this organism's establishments.
    /// </summary>
    public Site AddSite(Siret siret, string name, Address address, DateOnly openedOn, bool headOffice = false)
    {
        if (siret.Siren != Siren)
            throw new DomainRuleException(RegistryErrors.SiteOfAnotherSiren,
                $"SIRET {siret} belongs to SIREN {siret.Siren}, not to this organism's SIREN {Siren}.");
        if (_sites.Any(s => s.Siret == siret))
            throw new DomainRuleException(RegistryErrors.SiteAlreadyListed, $"Site {siret} is already listed.");
        var site = new Site(this, siret, name, address, openedOn, headOffice);
        _sites.Add(site);
        return site;
    }

    /// <summary>
    /// The organism keeps its contact details current on the platform (convention §IV: within 5 days of a change).
    /// </summary>
    public void UpdateContacts(Contact main, Contact? billing, int? headcount, DateOnly on)
    {
        if (headcount is < 0 or > 1_000_000)
            throw new DomainRuleException(RegistryErrors.InvalidHeadcount, $"A headcount is between 0 and 1,000,000; {headcount} was given.");
        MainContact = main;
        BillingContact = billing;
        Headcount = headcount;
        ContactsUpdatedOn = on;
    }

    /// <summary>Declares (or corrects) the turnover of a closed financial year.</summary>
    public void DeclareTurnover(int year, decimal amountEuros, DateOnly today)
    {
        if (year >= today.Year || year < today.Year - 10)
            throw new DomainRuleException(RegistryErrors.InvalidTurnover, $"Turnover is declared for a closed year of the last ten ({today.Year - 10}–{today.Year - 1}); {year} was given.");
        if (amountEuros < 0 || decimal.Round(amountEuros, 2) != amountEuros)
            throw new DomainRuleException(RegistryErrors.InvalidTurnover, "A turnover is a non-negative amount in euros with at most 2 decimals.");
        var existing = _turnover.SingleOrDefault(t => t.Year == year);
        if (existing is null) _turnover.Add(new AnnualTurnover(year, amountEuros));
        else existing.Correct(amountEuros);
    }

    /// <summary>Closes one of this organism's sites; it leaves the public registry from that day, its history stays.</summary>
    public Site CloseSite(Siret siret, DateOnly closedOn)
    {
        var site = _sites.SingleOrDefault(s => s.Siret == siret)
            ?? throw new DomainRuleException(RegistryErrors.SiteNotListed, $"Site {siret} is not one of this organism's listed sites.");
        site.Close(closedOn);
        return site;
    }

    /// <summary>Records a habilitation file of this organism (filed application, decided or not).</summary>
    public Habilitation File(Habilitation habilitation)
    {
        _habilitations.Add(habilitation);
        return habilitation;
    }
}

using Clea.Data.Common;
using Clea.Data.Events;
using Clea.Data.Habilitations;

namespace Clea.Data.Registry;

/// <summary>Where an organism's record stands on the platform (Certif Pro's oversight of registrations).</summary>
public enum RegistrationStatus
{
    /// <summary>Registered: its people act normally. Not public until it holds a decided habilitation (<see cref="PublicRegistry"/>).</summary>
    Registered,
    /// <summary>Blocked as fraudulent: its people may not file, register candidates or record evaluations.</summary>
    Blocked,
    /// <summary>A duplicate merged into another record (<see cref="Organism.MergedIntoId"/>): nobody acts as it any more.</summary>
    Merged,
}

/// <summary>How the record came in.</summary>
public enum RegistrationSource
{
    /// <summary>Declared by a person who signed up (the first account of the organism).</summary>
    Declared,
    /// <summary>Imported from the previous platform (<c>import-organisms</c>).</summary>
    Imported,
}

/// <summary>
/// The registration side of an organism: provenance, blocking, merging and corrections by Certif Pro staff, each a
/// <see cref="LifecycleEvent"/> with who (stamped by the context) and why. Kept in its own file so that the organism's
/// identity rules (Organism.cs) and these oversight rules can change apart.
/// </summary>
public sealed partial class Organism : EventSource
{
    public const int RegisteredByMaxLength = 200;

    public RegistrationStatus RegistrationStatus { get; private set; }
    /// <summary>How the record came in; null for organisms that predate registration records (demo data).</summary>
    public RegistrationSource? RegistrationSource { get; private set; }
    /// <summary>UTC instant of the registration; null for organisms that predate registration records.</summary>
    public DateTime? RegisteredAt { get; private set; }
    /// <summary>Who registered it: the declaring person's name, or the import's operator.</summary>
    public string? RegisteredBy { get; private set; }
    /// <summary>The record a duplicate was merged into.</summary>
    public int? MergedIntoId { get; private set; }

    /// <summary>Records who brought the organism in, and when (the declaration or the import calls it once).</summary>
    public void RecordRegistration(RegistrationSource source, DateTimeOffset at, string by, DateOnly today)
    {
        RegistrationSource = source;
        RegisteredAt = at.UtcDateTime;
        RegisteredBy = Limit(by, RegisteredByMaxLength);
        Raise(new LifecycleEvent(LifecycleEventKind.OrganismRegistered, today, this, reference: source.ToString()));
    }

    /// <summary>
    /// The rule every act of the organism's people goes through (filing, registering candidates, recording evaluations):
    /// a blocked or merged record acts no more.
    /// </summary>
    public void EnsureMayAct()
    {
        if (RegistrationStatus == RegistrationStatus.Blocked)
            throw new DomainRuleException(OrganismRegistrationErrors.OrganismBlocked,
                $"The registration of {Name} ({Siren}) is blocked by Certif Pro: contact Certif Pro.");
        if (RegistrationStatus == RegistrationStatus.Merged)
            throw new DomainRuleException(OrganismRegistrationErrors.OrganismMerged,
                $"{Name} ({Siren}) was merged into another record by Certif Pro: sign in again to act as that organism.");
    }

    public void Block(string? reason, DateOnly today)
    {
        var why = RequireReason(reason);
        if (RegistrationStatus == RegistrationStatus.Merged) EnsureMayAct();
        if (RegistrationStatus == RegistrationStatus.Blocked)
            throw new DomainRuleException(OrganismRegistrationErrors.AlreadyBlocked, $"{Name} ({Siren}) is already blocked.");
        RegistrationStatus = RegistrationStatus.Blocked;
        Raise(new LifecycleEvent(LifecycleEventKind.OrganismBlocked, today, this, why));
    }

    public void Unblock(string? reason, DateOnly today)
    {
        var why = RequireReason(reason);
        if (RegistrationStatus != RegistrationStatus.Blocked)
            throw new DomainRuleException(OrganismRegistrationErrors.NotBlocked, $"{Name} ({Siren}) is not blocked.");
        RegistrationStatus = RegistrationStatus.Registered;
        Raise(new LifecycleEvent(LifecycleEventKind.OrganismUnblocked, today, this, why));
    }

    /// <summary>Corrects the legal name (one event, with the old and new values and why).</summary>
    public bool CorrectName(string? name, string why, DateOnly today)
    {
        if (name is null || name.Trim() == Name) return false;
        var old = Name;
        Rename(name);
        RaiseCorrection("name", old, Name, why, today);
        return true;
    }

    public bool CorrectNafCode(string? nafCode, string why, DateOnly today)
    {
        if (nafCode is null) return false;
        var parsed = Registry.NafCode.Parse(nafCode);
        if (parsed == NafCode) return false;
        var old = NafCode;
        NafCode = parsed;
        RaiseCorrection("nafCode", old, parsed, why, today);
        return true;
    }

    public bool CorrectDeclarationNumber(string? number, string why, DateOnly today)
    {
        if (number is null) return false;
        var parsed = Registry.DeclarationNumber.Parse(number);
        if (parsed == DeclarationNumber) return false;
        var old = DeclarationNumber;
        DeclarationNumber = parsed;
        RaiseCorrection("declarationNumber", old, parsed, why, today);
        return true;
    }

    public bool CorrectQualiopi(bool? qualiopi, string why, DateOnly today)
    {
        if (qualiopi is not { } certified || certified == Qualiopi) return false;
        var old = Qualiopi;
        SetQualiopi(certified);
        RaiseCorrection("qualiopi", old ? "yes" : "no", certified ? "yes" : "no", why, today);
        return true;
    }

    /// <summary>
    /// Corrects the Qualiopi certificate (number and/or expiry; the other keeps its recorded value) under the declaration's
    /// rule (<see cref="Onboarding.DeclarationRules.Qualiopi"/>): only for a certified organism, both known, not expired.
    /// </summary>
    public bool CorrectQualiopiCertificate(string? number, DateOnly? validUntil, string why, DateOnly today)
    {
        if (number is null && validUntil is null) return false;
        var (newNumber, newValidUntil) = Onboarding.DeclarationRules.Qualiopi(Qualiopi,
            number ?? QualiopiCertificateNumber, validUntil ?? QualiopiValidUntil, today);
        if (newNumber == QualiopiCertificateNumber && newValidUntil == QualiopiValidUntil) return false;
        var old = $"{QualiopiCertificateNumber ?? "—"} until {QualiopiValidUntil?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) ?? "—"}";
        RecordQualiopiCertificate(newNumber, newValidUntil);
        RaiseCorrection("qualiopiCertificate", old,
            $"{newNumber} until {newValidUntil?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)}", why, today);
        return true;
    }

    /// <summary>Corrects the head office's address (the site marked as head office).</summary>
    public bool CorrectHeadOfficeAddress(Address? address, string why, DateOnly today)
    {
        if (address is null) return false;
        var headOffice = _sites.FirstOrDefault(s => s.HeadOffice && s.ClosedOn is null)
            ?? throw new DomainRuleException(OrganismRegistrationErrors.NoHeadOffice, $"{Name} ({Siren}) has no open head office whose address could be corrected.");
        if (headOffice.Address == address) return false;
        var old = headOffice.Address;
        headOffice.CorrectAddress(address);
        RaiseCorrection("headOfficeAddress", Describe(old), Describe(address), why, today);
        return true;
    }

    /// <summary>
    /// Merges this duplicate into <paramref name="keep"/>: the duplicate must hold no habilitation file (those are not moved:
    /// an habilitation is personal and never transferred to another SIREN, DOMAIN §4); its open sites close today (their
    /// SIRETs carry the duplicate's SIREN, so they cannot become the kept organism's); its contacts move when the kept
    /// record has none; its people's accounts are moved by the caller. Events on both records.
    /// </summary>
    public void MergeInto(Organism keep, bool holdsFiles, string? reason, DateOnly today)
    {
        var why = RequireReason(reason);
        if (ReferenceEquals(keep, this) || keep.Siren == Siren)
            throw new DomainRuleException(OrganismRegistrationErrors.MergeIntoItself, "An organism cannot be merged into itself.");
        if (RegistrationStatus == RegistrationStatus.Merged || keep.RegistrationStatus == RegistrationStatus.Merged)
            throw new DomainRuleException(OrganismRegistrationErrors.OrganismMerged, "One of the two records was already merged into another.");
        if (holdsFiles || _habilitations.Count > 0)
            throw new DomainRuleException(OrganismRegistrationErrors.MergeConflict,
                $"{Name} ({Siren}) holds habilitation files, applications or candidates: they are not moved to another SIREN; close them first or block the record instead.");
        var closed = new List<string>();
        foreach (var site in _sites.Where(s => s.ClosedOn is null && s.OpenedOn < today))
        {
            site.Close(today);
            closed.Add(site.Siret.Value);
        }
        // The contacts move when the kept record has none (the duplicate's declarant may have given the only ones).
        if (keep.MainContact is null && MainContact is not null) keep.UpdateContacts(MainContact, BillingContact, keep.Headcount ?? Headcount, today);
        RegistrationStatus = RegistrationStatus.Merged;
        MergedIntoId = keep.Id;
        var sites = closed.Count == 0 ? "" : $" Sites closed: {string.Join(", ", closed)}.";
        Raise(new LifecycleEvent(LifecycleEventKind.OrganismMergedInto, today, this, why + sites, reference: keep.Siren.Value));
        keep.Raise(new LifecycleEvent(LifecycleEventKind.DuplicateMerged, today, keep, why, reference: Siren.Value));
    }

    /// <summary>Whether the organism holds an habilitation the public registry shows: any decided file (accepted or refused).</summary>
    public static System.Linq.Expressions.Expression<Func<Organism, bool>> Listed { get; }
        = o => o.Habilitations.Any(h => h.Outcome != DecisionOutcome.Pending);

    private void RaiseCorrection(string field, string? old, string? corrected, string why, DateOnly today)
        => Raise(new LifecycleEvent(LifecycleEventKind.RegistrationCorrected, today, this,
            $"{why} ({field}: '{old ?? ""}' → '{corrected ?? ""}')", reference: field));

    internal static string RequireReason(string? reason)
        => string.IsNullOrWhiteSpace(reason)
            ? throw new DomainRuleException(InputErrors.ReasonRequired, "Say why (it is recorded with the event).")
            : reason.Trim();

    private static string Describe(Address a) => $"{a.Street}, {a.PostalCode} {a.City}".TrimStart(',', ' ');

    private static string Limit(string text, int max) => text.Length <= max ? text : text[..max];
}

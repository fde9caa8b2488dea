using Clea.Data.Common;
using Clea.Data.Habilitations;
using Clea.Data.Instances;
using Clea.Data.Registry;

namespace Clea.Data.Access;

/// <summary>
/// The organisms whose non-public data a caller may see, in its two forms: <see cref="VisibleOrganismIds"/> (SQL, for
/// lists) and <see cref="Sees"/> (memory, for the organism at hand). Administrators and Certif Pro staff see all; a CPNE's
/// staff the organisms that filed with that CPNE (its professional field); organism staff their own; auditors their audited
/// organisms; anyone else none. A test keeps the two forms in agreement for every demo account and organism.
/// </summary>
public sealed class OrganismScope
{
    private OrganismScope(ICurrentCaller caller, Instance? instance)
    {
        Caller = caller;
        Instance = instance;
    }

    public ICurrentCaller Caller { get; }

    /// <summary>The caller's Instance (instance staff only).</summary>
    public Instance? Instance { get; }

    public static async Task<OrganismScope> OfAsync(ICurrentCaller caller, CancellationToken ct = default)
        => new(caller, caller.IsAuthenticated && caller.Role == CallerRole.InstanceStaff ? await caller.InstanceAsync(ct) : null);

    /// <summary>True when <see cref="Sees"/> needs the organism's habilitations (a CPNE's answer depends on its files).</summary>
    public bool NeedsHabilitations => Caller.IsAuthenticated && Caller.Role == CallerRole.InstanceStaff && Instance?.Kind == InstanceKind.Cpne;

    /// <summary>The ids of the organisms the caller may see, as a SQL subquery; null when it may see all.</summary>
    public IQueryable<int>? VisibleOrganismIds(CleaDbContext db)
    {
        var none = db.Organisms.Where(o => false).Select(o => o.Id);
        if (!Caller.IsAuthenticated) return none;
        switch (Caller.Role)
        {
            case CallerRole.Administrator:
                return null;
            case CallerRole.InstanceStaff:
                if (Instance is null) return none;
                if (Instance.Kind == InstanceKind.CertifPro) return null;
                var instanceId = Instance.Id;
                return db.Habilitations.Where(h => h.InstanceId == instanceId).Select(h => h.OrganismId);
            case CallerRole.OrganismStaff when Caller.Siren is { } siren:
                return db.Organisms.Where(o => o.Siren == siren).Select(o => o.Id);
            case CallerRole.Auditor:
                var audited = Caller.AuditedSirens.ToList();
                return db.Organisms.Where(o => audited.Contains(o.Siren)).Select(o => o.Id);
            default:
                return none;
        }
    }

    /// <summary>Whether the caller may see this organism's non-public data; <paramref name="habilitations"/> are the organism's (needed for a CPNE only).</summary>
    public bool Sees(Organism organism, IEnumerable<Habilitation> habilitations)
    {
        if (!Caller.IsAuthenticated) return false;
        return Caller.Role switch
        {
            CallerRole.Administrator => true,
            CallerRole.OrganismStaff => Caller.Siren == organism.Siren,
            CallerRole.Auditor => Caller.AuditedSirens.Contains(organism.Siren),
            CallerRole.InstanceStaff => Instance is not null
                && (Instance.Kind == InstanceKind.CertifPro || habilitations.Any(h => h.InstanceId == Instance.Id)),
            _ => false,
        };
    }

    /// <summary>
    /// Candidates' personal data: the organism's own staff, and auditors of that organism. Nobody else, administrators included.
    /// </summary>
    public bool SeesCandidatesOf(Siren siren)
    {
        if (!Caller.IsAuthenticated) return false;
        return Caller.Role switch
        {
            CallerRole.OrganismStaff => Caller.Siren == siren,
            CallerRole.Auditor => Caller.AuditedSirens.Contains(siren),
            _ => false,
        };
    }

    /// <summary>The error for an object the caller may not see: a field answers null with it.</summary>
    public static DomainRuleException Denied(string what) => new(AccessErrors.NotAuthorized, $"You are not allowed to see {what}.");

    /// <summary>Refuses, with <see cref="HabilitationErrors.OutsideInstanceField"/>, an Instance acting on an habilitation outside its field.</summary>
    public void EnsureMayDecideOn(Habilitation habilitation)
    {
        var instance = Instance ?? throw new DomainRuleException(AccessErrors.NotAuthorized, "Only the staff of an Instance may do this.");
        if (instance.Kind == InstanceKind.CertifPro || instance.Id == habilitation.InstanceId) return;
        throw new DomainRuleException(HabilitationErrors.OutsideInstanceField,
            $"{instance.Name} acts only on the habilitations it decided, within its professional field ({instance.ProfessionalField}); this one was decided by another Instance.");
    }

    /// <summary>Refuses callers other than Certif Pro staff and administrators (billing is Certif Pro's, annexe 2).</summary>
    public void EnsureCertifProOrAdmin()
    {
        if (Caller.Role == CallerRole.Administrator || Instance?.Kind == InstanceKind.CertifPro) return;
        throw new DomainRuleException(AccessErrors.NotAuthorized, "Fees are invoiced by Certif Pro: only its staff and administrators may do this.");
    }

    /// <summary>Instance staff act on their own Instance's files only (a CPNE never on Certif Pro's); administrators on all.</summary>
    public void EnsureInstructs(int instanceId)
    {
        if (Caller.Role == CallerRole.Administrator) return;
        if (Instance?.Id != instanceId)
            throw new DomainRuleException(AccessErrors.NotAuthorized, "Only the staff of the campaign's Instance (or an administrator) may do this.");
    }
}

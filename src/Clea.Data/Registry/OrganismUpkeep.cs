using Clea.Data.Access;
using Clea.Data.Common;
using Clea.Data.Intervenants;
using Clea.Data.Referentials;
using Clea.Data.Situations;
using Microsoft.EntityFrameworkCore;

namespace Clea.Data.Registry;

/// <summary>
/// Organism staff keep their own organism's data current (convention §IV): contacts, turnover, sites, evaluators and
/// trainers, changes of situation. Always the caller's own organism; each operation saves once.
/// </summary>
public sealed class OrganismUpkeep(CleaDbContext db, IReferenceCatalog reference, TimeProvider time)
{
    public async Task<Organism> UpdateContactsAsync(Contact main, Contact? billing, int? headcount, ICurrentCaller caller, CancellationToken ct)
    {
        var organism = await CallerOrganism.LoadTrackedAsync(db, caller, ct);
        organism.UpdateContacts(main, billing, headcount, time.Today());
        await db.SaveChangesAsync(ct);
        return organism;
    }

    public async Task<Organism> DeclareTurnoverAsync(int year, decimal amountEuros, ICurrentCaller caller, CancellationToken ct)
    {
        var organism = await CallerOrganism.LoadTrackedAsync(db, caller, ct);
        organism.DeclareTurnover(year, amountEuros, time.Today());
        await db.SaveChangesAsync(ct);
        return organism;
    }

    /// <summary>Lists a new site (same SIREN), open from <see cref="SiteInput.OpenedOn"/> (default today).</summary>
    public async Task<Site> AddSiteAsync(SiteInput input, ICurrentCaller caller, CancellationToken ct)
    {
        await reference.RequireDepartmentAsync(input.Department, ct);
        var organism = await CallerOrganism.LoadTrackedAsync(db, caller, ct);
        var site = organism.AddSite(Siret.Parse(input.Siret), input.Name, input.ToAddress(), input.OpenedOn ?? time.Today());
        await db.SaveChangesAsync(ct);
        return site;
    }

    public async Task<Site> CloseSiteAsync(string siret, DateOnly? closedOn, ICurrentCaller caller, CancellationToken ct)
    {
        var parsed = Siret.Parse(siret);
        var organism = await CallerOrganism.LoadTrackedAsync(db, caller, ct);
        var site = organism.CloseSite(parsed, closedOn ?? time.Today());
        await db.SaveChangesAsync(ct);
        return site;
    }

    public async Task<Intervenant> DeclareIntervenantAsync(string firstName, string lastName, bool evaluator, bool trainer,
        IReadOnlyList<string> qualifications, bool remoteEvaluation, ICurrentCaller caller, CancellationToken ct)
    {
        var organism = await CallerOrganism.LoadTrackedAsync(db, caller, ct);
        var intervenant = Intervenant.Declare(organism, firstName, lastName, evaluator, trainer, qualifications, remoteEvaluation, time.Today());
        db.Intervenants.Add(intervenant);
        await db.SaveChangesAsync(ct);
        return intervenant;
    }

    /// <summary>An intervenant leaves the team from <paramref name="on"/> (default today); another organism's is indistinguishable from a missing one.</summary>
    public async Task<Intervenant> WithdrawIntervenantAsync(int id, DateOnly? on, ICurrentCaller caller, CancellationToken ct)
    {
        var organism = await CallerOrganism.LoadTrackedAsync(db, caller, ct);
        var intervenant = await db.Intervenants.SingleOrDefaultAsync(i => i.Id == id && i.OrganismId == organism.Id, ct)
            ?? throw new DomainRuleException(IntervenantErrors.NotFound, "Your organism has no intervenant with this id.");
        intervenant.Withdraw(on ?? time.Today());
        await db.SaveChangesAsync(ct);
        return intervenant;
    }

    /// <summary>A change of the organism's situation, declared today (due within 30 days of it).</summary>
    public async Task<SituationChange> DeclareSituationChangeAsync(SituationChangeKind kind, DateOnly occurredOn, string? description,
        ICurrentCaller caller, CancellationToken ct)
    {
        var organism = await CallerOrganism.LoadTrackedAsync(db, caller, ct);
        var change = SituationChange.Declare(organism, kind, occurredOn, time.Today(), description);
        db.SituationChanges.Add(change);
        await db.SaveChangesAsync(ct);
        return change;
    }
}

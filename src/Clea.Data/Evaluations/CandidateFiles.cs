using Clea.Data.Common;
using Clea.Data.Fees;
using Clea.Data.Habilitations;
using Clea.Data.Intervenants;
using Clea.Data.Referentials;
using Microsoft.EntityFrameworkCore;

namespace Clea.Data.Evaluations;

/// <summary>
/// Loads what the evaluation rules need for one organism, in a constant number of statements: candidates with their
/// whole path, the organism's habilitations (tracked: evaluations record their use), intervenants, the fee grid and the
/// référentiel (from the in-memory reference data).
/// </summary>
public sealed class CandidateFiles(CleaDbContext db, IReferenceCatalog reference)
{
    public IQueryable<Candidate> WithPath(bool tracked = true)
    {
        var query = db.Candidates
            .Include(c => c.Evaluations).ThenInclude(e => e.Results)
            .Include(c => c.TrainingPath).ThenInclude(p => p!.Trainers)
            .Include(c => c.JuryDecisions)
            .Include(c => c.Certificate)
            .Include(c => c.Appeals)
            .AsSplitQuery();
        return tracked ? query : query.AsNoTracking();
    }

    /// <summary>The SIREN of a candidate's organism (null when there is no such candidate): whose candidate it is, before reading it.</summary>
    public Task<Registry.Siren?> OrganismSirenAsync(int candidateId, CancellationToken ct)
        => db.Candidates.Where(c => c.Id == candidateId)
            .Join(db.Organisms, c => c.OrganismId, o => o.Id, (c, o) => (Registry.Siren?)o.Siren).SingleOrDefaultAsync(ct);

    public Task<Registry.Organism?> OrganismAsync(Registry.Siren siren, CancellationToken ct)
        => db.Organisms.AsNoTracking().SingleOrDefaultAsync(o => o.Siren == siren, ct);

    /// <summary>One of the organism's candidates; another organism's is indistinguishable from a missing one.</summary>
    public async Task<Candidate> OwnAsync(int organismId, int candidateId, CancellationToken ct)
        => await WithPath().SingleOrDefaultAsync(c => c.Id == candidateId && c.OrganismId == organismId, ct)
            ?? throw new DomainRuleException(EvaluationErrors.CandidateNotFound, "Your organism has no candidate with this id.");

    public Task<List<Habilitation>> HabilitationsAsync(int organismId, CancellationToken ct)
        => db.Habilitations.Include(h => h.Suspensions).Where(h => h.OrganismId == organismId).ToListAsync(ct);

    public Task<List<Intervenant>> IntervenantsAsync(int organismId, CancellationToken ct)
        => db.Intervenants.AsNoTracking().Where(i => i.OrganismId == organismId).ToListAsync(ct);

    /// <summary>The region of a site (from its département), null when its département is unknown.</summary>
    public Task<Region?> RegionOfSiteAsync(int siteId, CancellationToken ct)
        => db.Sites.AsNoTracking().Where(s => s.Id == siteId)
            .Join(db.Departments, s => s.Address.DepartmentCode, d => d.Code, (s, d) => d.Region).SingleOrDefaultAsync(ct);

    public Task<FeeSchedule> FeesAsync(CancellationToken ct) => Billing.ScheduleAsync(db, ct);

    public Task<Certification> ReferentialAsync(CertificationCode code) => reference.CertificationAsync(code);
}

using Clea.Data.Access;
using Clea.Data.Common;
using Clea.Data.Habilitations;
using Clea.Data.Registry;

namespace Clea.Data.Evaluations;

/// <summary>
/// Organism staff record their candidates' path: registration, prior evaluation, training path, final evaluations, jury
/// decision (and certificate), candidate appeals. Rules are the domain's (<see cref="Candidate"/>); each operation acts on
/// the caller's own organism's candidate, saves once, and answers the candidate with its organism (the read is logged by the caller).
/// </summary>
public sealed class CandidatePath(CleaDbContext db, CandidateFiles files, TimeProvider time)
{
    public async Task<(Organism Organism, Candidate Candidate)> RegisterAsync(RegisterCandidateInput input, ICurrentCaller caller, CancellationToken ct)
    {
        var organism = await CallerOrganism.LoadTrackedAsync(db, caller, ct);
        var candidate = Register(organism, input, await files.HabilitationsAsync(organism.Id, ct), time.Today());
        db.Candidates.Add(candidate);
        await db.SaveChangesAsync(ct);
        return (organism, candidate);
    }

    public Task<(Organism Organism, Candidate Candidate)> RecordPriorEvaluationAsync(int candidateId, EvaluationInput input, ICurrentCaller caller, CancellationToken ct)
        => ApplyAsync(candidateId, caller, ct, async (organism, candidate) =>
        {
            var (_, fee) = candidate.RecordPriorEvaluation(input, await files.ReferentialAsync(candidate.Certification),
                await files.HabilitationsAsync(organism.Id, ct), await files.IntervenantsAsync(organism.Id, ct), organism, await files.FeesAsync(ct));
            if (fee is not null) db.FeeLines.Add(fee);
        });

    public Task<(Organism Organism, Candidate Candidate)> RecordTrainingPathAsync(int candidateId, DateOnly? startedOn, IReadOnlyCollection<int> trainerIds,
        ICurrentCaller caller, CancellationToken ct)
        => ApplyAsync(candidateId, caller, ct, async (organism, candidate) =>
        {
            var today = time.Today();
            candidate.RecordTrainingPath(RecordedDates.NotAfter(startedOn ?? today, today, "training start"), trainerIds,
                await files.IntervenantsAsync(organism.Id, ct));
        });

    public Task<(Organism Organism, Candidate Candidate)> AddTrainerAsync(int candidateId, int trainerId, DateOnly? from, ICurrentCaller caller, CancellationToken ct)
        => ApplyAsync(candidateId, caller, ct, async (organism, candidate) =>
        {
            var today = time.Today();
            candidate.AddTrainer(trainerId, RecordedDates.NotAfter(from ?? today, today, "trainer start"), await files.IntervenantsAsync(organism.Id, ct));
        });

    public Task<(Organism Organism, Candidate Candidate)> RecordFinalEvaluationAsync(int candidateId, EvaluationInput input, ICurrentCaller caller, CancellationToken ct)
        => ApplyAsync(candidateId, caller, ct, async (organism, candidate) =>
            candidate.RecordFinalEvaluation(input, await files.ReferentialAsync(candidate.Certification),
                await files.HabilitationsAsync(organism.Id, ct), await files.IntervenantsAsync(organism.Id, ct)));

    /// <summary>The jury's decision with its members; the candidate's region (of its site) names a CléA Socle certificate's issuer.</summary>
    public Task<(Organism Organism, Candidate Candidate)> RecordJuryDecisionAsync(int candidateId, DateOnly? decidedOn, bool validated,
        CertificateDelivery delivery, string? minutesReference, IReadOnlyList<JuryMemberInput> members, ICurrentCaller caller, CancellationToken ct)
        => ApplyAsync(candidateId, caller, ct, async (organism, candidate) =>
        {
            var today = time.Today();
            var jury = new JuryComposition(members, await files.IntervenantsAsync(organism.Id, ct), await files.RegionOfSiteAsync(candidate.SiteId, ct));
            var (_, _, fee) = candidate.RecordJuryDecision(RecordedDates.NotAfter(decidedOn ?? today, today, "jury"), validated, delivery, minutesReference,
                await files.ReferentialAsync(candidate.Certification), await files.HabilitationsAsync(organism.Id, ct), organism, await files.FeesAsync(ct), jury);
            if (fee is not null) db.FeeLines.Add(fee);
        });

    public Task<(Organism Organism, Candidate Candidate)> FileAppealAsync(int candidateId, CandidateAppealKind kind, DateOnly? filedOn, string? reason,
        ICurrentCaller caller, CancellationToken ct)
        => ApplyAsync(candidateId, caller, ct, (_, candidate) =>
        {
            var today = time.Today();
            candidate.FileAppeal(kind, RecordedDates.NotAfter(filedOn ?? today, today, "appeal"), reason);
            return Task.CompletedTask;
        });

    /// <summary>A registration at one of the organism's own sites (its site list is loaded with it).</summary>
    internal static Candidate Register(Organism organism, RegisterCandidateInput input, IEnumerable<Habilitation> habilitations, DateOnly today)
    {
        var siret = Siret.Parse(input.Siret);
        var site = organism.Sites.SingleOrDefault(s => s.Siret == siret)
            ?? throw new DomainRuleException(RegistryErrors.SiteNotListed, $"Site {siret} is not one of your organism's sites.");
        var registeredOn = RecordedDates.NotAfter(input.RegisteredOn ?? today, today, "registration");
        return Candidate.Register(organism, site, input.Certification, registeredOn, input.ToIdentity(), habilitations);
    }

    private async Task<(Organism, Candidate)> ApplyAsync(int candidateId, ICurrentCaller caller, CancellationToken ct, Func<Organism, Candidate, Task> apply)
    {
        var organism = await CallerOrganism.LoadTrackedAsync(db, caller, ct);
        var candidate = await files.OwnAsync(organism.Id, candidateId, ct);
        await apply(organism, candidate);
        await db.SaveChangesAsync(ct);
        return (organism, candidate);
    }
}

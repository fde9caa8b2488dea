using Clea.Auth.Policies;
using Clea.Data;
using Clea.Data.Common;
using Clea.Data.Evaluations;
using Clea.Data.Registry;
using Clea.Graph.Common;
using Clea.Graph.Privacy;
using Clea.Graph.Referentials;
using Clea.Graph.Registry;
using Clea.Graph.Schema;
using GraphQL;
using GraphQL.Types;

namespace Clea.Graph.Evaluations;

/// <summary>
/// Organism staff record their candidates' path: registration, prior evaluation, training path, final evaluations, jury
/// decision (and certificate), candidate appeals. Rules are the domain's (<see cref="Candidate"/>); every refusal has
/// a code and changes nothing.
/// </summary>
public sealed class EvaluationMutations : IMutationFields
{
    public void AddTo(ObjectGraphType mutation)
    {
        mutation.Field<NonNullGraphType<CandidateType>>("registerCandidate")
            .Description("Registers a candidate at one of your sites for a certification your organism is habilitated for on the registration day.")
            .AuthorizeWithPolicy(CleaPolicies.OrganismStaff)
            .Argument<NonNullGraphType<RegisterCandidateInputType>>("input")
            .ResolveAsync(async ctx =>
            {
                var input = ctx.GetArgument<RegisterCandidateInput>("input");
                var organism = await OwnOrganism.LoadTrackedAsync(ctx);
                var files = Files(ctx);
                var candidate = Register(organism, input, await files.HabilitationsAsync(organism.Id, ctx.CancellationToken), ctx.Today());
                Db(ctx).Candidates.Add(candidate);
                return await SavedAsync(ctx, organism, candidate);
            });

        mutation.Field<NonNullGraphType<CandidateType>>("recordPriorEvaluation")
            .Description("The prior evaluation: a result (acquired or not) on every sub-competence of the référentiel. A CléA Socle prior evaluation accrues its fee.")
            .AuthorizeWithPolicy(CleaPolicies.OrganismStaff)
            .Argument<NonNullGraphType<IdGraphType>>("candidateId")
            .Argument<NonNullGraphType<EvaluationInputType>>("input")
            .ResolveAsync(async ctx =>
            {
                var (organism, candidate, files) = await LoadAsync(ctx);
                var (_, fee) = candidate.RecordPriorEvaluation(ctx.GetArgument<EvaluationGraphInput>("input").ToInput(ctx.Today()),
                    await files.ReferentialAsync(candidate.Certification), await files.HabilitationsAsync(organism.Id, ctx.CancellationToken),
                    await files.IntervenantsAsync(organism.Id, ctx.CancellationToken), organism, await files.FeesAsync(ctx.CancellationToken));
                if (fee is not null) Db(ctx).FeeLines.Add(fee);
                return await SavedAsync(ctx, organism, candidate);
            });

        mutation.Field<NonNullGraphType<CandidateType>>("recordTrainingPath")
            .Description("The training path on what the prior evaluation found not acquired, with its trainers (never the candidate's evaluators).")
            .AuthorizeWithPolicy(CleaPolicies.OrganismStaff)
            .Argument<NonNullGraphType<IdGraphType>>("candidateId")
            .Argument<IsoDateGraphType>("startedOn", "Default today.")
            .Argument<NonNullGraphType<ListGraphType<NonNullGraphType<IdGraphType>>>>("trainerIds")
            .ResolveAsync(async ctx =>
            {
                var (organism, candidate, files) = await LoadAsync(ctx);
                var startedOn = RecordedDates.NotAfter(ctx.GetArgument<DateOnly?>("startedOn") ?? ctx.Today(), ctx.Today(), "training start");
                candidate.RecordTrainingPath(startedOn, [.. ctx.GetArgument<List<string>>("trainerIds").Select(IntervenantIds.Decode)],
                    await files.IntervenantsAsync(organism.Id, ctx.CancellationToken));
                return await SavedAsync(ctx, organism, candidate);
            });

        mutation.Field<NonNullGraphType<CandidateType>>("addTrainer")
            .Description("Adds a trainer to a candidate's training path (never one of the candidate's evaluators).")
            .AuthorizeWithPolicy(CleaPolicies.OrganismStaff)
            .Argument<NonNullGraphType<IdGraphType>>("candidateId")
            .Argument<NonNullGraphType<IdGraphType>>("trainerId")
            .Argument<IsoDateGraphType>("from", "Default today.")
            .ResolveAsync(async ctx =>
            {
                var (organism, candidate, files) = await LoadAsync(ctx);
                var from = RecordedDates.NotAfter(ctx.GetArgument<DateOnly?>("from") ?? ctx.Today(), ctx.Today(), "trainer start");
                candidate.AddTrainer(IntervenantIds.Decode(ctx.GetArgument<string>("trainerId")), from,
                    await files.IntervenantsAsync(organism.Id, ctx.CancellationToken));
                return await SavedAsync(ctx, organism, candidate);
            });

        mutation.Field<NonNullGraphType<CandidateType>>("recordFinalEvaluation")
            .Description("A final evaluation after training, on sub-competences not acquired yet only; CléA Socle: within 5 years of the prior evaluation.")
            .AuthorizeWithPolicy(CleaPolicies.OrganismStaff)
            .Argument<NonNullGraphType<IdGraphType>>("candidateId")
            .Argument<NonNullGraphType<EvaluationInputType>>("input")
            .ResolveAsync(async ctx =>
            {
                var (organism, candidate, files) = await LoadAsync(ctx);
                candidate.RecordFinalEvaluation(ctx.GetArgument<EvaluationGraphInput>("input").ToInput(ctx.Today()),
                    await files.ReferentialAsync(candidate.Certification), await files.HabilitationsAsync(organism.Id, ctx.CancellationToken),
                    await files.IntervenantsAsync(organism.Id, ctx.CancellationToken));
                return await SavedAsync(ctx, organism, candidate);
            });

        mutation.Field<NonNullGraphType<CandidateType>>("recordJuryDecision")
            .Description("The jury's decision. Validating needs every domain validated and issues the certificate (once per candidate), which accrues its fee.")
            .AuthorizeWithPolicy(CleaPolicies.OrganismStaff)
            .Argument<NonNullGraphType<IdGraphType>>("candidateId")
            .Argument<IsoDateGraphType>("decidedOn", "Default today: the date of the results.")
            .Argument<NonNullGraphType<BooleanGraphType>>("validated")
            .Argument<CertificateDeliveryEnum>("delivery", "The candidate's choice of certificate, default PDF.")
            .Argument<StringGraphType>("minutesReference", "The reference of the jury's minutes.")
            .ResolveAsync(async ctx =>
            {
                var (organism, candidate, files) = await LoadAsync(ctx);
                var decidedOn = RecordedDates.NotAfter(ctx.GetArgument<DateOnly?>("decidedOn") ?? ctx.Today(), ctx.Today(), "jury");
                var (_, _, fee) = candidate.RecordJuryDecision(decidedOn, ctx.GetArgument<bool>("validated"),
                    ctx.GetArgument("delivery", CertificateDelivery.Pdf), ctx.GetArgument<string?>("minutesReference"),
                    await files.ReferentialAsync(candidate.Certification), await files.HabilitationsAsync(organism.Id, ctx.CancellationToken),
                    organism, await files.FeesAsync(ctx.CancellationToken));
                if (fee is not null) Db(ctx).FeeLines.Add(fee);
                return await SavedAsync(ctx, organism, candidate);
            });

        mutation.Field<NonNullGraphType<CandidateType>>("fileCandidateAppeal")
            .Description("Records a candidate's request to consult the jury's minutes or contest the results (within 1 month of the results).")
            .AuthorizeWithPolicy(CleaPolicies.OrganismStaff)
            .Argument<NonNullGraphType<IdGraphType>>("candidateId")
            .Argument<NonNullGraphType<CandidateAppealKindEnum>>("kind")
            .Argument<IsoDateGraphType>("filedOn", "Default today.")
            .Argument<StringGraphType>("reason")
            .ResolveAsync(async ctx =>
            {
                var (organism, candidate, _) = await LoadAsync(ctx);
                var filedOn = RecordedDates.NotAfter(ctx.GetArgument<DateOnly?>("filedOn") ?? ctx.Today(), ctx.Today(), "appeal");
                candidate.FileAppeal(ctx.GetArgument<CandidateAppealKind>("kind"), filedOn, ctx.GetArgument<string?>("reason"));
                return await SavedAsync(ctx, organism, candidate);
            });
    }

    internal static Candidate Register(Organism organism, RegisterCandidateInput input, IEnumerable<Data.Habilitations.Habilitation> habilitations, DateOnly today)
    {
        var siret = Siret.Parse(input.Siret);
        var site = organism.Sites.SingleOrDefault(s => s.Siret == siret)
            ?? throw new DomainRuleException(RegistryErrors.SiteNotListed, $"Site {siret} is not one of your organism's sites.");
        var registeredOn = RecordedDates.NotAfter(input.RegisteredOn ?? today, today, "registration");
        return Candidate.Register(organism, site, input.Certification, registeredOn, input.ToIdentity(), habilitations);
    }

    private static async Task<(Organism, Candidate, CandidateFiles)> LoadAsync(IResolveFieldContext ctx)
    {
        var candidateId = CandidateIds.Decode(ctx.GetArgument<string>("candidateId"));
        var organism = await OwnOrganism.LoadTrackedAsync(ctx);
        var files = Files(ctx);
        return (organism, await files.OwnAsync(organism.Id, candidateId, ctx.CancellationToken), files);
    }

    private static async Task<object?> SavedAsync(IResolveFieldContext ctx, Organism organism, Candidate candidate)
    {
        await Db(ctx).SaveChangesAsync(ctx.CancellationToken);
        ctx.RequestServices!.GetRequiredService<PersonalDataAccessLog>().Record(ctx.User, organism.Id, "Mutation.candidate", 1);
        return candidate;
    }

    private static CandidateFiles Files(IResolveFieldContext ctx) => ctx.RequestServices!.GetRequiredService<CandidateFiles>();

    private static CleaDbContext Db(IResolveFieldContext ctx) => ctx.RequestServices!.GetRequiredService<CleaDbContext>();
}

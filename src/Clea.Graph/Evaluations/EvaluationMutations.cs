using Clea.Auth.Policies;
using Clea.Data.Evaluations;
using Clea.Data.Registry;
using Clea.Graph.Common;
using Clea.Graph.Privacy;
using Clea.Graph.Schema;
using GraphQL;
using GraphQL.Types;

namespace Clea.Graph.Evaluations;

/// <summary>
/// Organism staff record their candidates' path: registration, prior evaluation, training path, final evaluations, jury
/// decision (and certificate), candidate appeals (<see cref="CandidatePath"/>). Every refusal has a code and changes
/// nothing; every answer is a read of personal data, logged.
/// </summary>
public sealed class EvaluationMutations : IMutationFields
{
    public void AddTo(ObjectGraphType mutation)
    {
        mutation.Field<NonNullGraphType<CandidateType>>("registerCandidate")
            .Description("Registers a candidate at one of your sites for a certification your organism is habilitated for on the registration day.")
            .AuthorizeWithPolicy(CleaPolicies.OrganismStaff)
            .Argument<NonNullGraphType<RegisterCandidateInputType>>("input")
            .ResolveAsync(async ctx => Logged(ctx, await Path(ctx).RegisterAsync(ctx.GetArgument<RegisterCandidateInput>("input"), ctx.Caller(), ctx.CancellationToken)));

        mutation.Field<NonNullGraphType<CandidateType>>("recordPriorEvaluation")
            .Description("The prior evaluation: a result (acquired or not) on every sub-competence of the référentiel. A CléA Socle prior evaluation accrues its fee.")
            .AuthorizeWithPolicy(CleaPolicies.OrganismStaff)
            .Argument<NonNullGraphType<IdGraphType>>("candidateId")
            .Argument<NonNullGraphType<EvaluationInputType>>("input")
            .ResolveAsync(async ctx => Logged(ctx, await Path(ctx).RecordPriorEvaluationAsync(CandidateId(ctx),
                ctx.GetArgument<EvaluationGraphInput>("input").ToInput(ctx.Today()), ctx.Caller(), ctx.CancellationToken)));

        mutation.Field<NonNullGraphType<CandidateType>>("recordTrainingPath")
            .Description("The training path on what the prior evaluation found not acquired, with its trainers (never the candidate's evaluators).")
            .AuthorizeWithPolicy(CleaPolicies.OrganismStaff)
            .Argument<NonNullGraphType<IdGraphType>>("candidateId")
            .Argument<IsoDateGraphType>("startedOn", "Default today.")
            .Argument<NonNullGraphType<ListGraphType<NonNullGraphType<IdGraphType>>>>("trainerIds")
            .ResolveAsync(async ctx => Logged(ctx, await Path(ctx).RecordTrainingPathAsync(CandidateId(ctx), ctx.GetArgument<DateOnly?>("startedOn"),
                [.. ctx.GetArgument<List<string>>("trainerIds").Select(IntervenantId)], ctx.Caller(), ctx.CancellationToken)));

        mutation.Field<NonNullGraphType<CandidateType>>("addTrainer")
            .Description("Adds a trainer to a candidate's training path (never one of the candidate's evaluators).")
            .AuthorizeWithPolicy(CleaPolicies.OrganismStaff)
            .Argument<NonNullGraphType<IdGraphType>>("candidateId")
            .Argument<NonNullGraphType<IdGraphType>>("trainerId")
            .Argument<IsoDateGraphType>("from", "Default today.")
            .ResolveAsync(async ctx => Logged(ctx, await Path(ctx).AddTrainerAsync(CandidateId(ctx), IntervenantId(ctx.GetArgument<string>("trainerId")),
                ctx.GetArgument<DateOnly?>("from"), ctx.Caller(), ctx.CancellationToken)));

        mutation.Field<NonNullGraphType<CandidateType>>("recordFinalEvaluation")
            .Description("A final evaluation after training, on sub-competences not acquired yet only; CléA Socle: within 5 years of the prior evaluation.")
            .AuthorizeWithPolicy(CleaPolicies.OrganismStaff)
            .Argument<NonNullGraphType<IdGraphType>>("candidateId")
            .Argument<NonNullGraphType<EvaluationInputType>>("input")
            .ResolveAsync(async ctx => Logged(ctx, await Path(ctx).RecordFinalEvaluationAsync(CandidateId(ctx),
                ctx.GetArgument<EvaluationGraphInput>("input").ToInput(ctx.Today()), ctx.Caller(), ctx.CancellationToken)));

        mutation.Field<NonNullGraphType<CandidateType>>("recordJuryDecision")
            .Description("The jury's decision and its members (Management: never the candidate's trainer; Socle: joint, not linked to the organism). Validating needs every domain validated and issues the certificate (once per candidate; Socle: by the Transitions Pro of the candidate's region), which accrues its fee.")
            .AuthorizeWithPolicy(CleaPolicies.OrganismStaff)
            .Argument<NonNullGraphType<IdGraphType>>("candidateId")
            .Argument<IsoDateGraphType>("decidedOn", "Default today: the date of the results.")
            .Argument<NonNullGraphType<BooleanGraphType>>("validated")
            .Argument<CertificateDeliveryEnum>("delivery", "The candidate's choice of certificate, default PDF.")
            .Argument<StringGraphType>("minutesReference", "The reference of the jury's minutes.")
            .Argument<NonNullGraphType<ListGraphType<NonNullGraphType<JuryMemberInputType>>>>("members", "Who sat on the jury.")
            .ResolveAsync(async ctx => Logged(ctx, await Path(ctx).RecordJuryDecisionAsync(CandidateId(ctx), ctx.GetArgument<DateOnly?>("decidedOn"),
                ctx.GetArgument<bool>("validated"), ctx.GetArgument("delivery", CertificateDelivery.Pdf), ctx.GetArgument<string?>("minutesReference"),
                [.. ctx.GetArgument<List<JuryMemberGraphInput>>("members").Select(m => m.ToInput())], ctx.Caller(), ctx.CancellationToken)));

        mutation.Field<NonNullGraphType<CandidateType>>("fileCandidateAppeal")
            .Description("Records a candidate's request to consult the jury's minutes or contest the results (within 1 month of the results).")
            .AuthorizeWithPolicy(CleaPolicies.OrganismStaff)
            .Argument<NonNullGraphType<IdGraphType>>("candidateId")
            .Argument<NonNullGraphType<CandidateAppealKindEnum>>("kind")
            .Argument<IsoDateGraphType>("filedOn", "Default today.")
            .Argument<StringGraphType>("reason")
            .ResolveAsync(async ctx => Logged(ctx, await Path(ctx).FileAppealAsync(CandidateId(ctx), ctx.GetArgument<CandidateAppealKind>("kind"),
                ctx.GetArgument<DateOnly?>("filedOn"), ctx.GetArgument<string?>("reason"), ctx.Caller(), ctx.CancellationToken)));
    }

    private static CandidatePath Path(IResolveFieldContext ctx) => ctx.Service<CandidatePath>();

    private static int CandidateId(IResolveFieldContext ctx) => NodeIds.Parse(NodeIds.Candidate, ctx.GetArgument<string>("candidateId"));

    private static int IntervenantId(string id) => NodeIds.Parse(NodeIds.Intervenant, id);

    /// <summary>The answer shows the candidate's personal data: the read is logged.</summary>
    private static Candidate Logged(IResolveFieldContext ctx, (Organism Organism, Candidate Candidate) recorded)
    {
        ctx.Service<PersonalDataAccessLog>().Record(recorded.Organism.Id, "Mutation.candidate", 1);
        return recorded.Candidate;
    }
}

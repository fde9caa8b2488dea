using Clea.Auth.Policies;
using Clea.Data.Access;
using Clea.Data.Habilitations;
using Clea.Graph.Common;
using Clea.Graph.Schema;
using GraphQL;
using GraphQL.Builders;
using GraphQL.Types;

namespace Clea.Graph.Habilitations;

/// <summary>
/// The life of an habilitation after its decision: suspension, lifting, withdrawal and renewal by the Instance (a CPNE
/// within its field), renunciation and activity declarations by the organism (<see cref="HabilitationDecisions"/>).
/// A refusal has a stable code and changes nothing.
/// </summary>
public sealed class LifecycleMutations : IMutationFields
{
    public void AddTo(ObjectGraphType mutation)
    {
        InstanceDecision(mutation, "suspendHabilitation", "Suspends an habilitation from a date (default today): all activity under it stops. It never extends the validity period and rules out the automatic renewal.",
            "from", reasonRequired: true, (_, use, id, on, reason, caller, ct) => use.SuspendAsync(id, on, reason, caller, ct));
        InstanceDecision(mutation, "liftSuspension", "Lifts the open suspension: `resumedOn` (default today) is the first day back in force.",
            "resumedOn", reasonRequired: false, (_, use, id, on, reason, caller, ct) => use.LiftSuspensionAsync(id, on, reason, caller, ct));
        var withdraw = InstanceDecision(mutation, "withdrawHabilitation", "Withdraws an habilitation from a date (default today): all activity stops for good; it is never renewed. Names which of the four cases of convention §V.3 applies and the rule that fixed the date (default: on the refusal's noting for an audit refusal, on notification otherwise). Audits, conformity procedures and EDOF alerts withdraw by themselves through their own mutations.",
            "effectiveOn", reasonRequired: true, (ctx, use, id, on, reason, caller, ct) =>
                use.WithdrawAsync(id, on, ctx.GetArgument<WithdrawalCase>("case"), ctx.GetArgument<WithdrawalEffect?>("effect"), reason, caller, ct));
        withdraw.Argument<NonNullGraphType<Audits.WithdrawalCaseEnum>>("case", "Which of the four withdrawal cases of convention §V.3.");
        withdraw.Argument<Audits.WithdrawalEffectEnum>("effect", "The rule that fixed `effectiveOn`.");
        InstanceDecision(mutation, "renewHabilitation", "Applies the automatic 3-year renewal now (the sweep does it on the last day of the initial period): only once, for an habilitation used at least once and never suspended or withdrawn, and by the day it takes effect (later: EFFECTIVE_DATE_IN_PAST; see correctHabilitation).",
            dateArgument: null, reasonRequired: false, (_, use, id, _, reason, caller, ct) => use.RenewAsync(id, reason, caller, ct));
        var correct = InstanceDecision(mutation, "correctHabilitation", "Corrects a wrongly recorded date (notification, suspension start or end, withdrawal) or records the automatic renewal missed on its day, as a separate, visible act of today: it raises a public HABILITATION_CORRECTED event and a CORRECTED change, and the periods whose answers it changed name it (`correctedOn`).",
            "date", reasonRequired: true, (ctx, use, id, on, reason, caller, ct) => use.CorrectAsync(id, ctx.GetArgument<CorrectionKind>("kind"), on, reason, caller, ct));
        correct.Argument<NonNullGraphType<CorrectionKindEnum>>("kind", "Which recorded fact is corrected (`date` is its corrected value; none for MISSED_RENEWAL).");

        mutation.Field<NonNullGraphType<HabilitationType>>("renounceHabilitation")
            .Description("Gives written notice of renunciation of one of your habilitations (received on `noticeGivenOn`, default today): it stays in force for 3 months' notice; candidates registered by the notice day may finish.")
            .AuthorizeWithPolicy(CleaPolicies.OrganismStaff)
            .Argument<NonNullGraphType<IdGraphType>>("id")
            .Argument<IsoDateGraphType>("noticeGivenOn")
            .Argument<StringGraphType>("reason")
            .ResolveAsync(async ctx => await ctx.Service<HabilitationDecisions>().RenounceAsync(NodeIds.Parse(NodeIds.Habilitation, ctx.GetArgument<string>("id")),
                ctx.GetArgument<DateOnly?>("noticeGivenOn"), ctx.GetArgument<string?>("reason"), ctx.Caller(), ctx.CancellationToken));

        mutation.Field<NonNullGraphType<HabilitationType>>("declareActivity")
            .Description("Declares the activity figures of a period under one of your habilitations. Any evaluation or certificate is a use of the habilitation, the condition of its automatic renewal.")
            .AuthorizeWithPolicy(CleaPolicies.OrganismStaff)
            .Argument<NonNullGraphType<DeclareActivityInputType>>("input")
            .ResolveAsync(async ctx =>
            {
                var input = ctx.GetArgument<DeclareActivityInput>("input");
                return await ctx.Service<HabilitationDecisions>().DeclareActivityAsync(NodeIds.Parse(NodeIds.Habilitation, input.HabilitationId),
                    input.PeriodFrom, input.PeriodTo, new ActivityFigures(input.Registered, input.PriorEvaluations, input.FinalEvaluations, input.Certified),
                    ctx.Caller(), ctx.CancellationToken);
            });
    }

    private delegate Task<Habilitation> Decision(IResolveFieldContext ctx, HabilitationDecisions use, int id, DateOnly? on, string? reason, ICurrentCaller caller, CancellationToken ct);

    private static FieldBuilder<object?, object> InstanceDecision(ObjectGraphType mutation, string name, string description, string? dateArgument, bool reasonRequired, Decision decide)
    {
        var field = mutation.Field<NonNullGraphType<HabilitationType>>(name)
            .Description(description + " Instance staff: Certif Pro on any habilitation, a CPNE on those it decided.")
            .AuthorizeWithPolicy(CleaPolicies.InstanceStaff)
            .Argument<NonNullGraphType<IdGraphType>>("id");
        if (dateArgument is not null) field.Argument<IsoDateGraphType>(dateArgument);
        if (reasonRequired) field.Argument<NonNullGraphType<StringGraphType>>("reason", "The grounds of the decision (recorded in the event log).");
        else field.Argument<StringGraphType>("reason", "Why (recorded in the event log).");
        field.ResolveAsync(async ctx => await decide(ctx, ctx.Service<HabilitationDecisions>(), NodeIds.Parse(NodeIds.Habilitation, ctx.GetArgument<string>("id")),
            dateArgument is null ? null : ctx.GetArgument<DateOnly?>(dateArgument), ctx.GetArgument<string?>("reason"), ctx.Caller(), ctx.CancellationToken));
        return field;
    }
}

using Clea.Auth.Policies;
using Clea.Data.Access;
using Clea.Data.Applications;
using Clea.Graph.Common;
using Clea.Graph.Schema;
using GraphQL;
using GraphQL.Builders;
using GraphQL.Types;

namespace Clea.Graph.Applications;

/// <summary>
/// Instance staff (of the campaign's Instance) and administrators run campaigns and instruct, decide and re-examine
/// files (<see cref="ApplicationInstruction"/>). Dates of acts are today's (the request's clock); meeting and notification dates are given.
/// </summary>
public sealed class InstructionMutations : IMutationFields
{
    public void AddTo(ObjectGraphType mutation)
    {
        mutation.Field<NonNullGraphType<CampaignType>>("createCampaign")
            .Description("Opens a campaign of your Instance for a certification, with its period and decision meetings.")
            .AuthorizeWithPolicy(CleaPolicies.Instruction)
            .Argument<NonNullGraphType<CreateCampaignInputType>>("input")
            .ResolveAsync(async ctx => await Instruction(ctx).CreateCampaignAsync(ctx.GetArgument<CreateCampaignInput>("input"), ctx.Caller(), ctx.CancellationToken));

        mutation.Field<NonNullGraphType<CampaignType>>("scheduleMeeting")
            .Description("Adds a decision meeting to a campaign of your Instance.")
            .AuthorizeWithPolicy(CleaPolicies.Instruction)
            .Argument<NonNullGraphType<StringGraphType>>("campaign")
            .Argument<NonNullGraphType<IsoDateGraphType>>("on")
            .ResolveAsync(async ctx => await Instruction(ctx).ScheduleMeetingAsync(ctx.GetArgument<string>("campaign"), ctx.GetArgument<DateOnly>("on"),
                ctx.Caller(), ctx.CancellationToken));

        Transition(mutation, "requestInformation", "Asks the organism for what its file lacks (the file waits for the answer).",
            f => f.Argument<NonNullGraphType<StringGraphType>>("items", "What is missing."),
            (ctx, id, caller) => Instruction(ctx).RequestInformationAsync(id, ctx.GetArgument<string>("items"), caller, ctx.CancellationToken));

        Transition(mutation, "markComplete", "Establishes that the file is complete: every completeness rule must pass (see completenessIssues).",
            _ => { },
            (ctx, id, caller) => Instruction(ctx).MarkCompleteAsync(id, caller, ctx.CancellationToken));

        Transition(mutation, "giveOpinion", "Gives (or revises) the reasoned opinion for a meeting, a verdict per criterion, at the latest 5 working days before it.",
            f => f.Argument<NonNullGraphType<IsoDateGraphType>>("meetingOn")
                .Argument<NonNullGraphType<ListGraphType<NonNullGraphType<CriterionVerdictInputType>>>>("verdicts")
                .Argument<StringGraphType>("comment"),
            (ctx, id, caller) => Instruction(ctx).GiveOpinionAsync(id, ctx.GetArgument<DateOnly>("meetingOn"), ctx.GetArgument<List<CriterionVerdict>>("verdicts"),
                ctx.GetArgument<string?>("comment"), caller, ctx.CancellationToken));

        Transition(mutation, "scheduleHearing", "Convenes the organism to a hearing; the convocation (sent today) must precede it by 8 working days.",
            f => f.Argument<NonNullGraphType<IsoDateGraphType>>("hearingOn"),
            (ctx, id, caller) => Instruction(ctx).ScheduleHearingAsync(id, ctx.GetArgument<DateOnly>("hearingOn"), caller, ctx.CancellationToken));

        mutation.Field<NonNullGraphType<DecidePayloadType>>("decide")
            .Description("Records the Instance's decision on an instructed file at one of the campaign's meetings, and its notification (default today): `accept` (and a refusal's `reasons`) for every candidate, or `candidates` with one verdict per candidate (a network file: each candidate is habilitated individually). Acceptance: in force 3 years from the notification. Refusal: reasons per criterion; appeal within 30 working days.")
            .AuthorizeWithPolicy(CleaPolicies.Instruction)
            .Argument<NonNullGraphType<IdGraphType>>("id")
            .Argument<NonNullGraphType<IsoDateGraphType>>("meetingOn")
            .Argument<BooleanGraphType>("accept", "The same outcome for every candidate (not with candidates).")
            .Argument<ListGraphType<NonNullGraphType<CriterionVerdictInputType>>>("reasons", "A refusal: the verdict per criterion.")
            .Argument<ListGraphType<NonNullGraphType<CandidateVerdictInputType>>>("candidates", "One verdict per candidate of the file (not with accept).")
            .Argument<StringGraphType>("comment")
            .Argument<IsoDateGraphType>("notifiedOn", "Default today.")
            .ResolveAsync(async ctx =>
            {
                var (file, warning) = await Instruction(ctx).DecideAsync(NodeIds.Parse(NodeIds.Application, ctx.GetArgument<string>("id")),
                    ctx.GetArgument<DateOnly>("meetingOn"), ctx.GetArgument<bool?>("accept"), ctx.GetArgument<List<CriterionVerdict>?>("reasons") ?? [],
                    ctx.GetArgument<List<CandidateVerdict>?>("candidates"), ctx.GetArgument<string?>("comment"), ctx.GetArgument<DateOnly?>("notifiedOn"), ctx.Caller(), ctx.CancellationToken);
                return new DecidePayload(file, warning);
            });

        Transition(mutation, "acknowledgeAppeal", "Acknowledges the appeal of the candidate named by `siren` (default: every appeal not acknowledged yet), due within 10 working days of its filing.",
            f => f.Argument<StringGraphType>("siren", "The candidate whose appeal is acknowledged."),
            (ctx, id, caller) => Instruction(ctx).AcknowledgeAppealAsync(id, ctx.GetArgument<string?>("siren"), caller, ctx.CancellationToken));

        Transition(mutation, "decideAppeal", "Decides the appeal of the candidate named by `siren` (default: every pending appeal) at a meeting of the Instance after it was filed (normally the next): the refusal is upheld, or the candidate's habilitation accepted.",
            f => f.Argument<NonNullGraphType<IsoDateGraphType>>("meetingOn")
                .Argument<NonNullGraphType<BooleanGraphType>>("accept")
                .Argument<NonNullGraphType<StringGraphType>>("reason")
                .Argument<IsoDateGraphType>("notifiedOn", "Default today.")
                .Argument<StringGraphType>("siren", "The candidate whose appeal is decided."),
            (ctx, id, caller) => Instruction(ctx).DecideAppealAsync(id, ctx.GetArgument<DateOnly>("meetingOn"), ctx.GetArgument<bool>("accept"),
                ctx.GetArgument<string>("reason"), ctx.GetArgument<DateOnly?>("notifiedOn"), ctx.GetArgument<string?>("siren"), caller, ctx.CancellationToken));
    }

    private static ApplicationInstruction Instruction(IResolveFieldContext ctx) => ctx.Service<ApplicationInstruction>();

    /// <summary>A transition of a file by its Instance: the id argument, the policy, and the use case's operation.</summary>
    private static void Transition(ObjectGraphType mutation, string name, string description,
        Action<FieldBuilder<object?, object>> arguments, Func<IResolveFieldContext, int, ICurrentCaller, Task<Application>> apply)
    {
        var field = mutation.Field<NonNullGraphType<ApplicationGraphType>>(name)
            .Description(description)
            .AuthorizeWithPolicy(CleaPolicies.Instruction)
            .Argument<NonNullGraphType<IdGraphType>>("id");
        arguments(field);
        field.ResolveAsync(async ctx => await apply(ctx, NodeIds.Parse(NodeIds.Application, ctx.GetArgument<string>("id")), ctx.Caller()));
    }
}

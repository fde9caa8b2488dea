using System.Security.Claims;
using Clea.Auth.Policies;
using Clea.Data;
using Clea.Data.Applications;
using Clea.Graph.Authorization;
using Clea.Graph.Common;
using Clea.Graph.Registry;
using Clea.Graph.Schema;
using GraphQL;
using GraphQL.Builders;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;

namespace Clea.Graph.Applications;

/// <summary>
/// Instance staff (of the campaign's Instance) and administrators run campaigns and instruct, decide and re-examine
/// files. Dates of acts are today's (the request's clock); meeting and notification dates are given.
/// </summary>
public sealed class InstructionMutations : IMutationFields
{
    public void AddTo(ObjectGraphType mutation)
    {
        mutation.Field<NonNullGraphType<CampaignType>>("createCampaign")
            .Description("Opens a campaign of your Instance for a certification, with its period and decision meetings.")
            .AuthorizeWithPolicy(CleaPolicies.Instruction)
            .Argument<NonNullGraphType<CreateCampaignInputType>>("input")
            .ResolveAsync(async ctx =>
            {
                var input = ctx.GetArgument<CreateCampaignInput>("input");
                var db = ctx.RequestServices!.GetRequiredService<CleaDbContext>();
                var isAdmin = ctx.User?.FindFirstValue(CleaClaims.Role) == CleaRoles.Administrator;
                var code = isAdmin ? input.Instance : ctx.User?.FindFirstValue(CleaClaims.Instance);
                if (!isAdmin && input.Instance is not null && input.Instance != code)
                    throw new ExecutionError("Instance staff create campaigns of their own Instance only.") { Code = AuthorizationErrors.NotAuthorized };
                if (code is null)
                    throw GraphErrors.Argument(GraphErrors.InvalidArguments, "Name the Instance whose campaign this is.");
                var instance = await db.Instances.SingleOrDefaultAsync(i => i.Code == code, ctx.CancellationToken)
                    ?? throw GraphErrors.Argument(GraphErrors.UnknownInstance, $"No Instance has code '{code}'.");
                if (await db.Campaigns.AnyAsync(c => c.Code == input.Code, ctx.CancellationToken))
                    throw GraphErrors.Argument(ApplicationErrors.CampaignCodeTaken, $"A campaign with code '{input.Code}' already exists.");
                var campaign = Campaign.Create(instance, input.Certification, input.Code, input.Name, input.OpensOn, input.ClosesOn,
                    input.MeetingDates ?? [], ctx.Today());
                db.Campaigns.Add(campaign);
                await OrganismMutations.Save(ctx);
                return campaign;
            });

        mutation.Field<NonNullGraphType<CampaignType>>("scheduleMeeting")
            .Description("Adds a decision meeting to a campaign of your Instance.")
            .AuthorizeWithPolicy(CleaPolicies.Instruction)
            .Argument<NonNullGraphType<StringGraphType>>("campaign")
            .Argument<NonNullGraphType<IsoDateGraphType>>("on")
            .ResolveAsync(async ctx =>
            {
                var code = ctx.GetArgument<string>("campaign");
                var db = ctx.RequestServices!.GetRequiredService<CleaDbContext>();
                var campaign = await db.Campaigns.Include(c => c.Instance).SingleOrDefaultAsync(c => c.Code == code, ctx.CancellationToken)
                    ?? throw GraphErrors.Argument(ApplicationErrors.CampaignNotFound, $"No campaign has code '{code}'.");
                await ApplicationAccess.EnsureInstructsAsync(ctx, campaign.InstanceId);
                campaign.ScheduleMeeting(ctx.GetArgument<DateOnly>("on"), ctx.Today());
                await OrganismMutations.Save(ctx);
                return campaign;
            });

        Transition(mutation, "requestInformation", "Asks the organism for what its file lacks (the file waits for the answer).",
            f => f.Argument<NonNullGraphType<StringGraphType>>("items", "What is missing."),
            async (ctx, file) => file.RequestInformation(ctx.GetArgument<string>("items"), ctx.Today()));

        Transition(mutation, "markComplete", "Establishes that the file is complete: every completeness rule must pass (see completenessIssues).",
            _ => { },
            async (ctx, file) => file.MarkComplete(await ApplicationMutations.SubCompetencesAsync(ctx, file.Certification), ctx.Today()));

        Transition(mutation, "giveOpinion", "Gives (or revises) the reasoned opinion for a meeting, a verdict per criterion, at the latest 5 working days before it.",
            f => f.Argument<NonNullGraphType<IsoDateGraphType>>("meetingOn")
                .Argument<NonNullGraphType<ListGraphType<NonNullGraphType<CriterionVerdictInputType>>>>("verdicts")
                .Argument<StringGraphType>("comment"),
            async (ctx, file) => file.GiveOpinion(ctx.GetArgument<DateOnly>("meetingOn"), ctx.GetArgument<List<CriterionVerdict>>("verdicts"),
                ctx.GetArgument<string?>("comment"), ctx.Today()));

        Transition(mutation, "scheduleHearing", "Convenes the organism to a hearing; the convocation (sent today) must precede it by 8 working days.",
            f => f.Argument<NonNullGraphType<IsoDateGraphType>>("hearingOn"),
            async (ctx, file) => file.ScheduleHearing(ctx.GetArgument<DateOnly>("hearingOn"), ctx.Today()));

        mutation.Field<NonNullGraphType<DecidePayloadType>>("decide")
            .Description("Records the Instance's decision on an instructed file at one of the campaign's meetings, and its notification (default today). Acceptance: in force 3 years from the notification. Refusal: reasons per criterion; appeal within 30 working days.")
            .AuthorizeWithPolicy(CleaPolicies.Instruction)
            .Argument<NonNullGraphType<IdGraphType>>("id")
            .Argument<NonNullGraphType<IsoDateGraphType>>("meetingOn")
            .Argument<NonNullGraphType<BooleanGraphType>>("accept")
            .Argument<ListGraphType<NonNullGraphType<CriterionVerdictInputType>>>("reasons", "A refusal: the verdict per criterion.")
            .Argument<StringGraphType>("comment")
            .Argument<IsoDateGraphType>("notifiedOn", "Default today.")
            .ResolveAsync(async ctx =>
            {
                var file = await ApplicationAccess.LoadTrackedAsync(ctx);
                await ApplicationAccess.EnsureInstructsAsync(ctx, file.InstanceId);
                var today = ctx.Today();
                var decision = file.Decide(ctx.GetArgument<DateOnly>("meetingOn"), ctx.GetArgument<bool>("accept"),
                    ctx.GetArgument<List<CriterionVerdict>?>("reasons") ?? [], ctx.GetArgument<string?>("comment"),
                    ctx.GetArgument<DateOnly?>("notifiedOn") ?? today, today);
                await OrganismMutations.Save(ctx);
                return new DecidePayload(file, decision.Warning);
            });

        Transition(mutation, "acknowledgeAppeal", "Acknowledges the appeal (due within 10 working days of its filing).",
            _ => { },
            async (ctx, file) => file.AcknowledgeAppeal(ctx.Today()));

        Transition(mutation, "decideAppeal", "Decides the appeal at the Instance's next meeting after it was filed: the refusal is upheld, or the habilitation accepted.",
            f => f.Argument<NonNullGraphType<IsoDateGraphType>>("meetingOn")
                .Argument<NonNullGraphType<BooleanGraphType>>("accept")
                .Argument<NonNullGraphType<StringGraphType>>("reason")
                .Argument<IsoDateGraphType>("notifiedOn", "Default today."),
            async (ctx, file) =>
            {
                var db = ctx.RequestServices!.GetRequiredService<CleaDbContext>();
                var meetings = (await db.Campaigns.AsNoTracking().Where(c => c.InstanceId == file.InstanceId).Select(c => c.MeetingDates)
                    .ToListAsync(ctx.CancellationToken)).SelectMany(m => m).ToHashSet();
                var today = ctx.Today();
                file.DecideAppeal(ctx.GetArgument<DateOnly>("meetingOn"), ctx.GetArgument<bool>("accept"), ctx.GetArgument<string>("reason"),
                    ctx.GetArgument<DateOnly?>("notifiedOn") ?? today, meetings, today);
            });
    }

    /// <summary>A transition of a file by its Instance: load, check the caller instructs it, apply the domain rule, save.</summary>
    private static void Transition(ObjectGraphType mutation, string name, string description,
        Action<FieldBuilder<object?, object>> arguments, Func<IResolveFieldContext, Clea.Data.Applications.Application, Task> apply)
    {
        var field = mutation.Field<NonNullGraphType<ApplicationGraphType>>(name)
            .Description(description)
            .AuthorizeWithPolicy(CleaPolicies.Instruction)
            .Argument<NonNullGraphType<IdGraphType>>("id");
        arguments(field);
        field.ResolveAsync(async ctx =>
        {
            var file = await ApplicationAccess.LoadTrackedAsync(ctx);
            await ApplicationAccess.EnsureInstructsAsync(ctx, file.InstanceId);
            await apply(ctx, file);
            await OrganismMutations.Save(ctx);
            return file;
        });
    }
}

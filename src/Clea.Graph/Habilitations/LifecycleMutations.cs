using Clea.Auth.Policies;
using Clea.Data;
using Clea.Data.Common;
using Clea.Data.Habilitations;
using Clea.Graph.Authorization;
using Clea.Graph.Common;
using Clea.Graph.Registry;
using Clea.Graph.Schema;
using GraphQL;
using GraphQL.Builders;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;

namespace Clea.Graph.Habilitations;

public sealed class DeclareActivityInput
{
    public string HabilitationId { get; set; } = "";
    public DateOnly PeriodFrom { get; set; }
    public DateOnly PeriodTo { get; set; }
    public int Registered { get; set; }
    public int PriorEvaluations { get; set; }
    public int FinalEvaluations { get; set; }
    public int Certified { get; set; }
}

public sealed class DeclareActivityInputType : InputObjectGraphType<DeclareActivityInput>
{
    public DeclareActivityInputType()
    {
        Name = "DeclareActivityInput";
        Field(i => i.HabilitationId, type: typeof(NonNullGraphType<IdGraphType>)).Description("One of your organism's habilitations.");
        Field(i => i.PeriodFrom, type: typeof(NonNullGraphType<IsoDateGraphType>));
        Field(i => i.PeriodTo, type: typeof(NonNullGraphType<IsoDateGraphType>)).Description("Last day of the period; the habilitation must be in force that day.");
        Field(i => i.Registered).Description("Candidates' files registered.");
        Field(i => i.PriorEvaluations);
        Field(i => i.FinalEvaluations);
        Field(i => i.Certified).Description("People certified.");
    }
}

/// <summary>
/// The life of an habilitation after its decision: suspension, lifting, withdrawal and renewal by the Instance (a CPNE
/// within its field), renunciation and activity declarations by the organism. Rules are the domain's
/// (<see cref="Habilitation"/>); a refusal has a stable code and changes nothing.
/// </summary>
public sealed class LifecycleMutations : IMutationFields
{
    public void AddTo(ObjectGraphType mutation)
    {
        InstanceDecision(mutation, "suspendHabilitation", "Suspends an habilitation from a date (default today): all activity under it stops. It never extends the validity period and rules out the automatic renewal.",
            "from", reasonRequired: true, (_, h, on, reason) => h.Suspend(on, reason));
        InstanceDecision(mutation, "liftSuspension", "Lifts the open suspension: `resumedOn` (default today) is the first day back in force.",
            "resumedOn", reasonRequired: false, (_, h, on, reason) => h.LiftSuspension(on, reason));
        var withdraw = InstanceDecision(mutation, "withdrawHabilitation", "Withdraws an habilitation from a date (default today): all activity stops for good; it is never renewed. Names which of the four cases of convention §V.3 applies and the rule that fixed the date (default: on the refusal's noting for an audit refusal, on notification otherwise). Audits, conformity procedures and EDOF alerts withdraw by themselves through their own mutations.",
            "effectiveOn", reasonRequired: true, (ctx, h, on, reason) =>
            {
                var withdrawalCase = ctx.GetArgument<WithdrawalCase>("case");
                h.Withdraw(on, withdrawalCase, ctx.GetArgument<WithdrawalEffect?>("effect")
                    ?? (withdrawalCase == WithdrawalCase.AuditRefusal ? WithdrawalEffect.OnRefusalNoted : WithdrawalEffect.OnNotification), reason);
            });
        withdraw.Argument<NonNullGraphType<Audits.WithdrawalCaseEnum>>("case", "Which of the four withdrawal cases of convention §V.3.");
        withdraw.Argument<Audits.WithdrawalEffectEnum>("effect", "The rule that fixed `effectiveOn`.");
        InstanceDecision(mutation, "renewHabilitation", "Applies the automatic 3-year renewal now (the sweep does it on the last day of the initial period): only once, for an habilitation used at least once and never suspended or withdrawn.",
            dateArgument: null, reasonRequired: false, (_, h, on, _) => h.RenewAutomatically(on));

        mutation.Field<NonNullGraphType<HabilitationType>>("renounceHabilitation")
            .Description("Gives written notice of renunciation of one of your habilitations (received on `noticeGivenOn`, default today): it stays in force for 3 months' notice; candidates registered by the notice day may finish.")
            .AuthorizeWithPolicy(CleaPolicies.OrganismStaff)
            .Argument<NonNullGraphType<IdGraphType>>("id")
            .Argument<IsoDateGraphType>("noticeGivenOn")
            .Argument<StringGraphType>("reason")
            .ResolveAsync(async ctx =>
            {
                var habilitation = await OwnHabilitationAsync(ctx, ctx.GetArgument<string>("id"));
                habilitation.Renounce(ctx.GetArgument<DateOnly?>("noticeGivenOn") ?? ctx.Today(), ctx.GetArgument<string?>("reason"));
                await OrganismMutations.Save(ctx);
                return habilitation;
            });

        mutation.Field<NonNullGraphType<HabilitationType>>("declareActivity")
            .Description("Declares the activity figures of a period under one of your habilitations. Any evaluation or certificate is a use of the habilitation, the condition of its automatic renewal.")
            .AuthorizeWithPolicy(CleaPolicies.OrganismStaff)
            .Argument<NonNullGraphType<DeclareActivityInputType>>("input")
            .ResolveAsync(async ctx =>
            {
                var input = ctx.GetArgument<DeclareActivityInput>("input");
                var habilitation = await OwnHabilitationAsync(ctx, input.HabilitationId);
                habilitation.DeclareActivity(ctx.Today(), input.PeriodFrom, input.PeriodTo,
                    new ActivityFigures(input.Registered, input.PriorEvaluations, input.FinalEvaluations, input.Certified));
                await OrganismMutations.Save(ctx);
                return habilitation;
            });
    }

    private static FieldBuilder<object?, object> InstanceDecision(ObjectGraphType mutation, string name, string description, string? dateArgument, bool reasonRequired,
        Action<IResolveFieldContext, Habilitation, DateOnly, string?> apply)
    {
        var field = mutation.Field<NonNullGraphType<HabilitationType>>(name)
            .Description(description + " Instance staff: Certif Pro on any habilitation, a CPNE on those it decided.")
            .AuthorizeWithPolicy(CleaPolicies.InstanceStaff)
            .Argument<NonNullGraphType<IdGraphType>>("id");
        if (dateArgument is not null) field.Argument<IsoDateGraphType>(dateArgument);
        if (reasonRequired) field.Argument<NonNullGraphType<StringGraphType>>("reason", "The grounds of the decision (recorded in the event log).");
        else field.Argument<StringGraphType>("reason", "Why (recorded in the event log).");
        field.ResolveAsync(async ctx =>
        {
            var habilitation = await LoadTrackedAsync(ctx, ctx.GetArgument<string>("id"));
            await CallerScope.EnsureMayDecideOnAsync(ctx, habilitation);
            var reason = ctx.GetArgument<string?>("reason");
            if (reasonRequired && string.IsNullOrWhiteSpace(reason))
                throw GraphErrors.Argument(GraphErrors.ReasonRequired, $"{name} records the grounds of the decision: give a reason.");
            var on = (dateArgument is null ? null : ctx.GetArgument<DateOnly?>(dateArgument)) ?? ctx.Today();
            apply(ctx, habilitation, on, reason?.Trim());
            await OrganismMutations.Save(ctx);
            return habilitation;
        });
        return field;
    }

    internal static async Task<Habilitation> LoadTrackedAsync(IResolveFieldContext ctx, string id)
    {
        if (!GlobalId.TryDecode(id, out var type, out var key) || type != "Habilitation" || !int.TryParse(key, out var habilitationId))
            throw GraphErrors.Argument(GraphErrors.InvalidId, $"'{id}' is not an habilitation id issued by this API.");
        return await ctx.RequestServices!.GetRequiredService<CleaDbContext>().Habilitations
                   .Include(h => h.Suspensions).Include(h => h.Organism)
                   .SingleOrDefaultAsync(h => h.Id == habilitationId, ctx.CancellationToken)
               ?? throw new ExecutionError($"No habilitation has id '{id}'.") { Code = HabilitationErrors.NotFound };
    }

    /// <summary>An habilitation of the caller's own organism; another organism's answers as not found.</summary>
    private static async Task<Habilitation> OwnHabilitationAsync(IResolveFieldContext ctx, string id)
    {
        var habilitation = await LoadTrackedAsync(ctx, id);
        if (habilitation.Organism.Siren.Value != ctx.User?.FindFirst(CleaClaims.Siren)?.Value)
            throw new ExecutionError($"No habilitation of your organism has id '{id}'.") { Code = HabilitationErrors.NotFound };
        return habilitation;
    }
}

using Clea.Data.Instances;
using Clea.Data.Common;
using Clea.Data.Habilitations;
using Clea.Graph.Common;
using Clea.Graph.Instances;
using Clea.Graph.Referentials;
using Clea.Graph.Registry;
using GraphQL;
using GraphQL.Types;

namespace Clea.Graph.Habilitations;

public sealed class HabilitationStatusEnum : EnumerationGraphType<HabilitationStatus>
{
    public HabilitationStatusEnum() => Name = "HabilitationStatus";
}

public sealed class HabilitationScopeEnum : EnumerationGraphType<HabilitationScope>
{
    public HabilitationScopeEnum()
    {
        Name = "HabilitationScope";
        Description = "What an habilitation allows: to train, to evaluate, or both (\"former et évaluer\", required for EDOF).";
    }
}

/// <summary>An habilitation as the public registry shows it (decisions are public).</summary>
public sealed class HabilitationType : ObjectGraphType<Habilitation>
{
    public HabilitationType()
    {
        Name = "Habilitation";
        Description = "An organism's habilitation for one certification, decided by an Instance. Decisions are public.";
        this.ImplementNode(NodeIds.Habilitation, h => h.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Field(h => h.Certification, type: typeof(NonNullGraphType<CertificationCodeEnum>));
        Field(h => h.Scope, type: typeof(NonNullGraphType<HabilitationScopeEnum>));
        Field<NonNullGraphType<HabilitationStatusEnum>>("status")
            .Description("Status on the given date (default: today, in France).")
            .Argument<IsoDateGraphType>("on")
            .Resolve(ctx => ctx.Source.StatusOn(ctx.GetArgument<DateOnly?>("on") ?? ctx.Today()) ?? HabilitationStatus.Pending);
        Field<NonNullGraphType<InstanceType>>("instance")
            .Resolve(ReferenceData.Resolver<Habilitation, Instance>((reference, h) => reference.InstancesById[h.InstanceId]));
        Field(h => h.ProfessionalField, nullable: true).Description("The professional field stated by a CPNE decision.");
        Field<IsoDateGraphType>("decidedOn").Description("Date of the Instance's decision.").Resolve(ctx => ctx.Source.DecidedOn);
        Field<IsoDateGraphType>("validFrom").Description("First day in force (the notification date).").Resolve(ctx => ctx.Source.ValidFrom);
        Field<IsoDateGraphType>("validUntil").Description("Last day in force, the automatic renewal included; an early end (withdrawal, renunciation) is in `endedOn`.")
            .Resolve(ctx => ctx.Source.ValidUntil);
        Field<IsoDateGraphType>("endedOn")
            .Description("First day no longer in force after a withdrawal or renunciation, as known today: a formal notice's withdrawal date shows from that day, before the sweep records it.")
            .Resolve(ctx => ctx.Source.EndedOnAsOf(ctx.Today()));
        // Why it was withdrawn is not public (convention §V: the public sees the status only): Instance staff and administrators.
        Field<Audits.WithdrawalCaseEnum>("withdrawalCase").Description("Which of the four withdrawal cases of convention §V.3 applied (as known today). Instance staff and administrators.")
            .AuthorizeWithPolicy(Clea.Auth.Policies.CleaPolicies.Oversight).Resolve(ctx => ctx.Source.WithdrawalCaseAsOf(ctx.Today()));
        Field<Audits.WithdrawalEffectEnum>("withdrawalEffect").Description("The rule that fixed the withdrawal's date (as known today). Instance staff and administrators.")
            .AuthorizeWithPolicy(Clea.Auth.Policies.CleaPolicies.Oversight).Resolve(ctx => ctx.Source.WithdrawalEffectAsOf(ctx.Today()));
        Field<NonNullGraphType<BooleanGraphType>>("renewed")
            .Description("True when the automatic 3-year renewal is in force on the given date (default: today).")
            .Argument<IsoDateGraphType>("on")
            .Resolve(ctx => ctx.Source.RenewedOn(ctx.GetArgument<DateOnly?>("on") ?? ctx.Today()));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<HabilitationPeriodType>>>>("periods")
            .Description("The history as consecutive dated periods (pending, active, renewed, suspended, then withdrawn, renounced or expired), computed from the recorded facts.")
            .Resolve(ctx => ctx.Source.Periods());
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<HabilitationCorrectionType>>>>("corrections")
            .Description("The Instance's corrections of recorded facts, oldest first: the only way an answer about a past day changes.")
            .Resolve(ctx => ctx.Source.Corrections.OrderBy(c => c.RecordedOn).ThenBy(c => c.Id).ToList());
        Field<NonNullGraphType<OrganismType>>("organism")
            .Resolve(ctx => ctx.Service<OrganismByIdLoader>().Load(ctx.Source.OrganismId));
    }

}

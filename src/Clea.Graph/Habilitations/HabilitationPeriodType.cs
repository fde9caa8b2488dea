using Clea.Data.Habilitations;
using Clea.Graph.Common;
using GraphQL.Types;

namespace Clea.Graph.Habilitations;

public sealed class HabilitationPeriodStatusEnum : EnumerationGraphType<HabilitationPeriodStatus>
{
    public HabilitationPeriodStatusEnum() => Name = "HabilitationPeriodStatus";
}

public sealed class HabilitationPeriodType : ObjectGraphType<HabilitationPeriod>
{
    public HabilitationPeriodType()
    {
        Name = "HabilitationPeriod";
        Description = "One dated period of an habilitation's history (RENEWED is in force, during the automatic renewal).";
        Field(p => p.Status, type: typeof(NonNullGraphType<HabilitationPeriodStatusEnum>));
        Field<NonNullGraphType<IsoDateGraphType>>("from").Description("First day of the period.").Resolve(ctx => ctx.Source.From);
        Field<IsoDateGraphType>("until").Description("Last day of the period; null when open-ended.").Resolve(ctx => ctx.Source.Until);
        Field<IsoDateGraphType>("correctedOn").Description("The day of the latest correction that changed the answer for a day of this period (see Habilitation.corrections); null when none did.")
            .Resolve(ctx => ctx.Source.CorrectedOn);
    }
}

public sealed class CorrectionKindEnum : EnumerationGraphType<CorrectionKind>
{
    public CorrectionKindEnum()
    {
        Name = "CorrectionKind";
        Description = "Which recorded fact of an habilitation a correction fixes.";
    }
}

public sealed class HabilitationCorrectionType : ObjectGraphType<HabilitationCorrection>
{
    public HabilitationCorrectionType()
    {
        Name = "HabilitationCorrection";
        Description = "A correction of an habilitation's recorded facts by its Instance, a visible act of the day it was recorded; its reason is in the event log (lifecycleEvents).";
        Field<NonNullGraphType<CorrectionKindEnum>>("kind").Resolve(ctx => ctx.Source.Kind);
        Field<NonNullGraphType<IsoDateGraphType>>("recordedOn").Resolve(ctx => ctx.Source.RecordedOn);
        Field<IsoDateGraphType>("previousDate").Description("The date as recorded before (none for MISSED_RENEWAL).").Resolve(ctx => ctx.Source.PreviousDate);
        Field<IsoDateGraphType>("correctedDate").Resolve(ctx => ctx.Source.CorrectedDate);
        Field<NonNullGraphType<IsoDateGraphType>>("affectedFrom").Description("First day whose answer (verifyHabilitation(on:)) the correction may have changed.")
            .Resolve(ctx => ctx.Source.AffectedFrom);
        Field<NonNullGraphType<IsoDateGraphType>>("affectedUntil").Description("Last day whose answer it may have changed.").Resolve(ctx => ctx.Source.AffectedUntil);
    }
}

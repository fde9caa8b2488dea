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
    }
}

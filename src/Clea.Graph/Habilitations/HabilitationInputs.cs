using Clea.Graph.Common;
using GraphQL.Types;

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

using GraphQL.Types;

namespace Clea.Graph.Intervenants;

public sealed class DeclareIntervenantInput
{
    public string FirstName { get; set; } = "";
    public string LastName { get; set; } = "";
    public bool Evaluator { get; set; }
    public bool Trainer { get; set; }
    public List<string>? Qualifications { get; set; }
    public bool RemoteEvaluation { get; set; }
}

public sealed class DeclareIntervenantInputType : InputObjectGraphType<DeclareIntervenantInput>
{
    public DeclareIntervenantInputType()
    {
        Name = "DeclareIntervenantInput";
        Field(i => i.FirstName);
        Field(i => i.LastName);
        Field(i => i.Evaluator).Description("Evaluates candidates (may sit on the jury).");
        Field(i => i.Trainer).Description("Trains candidates (never that candidate's evaluator).");
        Field(i => i.Qualifications, nullable: true).Description("Diplomas, certifications, relevant experience.");
        Field(i => i.RemoteEvaluation).DefaultValue(false).Description("Competent for remote evaluation (evaluators only).");
    }
}

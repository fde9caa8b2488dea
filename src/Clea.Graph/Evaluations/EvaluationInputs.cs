using Clea.Data.Evaluations;
using Clea.Graph.Common;
using Clea.Graph.Referentials;
using GraphQL.Types;

namespace Clea.Graph.Evaluations;

public sealed class RegisterCandidateInputType : InputObjectGraphType<RegisterCandidateInput>
{
    public RegisterCandidateInputType()
    {
        Name = "RegisterCandidateInput";
        Field(i => i.Siret).Description("The site (one of your organism's open sites) where the candidate registers.");
        Field(i => i.Certification, type: typeof(NonNullGraphType<CertificationCodeEnum>));
        Field(i => i.RegisteredOn, type: typeof(IsoDateGraphType)).Description("Default today.");
        Field(i => i.FirstName);
        Field(i => i.LastName);
        Field(i => i.BirthDate, type: typeof(NonNullGraphType<IsoDateGraphType>));
        Field(i => i.Email, nullable: true);
        Field(i => i.Phone, nullable: true);
        Field(i => i.Funding, type: typeof(NonNullGraphType<FundingSchemeEnum>));
        Field(i => i.Accommodations, nullable: true).Description("Disability accommodations (time, access, human or technical aids).");
    }
}

public sealed class RemoteSafeguardsInput
{
    public bool FeasibilityChecked { get; set; }
    public bool ReinforcedSupport { get; set; }
    public bool SynchronousPhases { get; set; }
}

public sealed class RemoteSafeguardsInputType : InputObjectGraphType<RemoteSafeguardsInput>
{
    public RemoteSafeguardsInputType()
    {
        Name = "RemoteSafeguardsInput";
        Description = "Required for remote evaluations (annexe 3): all three must be true.";
        Field(i => i.FeasibilityChecked);
        Field(i => i.ReinforcedSupport);
        Field(i => i.SynchronousPhases);
    }
}

public sealed class ResultGraphInput
{
    public string SubCompetence { get; set; } = "";
    public bool Acquired { get; set; }
    public string? EvaluatorId { get; set; }
}

public sealed class ResultInputType : InputObjectGraphType<ResultGraphInput>
{
    public ResultInputType()
    {
        Name = "ResultInput";
        Field(i => i.SubCompetence).Description("The sub-competence's code in the référentiel, e.g. 1.1 (Socle), 2.3 (Numérique), 1-4 (Management).");
        Field(i => i.Acquired);
        Field(i => i.EvaluatorId, type: typeof(IdGraphType)).Description("Default: the session's evaluator.");
    }
}

public sealed class EvaluationGraphInput
{
    public DateOnly? HeldOn { get; set; }
    public EvaluationModality Modality { get; set; }
    public string EvaluatorId { get; set; } = "";
    public bool IdentityChecked { get; set; }
    public bool AttendanceSigned { get; set; }
    public RemoteSafeguardsInput? Remote { get; set; }
    public string? ReferentialContext { get; set; }
    public List<ResultGraphInput> Results { get; set; } = [];

    public EvaluationInput ToInput(DateOnly today) => new(
        RecordedDates.NotAfter(HeldOn ?? today, today, "evaluation"),
        Modality,
        NodeIds.Parse(NodeIds.Intervenant, EvaluatorId),
        IdentityChecked,
        AttendanceSigned,
        [.. Results.Select(r => new ResultInput(r.SubCompetence, r.Acquired, r.EvaluatorId is null ? null : NodeIds.Parse(NodeIds.Intervenant, r.EvaluatorId)))],
        Remote is null ? null : new RemoteSafeguards(Remote.FeasibilityChecked, Remote.ReinforcedSupport, Remote.SynchronousPhases),
        ReferentialContext);
}

public sealed class EvaluationInputType : InputObjectGraphType<EvaluationGraphInput>
{
    public EvaluationInputType()
    {
        Name = "EvaluationInput";
        Field(i => i.HeldOn, type: typeof(IsoDateGraphType)).Description("Default today.");
        Field(i => i.Modality, type: typeof(NonNullGraphType<EvaluationModalityEnum>));
        Field(i => i.EvaluatorId, type: typeof(NonNullGraphType<IdGraphType>)).Description("A declared evaluator of your organism.");
        Field(i => i.IdentityChecked).Description("The candidate's identity was checked (with extra care remotely).");
        Field(i => i.AttendanceSigned).Description("The attendance sheet (émargement) was signed.");
        Field(i => i.Remote, type: typeof(RemoteSafeguardsInputType));
        Field(i => i.ReferentialContext, nullable: true).Description("The contextualisation of the référentiel used, if any.");
        Field(i => i.Results, type: typeof(NonNullGraphType<ListGraphType<NonNullGraphType<ResultInputType>>>));
    }
}

public sealed class JuryMemberGraphInput
{
    public string Name { get; set; } = "";
    public JuryMemberQuality Quality { get; set; }
    public string? IntervenantId { get; set; }
    public bool LinkedToOrganism { get; set; }

    public JuryMemberInput ToInput() => new(Name, Quality, IntervenantId is null ? null : NodeIds.Parse(NodeIds.Intervenant, IntervenantId), LinkedToOrganism);
}

public sealed class JuryMemberInputType : InputObjectGraphType<JuryMemberGraphInput>
{
    public JuryMemberInputType()
    {
        Name = "JuryMemberInput";
        Description = "A member of the jury: name, quality, and link to the organism if any.";
        Field(i => i.Name);
        Field(i => i.Quality, type: typeof(NonNullGraphType<JuryMemberQualityEnum>));
        Field(i => i.IntervenantId, type: typeof(IdGraphType)).Description("The member is this declared intervenant of your organism.");
        Field(i => i.LinkedToOrganism, nullable: true).DefaultValue(false)
            .Description("The member is otherwise linked to your organism (staff, manager, contractor).");
    }
}

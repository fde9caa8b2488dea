using Clea.Data.Applications;
using Clea.Data.Registry;
using Clea.Graph.Common;
using Clea.Graph.Habilitations;
using Clea.Graph.Referentials;
using Clea.Graph.Registry;
using GraphQL.Types;

namespace Clea.Graph.Applications;

public sealed class ApplicationSiteInputType : InputObjectGraphType<SiteInput>
{
    public ApplicationSiteInputType()
    {
        Name = "ApplicationSiteInput";
        this.DeclareSiteFields("14 digits; its first 9 are the candidate's SIREN.", "INSEE code of the département.");
    }
}

public sealed class CandidateInputType : InputObjectGraphType<CandidateInput>
{
    public CandidateInputType()
    {
        Name = "CandidateInput";
        Field(c => c.Siren);
        Field<ListGraphType<NonNullGraphType<ApplicationSiteInputType>>>("sites")
            .Description("The exhaustive list of the candidate's sites; default: its sites open in the registry.");
    }
}

public sealed class IntervenantSnapshotInputType : InputObjectGraphType<IntervenantSnapshotInput>
{
    public IntervenantSnapshotInputType()
    {
        Name = "ApplicationIntervenantInput";
        Field(i => i.FirstName);
        Field(i => i.LastName);
        Field(i => i.Evaluator);
        Field(i => i.Trainer);
        Field(i => i.RemoteEvaluation, nullable: true);
        Field<ListGraphType<NonNullGraphType<StringGraphType>>>("qualifications");
    }
}

public sealed class ModalityInputType : InputObjectGraphType<ModalityInput>
{
    public ModalityInputType()
    {
        Name = "EvaluationModalityInput";
        Field(m => m.SubCompetence).Description("Code of a sub-competence of the certification's référentiel (e.g. 1.1).");
        Field(m => m.Modality).Description("QCM, reconstituted situation, case study, interview…");
    }
}

public sealed class ActivityFiguresInputType : InputObjectGraphType<Clea.Data.Habilitations.ActivityFigures>
{
    public ActivityFiguresInputType()
    {
        Name = "ActivityFiguresInput";
        Field("filesRegistered", a => a.Registered);
        Field(a => a.PriorEvaluations);
        Field(a => a.FinalEvaluations);
        Field("peopleCertified", a => a.Certified);
    }

    public override object ParseDictionary(IDictionary<string, object?> value)
        => new Clea.Data.Habilitations.ActivityFigures((int)value["filesRegistered"]!, (int)value["priorEvaluations"]!, (int)value["finalEvaluations"]!, (int)value["peopleCertified"]!);
}

public sealed class TechnicalPartInputType : InputObjectGraphType<TechnicalPartInput>
{
    public TechnicalPartInputType()
    {
        Name = "TechnicalPartInput";
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ModalityInputType>>>>("modalities").Description("The evaluation modality of every sub-competence.");
        Field(t => t.EvaluationProcess, nullable: true);
        Field(t => t.RemoteEvaluation, nullable: true).Description("Remote-evaluation arrangements, when offered.");
        Field(t => t.Training, nullable: true).Description("Training engineering.");
        Field(t => t.Quality, nullable: true).Description("Quality-assurance approach.");
        Field<ActivityFiguresInputType>("activity").Description("Renewals: the activity figures of the past period.");
    }
}

public sealed class FileApplicationInputType : InputObjectGraphType<FileApplicationInput>
{
    public FileApplicationInputType()
    {
        Name = "FileApplicationInput";
        Field(i => i.Campaign).Description("The code of an open campaign.");
        Field<ApplicationKindEnum>("kind").DefaultValue(ApplicationKind.Individual);
        Field<ApplicationTypeEnum>("type").DefaultValue(ApplicationType.First);
        Field<NonNullGraphType<HabilitationScopeEnum>>("scope").Description("The requested scope.");
        Field<ListGraphType<NonNullGraphType<CandidateInputType>>>("candidates")
            .Description("The candidate organisms (a network: every SIREN; otherwise your own organism, the default).");
        Field(i => i.MandateReference, nullable: true).Description("A network: the mandate letter of the candidates.");
        Field(i => i.GroupementName, nullable: true);
        Field<CoverageEnum>("coverage").DefaultValue(Coverage.National);
        Field<ListGraphType<NonNullGraphType<StringGraphType>>>("regions").Description("Regional coverage: INSEE codes of the regions served.");
        Field<ListGraphType<NonNullGraphType<IntervenantSnapshotInputType>>>("intervenants")
            .Description("The evaluators and trainers; default: the candidates' intervenants in the registry.");
        Field<NonNullGraphType<TechnicalPartInputType>>("technical");
    }
}

public sealed class CriterionVerdictInputType : InputObjectGraphType<CriterionVerdict>
{
    public CriterionVerdictInputType()
    {
        Name = "CriterionVerdictInput";
        Field<NonNullGraphType<CriterionEnum>>("criterion");
        Field<StringGraphType>("label").Description("Names a contextualisation criterion.");
        Field<NonNullGraphType<BooleanGraphType>>("met");
        Field<NonNullGraphType<StringGraphType>>("comment").Description("The reasons.");
    }

    public override object ParseDictionary(IDictionary<string, object?> value)
        => new CriterionVerdict((Criterion)value["criterion"]!, (bool)value["met"]!, (string)value["comment"]!,
            value.TryGetValue("label", out var label) ? (string?)label : null);
}

/// <summary>The verdict on one candidate of a network file.</summary>
public sealed class CandidateVerdictInputType : InputObjectGraphType<CandidateVerdict>
{
    public CandidateVerdictInputType()
    {
        Name = "CandidateVerdictInput";
        Description = "The Instance's verdict on one candidate of the file: accepted, or refused with its reasons per criterion.";
        Field<NonNullGraphType<StringGraphType>>("siren");
        Field<NonNullGraphType<BooleanGraphType>>("accept");
        Field<ListGraphType<NonNullGraphType<CriterionVerdictInputType>>>("reasons").Description("A refusal: the verdict per criterion.");
    }

    public override object ParseDictionary(IDictionary<string, object?> value)
        => new CandidateVerdict((string)value["siren"]!, (bool)value["accept"]!,
            value.TryGetValue("reasons", out var reasons) && reasons is IEnumerable<object?> list ? [.. list.Cast<CriterionVerdict>()] : []);
}

public sealed class CreateCampaignInputType : InputObjectGraphType<CreateCampaignInput>
{
    public CreateCampaignInputType()
    {
        Name = "CreateCampaignInput";
        Field(c => c.Instance, nullable: true).Description("Administrators: the Instance's code. Instance staff create campaigns of their own Instance.");
        Field<NonNullGraphType<CertificationCodeEnum>>("certification");
        Field(c => c.Code).Description("Stable code, e.g. CP-NUM-2027 (capital letters, digits, '-', '_').");
        Field(c => c.Name);
        Field<NonNullGraphType<IsoDateGraphType>>("opensOn");
        Field<NonNullGraphType<IsoDateGraphType>>("closesOn");
        Field<ListGraphType<NonNullGraphType<IsoDateGraphType>>>("meetingDates");
    }
}

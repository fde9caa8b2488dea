using Clea.Data.Applications;
using Clea.Data.Habilitations;
using Clea.Graph.Common;
using Clea.Graph.Habilitations;
using Clea.Graph.Referentials;
using GraphQL.Types;

namespace Clea.Graph.Applications;

public sealed class ApplicationSiteInput
{
    public string Siret { get; set; } = "";
    public string Name { get; set; } = "";
    public string? Street { get; set; }
    public string PostalCode { get; set; } = "";
    public string City { get; set; } = "";
    public string Department { get; set; } = "";
}

public sealed class ApplicationSiteInputType : InputObjectGraphType<ApplicationSiteInput>
{
    public ApplicationSiteInputType()
    {
        Name = "ApplicationSiteInput";
        Field(s => s.Siret).Description("14 digits; its first 9 are the candidate's SIREN.");
        Field(s => s.Name);
        Field(s => s.Street, nullable: true);
        Field(s => s.PostalCode);
        Field(s => s.City);
        Field(s => s.Department).Description("INSEE code of the département.");
    }
}

public sealed class CandidateInput
{
    public string Siren { get; set; } = "";
    public List<ApplicationSiteInput>? Sites { get; set; }
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

public sealed class IntervenantSnapshotInput
{
    public string FirstName { get; set; } = "";
    public string LastName { get; set; } = "";
    public bool Evaluator { get; set; }
    public bool Trainer { get; set; }
    public bool RemoteEvaluation { get; set; }
    public List<string>? Qualifications { get; set; }
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

public sealed class ModalityInput
{
    public string SubCompetence { get; set; } = "";
    public string Modality { get; set; } = "";
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

public sealed class TechnicalPartInput
{
    public List<ModalityInput> Modalities { get; set; } = [];
    public string? EvaluationProcess { get; set; }
    public string? RemoteEvaluation { get; set; }
    public string? Training { get; set; }
    public string? Quality { get; set; }
    public Clea.Data.Habilitations.ActivityFigures? Activity { get; set; }

    public TechnicalPart ToPart() => new([.. Modalities.Select(m => new ModalityChoice(m.SubCompetence.Trim(), m.Modality.Trim()))],
        EvaluationProcess, RemoteEvaluation, Training, Quality, Activity);
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

public sealed class FileApplicationInput
{
    public string Campaign { get; set; } = "";
    public ApplicationKind Kind { get; set; } = ApplicationKind.Individual;
    public ApplicationType Type { get; set; } = ApplicationType.First;
    public HabilitationScope Scope { get; set; }
    public List<CandidateInput>? Candidates { get; set; }
    public string? MandateReference { get; set; }
    public string? GroupementName { get; set; }
    public Coverage Coverage { get; set; } = Coverage.National;
    public List<string>? Regions { get; set; }
    public List<IntervenantSnapshotInput>? Intervenants { get; set; }
    public TechnicalPartInput Technical { get; set; } = new();
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

public sealed class CreateCampaignInput
{
    public string? Instance { get; set; }
    public Clea.Data.Referentials.CertificationCode Certification { get; set; }
    public string Code { get; set; } = "";
    public string Name { get; set; } = "";
    public DateOnly OpensOn { get; set; }
    public DateOnly ClosesOn { get; set; }
    public List<DateOnly>? MeetingDates { get; set; }
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

using Clea.Data.Habilitations;
using Clea.Data.Referentials;
using Clea.Data.Registry;

namespace Clea.Data.Applications;

// What a caller gives to file, answer and run campaigns: plain data, bound from GraphQL input types or built by other callers.

public sealed class CandidateInput
{
    public string Siren { get; set; } = "";
    public List<SiteInput>? Sites { get; set; }
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

public sealed class ModalityInput
{
    public string SubCompetence { get; set; } = "";
    public string Modality { get; set; } = "";
}

public sealed class TechnicalPartInput
{
    public List<ModalityInput> Modalities { get; set; } = [];
    public string? EvaluationProcess { get; set; }
    public string? RemoteEvaluation { get; set; }
    public string? Training { get; set; }
    public string? Quality { get; set; }
    public ActivityFigures? Activity { get; set; }

    public TechnicalPart ToPart() => new([.. Modalities.Select(m => new ModalityChoice(m.SubCompetence.Trim(), m.Modality.Trim()))],
        EvaluationProcess, RemoteEvaluation, Training, Quality, Activity);
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

public sealed class CreateCampaignInput
{
    public string? Instance { get; set; }
    public CertificationCode Certification { get; set; }
    public string Code { get; set; } = "";
    public string Name { get; set; } = "";
    public DateOnly OpensOn { get; set; }
    public DateOnly ClosesOn { get; set; }
    public List<DateOnly>? MeetingDates { get; set; }
}

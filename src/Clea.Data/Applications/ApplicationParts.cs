using Clea.Data.Habilitations;

namespace Clea.Data.Applications;

/// <summary>A site as declared in the file (the exhaustive list of establishments and sites).</summary>
public sealed record SiteSnapshot(string Siret, string Name, string? Street, string PostalCode, string City, string Department);

/// <summary>An intervenant as declared in the file (personal data).</summary>
public sealed record IntervenantSnapshot(string FirstName, string LastName, bool Evaluator, bool Trainer, bool RemoteEvaluation,
    IReadOnlyList<string> Qualifications);

public sealed record TurnoverSnapshot(int Year, decimal AmountEuros);

public sealed record ContactSnapshot(string Name, string Email, string? Phone);

/// <summary>One candidate organism's identity at filing, from its registry profile and the input.</summary>
public sealed record CandidateSnapshot(string Siren, string Name, string? NafCode, string? DeclarationNumber, bool Qualiopi,
    IReadOnlyList<TurnoverSnapshot> Turnover, IReadOnlyList<SiteSnapshot> Sites);

/// <summary>The administrative part of a file (application form, identity sheet, sites, intervenants).</summary>
public sealed record AdministrativePart(
    IReadOnlyList<CandidateSnapshot> Candidates,
    ContactSnapshot? MainContact,
    ContactSnapshot? BillingContact,
    Coverage Coverage,
    IReadOnlyList<string> Regions,
    IReadOnlyList<IntervenantSnapshot> Intervenants,
    string? GroupementName = null,
    string? MandateReference = null);

/// <summary>The evaluation modality chosen for one sub-competence (QCM, reconstituted situation, case study, interview…).</summary>
public sealed record ModalityChoice(string SubCompetence, string Modality);

/// <summary>The technical part of a file.</summary>
public sealed record TechnicalPart(
    IReadOnlyList<ModalityChoice> Modalities,
    string? EvaluationProcess,
    string? RemoteEvaluation,
    string? Training,
    string? Quality,
    Habilitations.ActivityFigures? Activity);

/// <summary>A verdict on one criterion, with its reasons.</summary>
public sealed record CriterionVerdict(Criterion Criterion, bool Met, string Comment, string? Label = null);

/// <summary>The reasoned opinion of the service compétent, settled for one decision meeting.</summary>
public sealed record Opinion(DateOnly GivenOn, DateOnly MeetingOn, IReadOnlyList<CriterionVerdict> Verdicts, string? Comment)
{
    public bool Favourable => Verdicts.All(v => v.Met);
}

/// <summary>The Instance's decision, as notified. Decisions are public.</summary>
public sealed record Decision(DateOnly MeetingOn, DateOnly NotifiedOn, DecisionOutcome Outcome,
    IReadOnlyList<CriterionVerdict> Reasons, string? Comment, string? Warning, DateOnly? AppealUntil);

/// <summary>The Instance's verdict on one candidate of a file (network files are decided candidate by candidate).</summary>
public sealed record CandidateVerdict(string Siren, bool Accept, IReadOnlyList<CriterionVerdict> Reasons);

/// <summary>One candidate's part of the decision: its outcome, the reasons of a refusal and the appeal deadline.</summary>
public sealed record CandidateDecision(DecisionOutcome Outcome, IReadOnlyList<CriterionVerdict> Reasons, DateOnly? AppealUntil);

/// <summary>An appeal against a refusal: a reasoned note re-examined at the next meeting, never a new file.</summary>
public sealed record Appeal(DateOnly FiledOn, string Grounds, DateOnly AcknowledgementDue, DateOnly ExaminationDue,
    DateOnly? AcknowledgedOn = null, AppealOutcome Outcome = AppealOutcome.Pending, DateOnly? DecidedOn = null,
    DateOnly? NotifiedOn = null, string? Reason = null, DateOnly? NextMeetingOn = null)
{
    /// <summary>False when the appeal was decided at a later meeting than the first one after its filing (flagged, allowed).</summary>
    public bool? DecidedAtNextMeeting => DecidedOn is null || NextMeetingOn is null ? null : DecidedOn == NextMeetingOn;

    public bool AcknowledgementOverdue(DateOnly today) => (AcknowledgedOn ?? today) > AcknowledgementDue;
    public bool ExaminationOverdue(DateOnly today) => (DecidedOn ?? today) > ExaminationDue;
}

/// <summary>A request for more information on an incomplete file, and the organism's answer.</summary>
public sealed class InformationRequest
{
    public int Id { get; private set; }
    public DateOnly RequestedOn { get; private set; }
    public string Items { get; private set; } = null!;
    public DateOnly? AnsweredOn { get; private set; }
    public string? Answer { get; private set; }

    private InformationRequest() { }

    internal InformationRequest(DateOnly requestedOn, string items)
    {
        RequestedOn = requestedOn;
        Items = items;
    }

    internal void Answered(DateOnly on, string answer)
    {
        AnsweredOn = on;
        Answer = answer;
    }
}

/// <summary>
/// One organism the file applies for, the pending habilitation filing created for it, and its own decision and appeal:
/// each candidate is habilitated individually (F §1), so a network file is decided and appealed candidate by candidate.
/// </summary>
public sealed class ApplicationCandidate
{
    public int Id { get; private set; }
    public int OrganismId { get; private set; }
    public int HabilitationId { get; private set; }
    public Habilitation Habilitation { get; private set; } = null!;
    /// <summary>This candidate's outcome and reasons; null until the file is decided.</summary>
    public CandidateDecision? Decision { get; private set; }
    /// <summary>This candidate's appeal against its refusal, if any.</summary>
    public Appeal? Appeal { get; private set; }

    private ApplicationCandidate() { }

    internal ApplicationCandidate(Clea.Data.Registry.Organism organism, Habilitation habilitation)
    {
        OrganismId = organism.Id;
        Habilitation = habilitation;
    }

    /// <summary>The candidate's SIREN (its habilitation's organism).</summary>
    public string Siren => Habilitation.Organism.Siren.Value;

    internal void Decided(CandidateDecision decision) => Decision = decision;

    internal void Appealed(Appeal appeal) => Appeal = appeal;
}

/// <summary>A candidate's earlier refused file: where it was refused, for the re-application rule (N §III.5).</summary>
public sealed record PreviousRefusal(string Siren, int InstanceId, Referentials.CertificationCode Certification, int CampaignId,
    string CampaignCode, DateOnly CampaignOpensOn);

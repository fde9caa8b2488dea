using Clea.Data.Calendar;
using Clea.Data.Common;
using Clea.Data.Events;
using Clea.Data.Habilitations;

namespace Clea.Data.Audits;

/// <summary>One anomaly of an audit report, qualified minor or blocking by the auditor.</summary>
public sealed class AuditAnomaly
{
    public const int DescriptionMaxLength = 2000;

    public int Id { get; private set; }
    public string Description { get; private set; } = null!;
    public AnomalySeverity Severity { get; private set; }

    private AuditAnomaly() { }

    public AuditAnomaly(string description, AnomalySeverity severity)
    {
        if (string.IsNullOrWhiteSpace(description))
            throw new DomainRuleException(AuditErrors.OpinionInconsistent, "Each anomaly is described.");
        Description = description.Trim();
        Severity = severity;
    }
}

/// <summary>
/// An audit of an habilitated organism (convention §V.1): scheduled by an Instance (Certif Pro on any habilitation, a CPNE
/// within its field), carried out by an auditor on documents or on site, concluded by a report with one of three opinions,
/// open to the organism's written observations for 15 working days, then decided by the Instance at a meeting and notified
/// within 15 working days of it. The organism may refuse it: that is withdrawal, case 3 of §V.3.
/// </summary>
public sealed class Audit : EventSource
{
    public const int TextMaxLength = 8000;
    public const int NameMaxLength = 200;

    private readonly List<AuditAnomaly> _anomalies = [];

    public int Id { get; private set; }
    public int HabilitationId { get; private set; }
    public Habilitation Habilitation { get; private set; } = null!;
    public int OrganismId { get; private set; }
    public AuditMode Mode { get; private set; }
    /// <summary>The sites in scope (SIRETs, space-separated); empty for the whole organism.</summary>
    public string? Sites { get; private set; }
    /// <summary>The period of activity audited.</summary>
    public DateOnly PeriodFrom { get; private set; }
    public DateOnly PeriodTo { get; private set; }
    public int AuditorUserId { get; private set; }
    public string AuditorName { get; private set; } = null!;
    public AuditorAffiliation AuditorAffiliation { get; private set; }
    public DateOnly PlannedFrom { get; private set; }
    public DateOnly PlannedTo { get; private set; }
    /// <summary>The day the organism was told of the audit: the audit is open, and its auditor's access, from then.</summary>
    public DateOnly OpenedOn { get; private set; }
    /// <summary>The mandataire the organism named to assist it, if any.</summary>
    public string? Mandataire { get; private set; }
    public AuditStage Stage { get; private set; }

    public DateOnly? RefusedOn { get; private set; }
    /// <summary>True for a written refusal received by the Instance; false for a refusal the Instance noted.</summary>
    public bool? RefusedInWriting { get; private set; }

    /// <summary>The day the final report was presented to the organism: its observations run from then.</summary>
    public DateOnly? ReportedOn { get; private set; }
    public string? Findings { get; private set; }
    public AuditOpinion? Opinion { get; private set; }
    public IReadOnlyCollection<AuditAnomaly> Anomalies => _anomalies;
    public DateOnly? ObservationsDueOn { get; private set; }
    public DateOnly? ObservationsOn { get; private set; }
    public string? Observations { get; private set; }

    public DateOnly? DecisionMeetingOn { get; private set; }
    public DateOnly? DecisionNotifiedOn { get; private set; }
    /// <summary>The last day to notify the decision: 15 working days after the meeting.</summary>
    public DateOnly? DecisionNotificationDueOn { get; private set; }
    /// <summary>A late notification is kept, and flagged.</summary>
    public bool DecisionNotifiedLate { get; private set; }
    public AuditOutcome? Outcome { get; private set; }
    public string? DecisionReason { get; private set; }

    public string Reference => $"AUDIT-{Id}";

    private Audit() { }

    /// <summary>Schedules an audit of an habilitation in force; the organism is told on <paramref name="openedOn"/>.</summary>
    public Audit(Habilitation habilitation, AuditMode mode, DateOnly periodFrom, DateOnly periodTo, int auditorUserId, string auditorName,
        AuditorAffiliation affiliation, DateOnly plannedFrom, DateOnly plannedTo, DateOnly openedOn, string? sites = null, string? mandataire = null)
    {
        if (periodFrom > periodTo || periodTo > openedOn || plannedFrom > plannedTo || plannedFrom < openedOn)
            throw new DomainRuleException(AuditErrors.InvalidAuditPeriod,
                "An audit covers a past period (from ≤ to ≤ the day it is opened) and is planned on or after it is opened (from ≤ to).");
        if (habilitation.StatusOn(openedOn) is not (HabilitationStatus.Active or HabilitationStatus.Suspended))
            throw new DomainRuleException(HabilitationErrors.NotActive, $"Only an habilitation in force is audited; on {openedOn:yyyy-MM-dd} it is {habilitation.StatusOn(openedOn)?.ToString().ToLowerInvariant() ?? "not filed"}.");
        Habilitation = habilitation;
        HabilitationId = habilitation.Id;
        OrganismId = habilitation.OrganismId;
        Mode = mode;
        PeriodFrom = periodFrom;
        PeriodTo = periodTo;
        AuditorUserId = auditorUserId;
        AuditorName = auditorName;
        AuditorAffiliation = affiliation;
        PlannedFrom = plannedFrom;
        PlannedTo = plannedTo;
        OpenedOn = openedOn;
        Sites = string.IsNullOrWhiteSpace(sites) ? null : sites.Trim();
        Mandataire = string.IsNullOrWhiteSpace(mandataire) ? null : mandataire.Trim();
        Stage = AuditStage.Scheduled;
        Raise(LifecycleEventKind.AuditScheduled, openedOn, $"{mode} audit of {periodFrom:yyyy-MM-dd}–{periodTo:yyyy-MM-dd}, planned {plannedFrom:yyyy-MM-dd}–{plannedTo:yyyy-MM-dd}, auditor {auditorName}");
    }

    /// <summary>True while the auditor may read the organism's evidence: from the opening until the report is final.</summary>
    public bool IsOpenOn(DateOnly date) => Stage == AuditStage.Scheduled && OpenedOn <= date;

    /// <summary>The organism names (or changes) the mandataire who assists it during the audit.</summary>
    public void NameMandataire(string mandataire)
    {
        EnsureStage(AuditStage.Scheduled, "name a mandataire");
        Mandataire = string.IsNullOrWhiteSpace(mandataire) ? null : mandataire.Trim();
    }

    /// <summary>
    /// The organism refuses the audit: in writing (withdrawal effective on the day the Instance receives the refusal) or,
    /// without a writing, as noted by the Instance (effective on the day it notes it). Case 3 of §V.3.
    /// </summary>
    public void Refuse(DateOnly on, bool inWriting, string? reason)
    {
        EnsureStage(AuditStage.Scheduled, "be refused");
        if (on < OpenedOn)
            throw new DomainRuleException(AuditErrors.InvalidAuditPeriod, $"An audit is refused after it is opened ({OpenedOn:yyyy-MM-dd}).");
        Stage = AuditStage.Refused;
        RefusedOn = on;
        RefusedInWriting = inWriting;
        Raise(inWriting ? LifecycleEventKind.AuditRefused : LifecycleEventKind.AuditRefusalNoted, on, reason);
        Habilitation.Withdraw(on, WithdrawalCase.AuditRefusal,
            inWriting ? WithdrawalEffect.OnRefusalReceipt : WithdrawalEffect.OnRefusalNoted, reason ?? $"Refusal of audit {Reference}");
    }

    /// <summary>
    /// The auditor files the final report, presented to the organism on <paramref name="presentedOn"/>. The opinion must
    /// match the anomalies: favourable without any, with reservations for minor ones only, unfavourable with a blocking one.
    /// </summary>
    public void FileReport(DateOnly presentedOn, string findings, AuditOpinion opinion, IReadOnlyList<AuditAnomaly> anomalies)
    {
        EnsureStage(AuditStage.Scheduled, "receive a report");
        if (presentedOn < PlannedFrom)
            throw new DomainRuleException(AuditErrors.InvalidAuditPeriod, $"The report follows the audit, planned from {PlannedFrom:yyyy-MM-dd}.");
        if (string.IsNullOrWhiteSpace(findings))
            throw new DomainRuleException(AuditErrors.OpinionInconsistent, "A report states its findings.");
        var blocking = anomalies.Any(a => a.Severity == AnomalySeverity.Blocking);
        var consistent = opinion switch
        {
            AuditOpinion.Favourable => anomalies.Count == 0,
            AuditOpinion.FavourableWithReservations => anomalies.Count > 0 && !blocking,
            _ => blocking,
        };
        if (!consistent)
            throw new DomainRuleException(AuditErrors.OpinionInconsistent,
                "A favourable opinion has no anomaly, a favourable opinion with reservations minor anomalies only, an unfavourable opinion at least one blocking anomaly.");
        Stage = AuditStage.Reported;
        ReportedOn = presentedOn;
        Findings = findings.Trim();
        Opinion = opinion;
        _anomalies.AddRange(anomalies);
        ObservationsDueOn = Deadlines.AuditObservations.After(presentedOn);
        Raise(LifecycleEventKind.AuditReportFiled, presentedOn, $"{opinion}: {anomalies.Count(a => a.Severity == AnomalySeverity.Minor)} minor, {anomalies.Count(a => a.Severity == AnomalySeverity.Blocking)} blocking anomalies");
    }

    /// <summary>The organism's written observations, within 15 working days of the report's presentation (§V.1).</summary>
    public void SubmitObservations(DateOnly on, string observations)
    {
        EnsureStage(AuditStage.Reported, "receive observations");
        if (ObservationsOn is not null)
            throw new DomainRuleException(AuditErrors.WrongAuditStage, $"Observations were already sent on {ObservationsOn:yyyy-MM-dd}.");
        if (string.IsNullOrWhiteSpace(observations))
            throw new DomainRuleException(AuditErrors.WrongAuditStage, "Observations are written: give their text.");
        if (on < ReportedOn)
            throw new DomainRuleException(AuditErrors.WrongAuditStage, $"Observations follow the report of {ReportedOn:yyyy-MM-dd}.");
        if (on > ObservationsDueOn)
            throw new DomainRuleException(AuditErrors.ObservationsDeadlinePassed,
                $"Observations were due by {ObservationsDueOn:yyyy-MM-dd} (15 working days after the report of {ReportedOn:yyyy-MM-dd}).");
        ObservationsOn = on;
        Observations = observations.Trim();
        Raise(LifecycleEventKind.AuditObservationsSubmitted, on, null);
    }

    /// <summary>
    /// Records the Instance's decision, taken at its meeting once the observations are in or their deadline is over, and
    /// notified on <paramref name="notifiedOn"/> (late notifications are kept and flagged). The caller applies the outcome
    /// (<see cref="AuditDecision"/>).
    /// </summary>
    internal void RecordDecision(DateOnly meetingOn, DateOnly notifiedOn, AuditOutcome outcome, string? reason)
    {
        EnsureStage(AuditStage.Reported, "be decided");
        if (ObservationsOn is null && meetingOn <= ObservationsDueOn)
            throw new DomainRuleException(AuditErrors.ObservationPeriodRunning,
                $"The organism may send observations until {ObservationsDueOn:yyyy-MM-dd}: the Instance decides after that, or once they are in.");
        if (meetingOn < (ObservationsOn ?? ReportedOn))
            throw new DomainRuleException(AuditErrors.ObservationPeriodRunning, "The Instance decides after the report and the observations.");
        if (notifiedOn < meetingOn)
            throw new DomainRuleException(AuditErrors.NotificationBeforeMeeting,
                $"A decision is notified on or after its meeting ({meetingOn:yyyy-MM-dd}), not on {notifiedOn:yyyy-MM-dd}.");
        Stage = AuditStage.Decided;
        DecisionMeetingOn = meetingOn;
        DecisionNotifiedOn = notifiedOn;
        DecisionNotificationDueOn = Deadlines.AuditDecisionNotification.After(meetingOn);
        DecisionNotifiedLate = notifiedOn > DecisionNotificationDueOn;
        Outcome = outcome;
        DecisionReason = reason;
        Raise(LifecycleEventKind.AuditDecided, notifiedOn,
            $"{outcome} (meeting {meetingOn:yyyy-MM-dd}{(DecisionNotifiedLate ? $", notified late: due by {DecisionNotificationDueOn:yyyy-MM-dd}" : "")}){(reason is null ? "" : ": " + reason)}");
    }

    /// <summary>Logs a read of the evidence (who: the context's actor; which records: <paramref name="records"/>).</summary>
    public void LogEvidenceRead(DateOnly on, string channel, string records)
        => Raise(LifecycleEventKind.AuditEvidenceRead, on, $"{channel}: {records}");

    private void Raise(LifecycleEventKind kind, DateOnly on, string? reason)
        => Raise(new LifecycleEvent(kind, on, Habilitation, reason, Id == 0 ? null : Reference));

    private void EnsureStage(AuditStage expected, string action)
    {
        if (Stage != expected)
            throw new DomainRuleException(AuditErrors.WrongAuditStage, $"Only a {expected.ToString().ToLowerInvariant()} audit can {action}; this one is {Stage.ToString().ToLowerInvariant()}.");
    }
}

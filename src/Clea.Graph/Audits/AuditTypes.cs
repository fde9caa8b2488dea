using Clea.Auth.Policies;
using Clea.Data.Applications;
using Clea.Data.Audits;
using Clea.Data.Evaluations;
using Clea.Data.Habilitations;
using Clea.Graph.Applications;
using Clea.Graph.Common;
using Clea.Graph.Evaluations;
using Clea.Graph.Habilitations;
using Clea.Graph.Intervenants;
using Clea.Graph.Privacy;
using Clea.Graph.Referentials;
using Clea.Graph.Registry;
using GraphQL;
using GraphQL.Types;

namespace Clea.Graph.Audits;

public sealed class WithdrawalCaseEnum : EnumerationGraphType<WithdrawalCase>
{
    public WithdrawalCaseEnum() { Name = "WithdrawalCase"; Description = "The four cases of withdrawal (convention §V.3)."; }
}

public sealed class WithdrawalEffectEnum : EnumerationGraphType<WithdrawalEffect>
{
    public WithdrawalEffectEnum() { Name = "WithdrawalEffect"; Description = "The rule that fixed a withdrawal's effective date (convention §V.3)."; }
}

public sealed class AuditModeEnum : EnumerationGraphType<AuditMode>
{
    public AuditModeEnum() => Name = "AuditMode";
}

public sealed class AuditorAffiliationEnum : EnumerationGraphType<AuditorAffiliation>
{
    public AuditorAffiliationEnum() => Name = "AuditorAffiliation";
}

public sealed class AuditStageEnum : EnumerationGraphType<AuditStage>
{
    public AuditStageEnum() { Name = "AuditStage"; Description = "SCHEDULED (the auditor's access is open), REFUSED, REPORTED (observations run 15 working days), DECIDED."; }
}

public sealed class AuditOpinionEnum : EnumerationGraphType<AuditOpinion>
{
    public AuditOpinionEnum() { Name = "AuditOpinion"; Description = "FAVOURABLE (no anomaly), FAVOURABLE_WITH_RESERVATIONS (minor anomalies: procedure without suspension), UNFAVOURABLE (blocking anomalies: procedure with suspension)."; }
}

public sealed class AnomalySeverityEnum : EnumerationGraphType<AnomalySeverity>
{
    public AnomalySeverityEnum() => Name = "AnomalySeverity";
}

public sealed class AuditOutcomeEnum : EnumerationGraphType<AuditOutcome>
{
    public AuditOutcomeEnum() => Name = "AuditOutcome";
}

public sealed class ProcedureStageEnum : EnumerationGraphType<ProcedureStage>
{
    public ProcedureStageEnum() { Name = "ConformityProcedureStage"; Description = "As of today: time-based outcomes (withdrawn without justification, deemed sufficient after silence) show before the sweep records them."; }
}

public sealed class EdofAlertSourceEnum : EnumerationGraphType<EdofAlertSource>
{
    public EdofAlertSourceEnum() => Name = "EdofAlertSource";
}

public sealed class EdofAlertLevelEnum : EnumerationGraphType<EdofAlertLevel>
{
    public EdofAlertLevelEnum() { Name = "EdofAlertLevel"; Description = "The sanction chosen by the Instance: WARNING, SUSPENSION (from the notification) or WITHDRAWAL (on the notification)."; }
}

public sealed class AgendaItemKindEnum : EnumerationGraphType<AgendaItemKind>
{
    public AgendaItemKindEnum() => Name = "ConformityAgendaItemKind";
}

public sealed class AuditAnomalyType : ObjectGraphType<AuditAnomaly>
{
    public AuditAnomalyType()
    {
        Name = "AuditAnomaly";
        Field(a => a.Description);
        Field<NonNullGraphType<AnomalySeverityEnum>>("severity").Resolve(ctx => ctx.Source.Severity);
    }
}

/// <summary>An audit: seen by the Instance staff of its scope, the audited organism, its auditor and administrators (never the public).</summary>
public sealed class AuditType : ObjectGraphType<Audit>
{
    public AuditType()
    {
        Name = "Audit";
        Description = "An audit of an habilitated organism (convention §V.1). The Instance staff of its scope, the audited organism's staff, its auditor and administrators.";
        this.AuthorizeWithPolicy(CleaPolicies.OrganismData);
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(ctx => NodeIds.Encode(NodeIds.Audit, ctx.Source.Id));
        Field<NonNullGraphType<StringGraphType>>("reference").Resolve(ctx => ctx.Source.Reference);
        Field<NonNullGraphType<HabilitationType>>("habilitation")
            .Resolve(ctx => ctx.RequestServices!.GetRequiredService<HabilitationByIdLoader>().Load(ctx.Source.HabilitationId).Then(h => h!));
        Field<NonNullGraphType<OrganismType>>("organism")
            .Resolve(ctx => ctx.RequestServices!.GetRequiredService<OrganismByIdLoader>().Load(ctx.Source.OrganismId).Then(o => o!));
        Field<NonNullGraphType<AuditModeEnum>>("mode").Resolve(ctx => ctx.Source.Mode);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("sites").Description("SIRETs in scope; empty for the whole organism.")
            .Resolve(ctx => ctx.Source.Sites?.Split(' ', StringSplitOptions.RemoveEmptyEntries) ?? []);
        Field<NonNullGraphType<IsoDateGraphType>>("periodFrom").Resolve(ctx => ctx.Source.PeriodFrom);
        Field<NonNullGraphType<IsoDateGraphType>>("periodTo").Resolve(ctx => ctx.Source.PeriodTo);
        Field(a => a.AuditorName);
        Field<NonNullGraphType<AuditorAffiliationEnum>>("auditorAffiliation").Resolve(ctx => ctx.Source.AuditorAffiliation);
        Field<NonNullGraphType<IsoDateGraphType>>("plannedFrom").Resolve(ctx => ctx.Source.PlannedFrom);
        Field<NonNullGraphType<IsoDateGraphType>>("plannedTo").Resolve(ctx => ctx.Source.PlannedTo);
        Field<NonNullGraphType<IsoDateGraphType>>("openedOn").Description("The day the organism was told: the auditor's access opens then.").Resolve(ctx => ctx.Source.OpenedOn);
        Field(a => a.Mandataire, nullable: true);
        Field<NonNullGraphType<AuditStageEnum>>("stage").Resolve(ctx => ctx.Source.Stage);
        Field<IsoDateGraphType>("refusedOn").Resolve(ctx => ctx.Source.RefusedOn);
        Field<BooleanGraphType>("refusedInWriting").Resolve(ctx => ctx.Source.RefusedInWriting);
        Field<IsoDateGraphType>("reportedOn").Description("The day the final report was presented to the organism.").Resolve(ctx => ctx.Source.ReportedOn);
        Field(a => a.Findings, nullable: true);
        Field<AuditOpinionEnum>("opinion").Resolve(ctx => ctx.Source.Opinion);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<AuditAnomalyType>>>>("anomalies").Resolve(ctx => ctx.Source.Anomalies);
        Field<IsoDateGraphType>("observationsDueOn").Description("Last day for the organism's written observations (15 working days after the report).").Resolve(ctx => ctx.Source.ObservationsDueOn);
        Field<IsoDateGraphType>("observationsOn").Resolve(ctx => ctx.Source.ObservationsOn);
        Field(a => a.Observations, nullable: true);
        Field<IsoDateGraphType>("decisionMeetingOn").Resolve(ctx => ctx.Source.DecisionMeetingOn);
        Field<IsoDateGraphType>("decisionNotifiedOn").Resolve(ctx => ctx.Source.DecisionNotifiedOn);
        Field<IsoDateGraphType>("decisionNotificationDueOn").Description("15 working days after the meeting.").Resolve(ctx => ctx.Source.DecisionNotificationDueOn);
        Field(a => a.DecisionNotifiedLate).Description("The decision was notified after `decisionNotificationDueOn` (kept, and flagged).");
        Field<AuditOutcomeEnum>("outcome").Resolve(ctx => ctx.Source.Outcome);
        Field(a => a.DecisionReason, nullable: true);
    }
}

public sealed class FormalNoticeType : ObjectGraphType<FormalNotice>
{
    public FormalNoticeType()
    {
        Name = "FormalNotice";
        Description = "A formal notice (mise en demeure): the initial one, then any additional period.";
        Field(n => n.Number);
        Field(n => n.Failings);
        Field<NonNullGraphType<IsoDateGraphType>>("notifiedOn").Resolve(ctx => ctx.Source.NotifiedOn);
        Field<NonNullGraphType<IsoDateGraphType>>("complianceUntil").Resolve(ctx => ctx.Source.ComplianceUntil);
        Field<NonNullGraphType<IsoDateGraphType>>("withdrawalOn").Description("Withdrawn from this date without a written justification in time.").Resolve(ctx => ctx.Source.WithdrawalOn);
        Field<NonNullGraphType<IsoDateGraphType>>("justificationDueOn").Description("30 working days after the notification.").Resolve(ctx => ctx.Source.JustificationDueOn);
        Field<IsoDateGraphType>("justifiedOn").Resolve(ctx => ctx.Source.JustifiedOn);
        Field(n => n.Justification, nullable: true);
        Field<IsoDateGraphType>("answerDueOn").Description("30 working days after the justification; the day after, the measures are deemed sufficient.").Resolve(ctx => ctx.Source.AnswerDueOn);
    }
}

/// <summary>A conformity procedure: the Instance staff of its scope, the organism's staff and administrators.</summary>
public sealed class ConformityProcedureType : ObjectGraphType<ConformityProcedure>
{
    public ConformityProcedureType()
    {
        Name = "ConformityProcedure";
        Description = "A conformity procedure (convention §V.2). The Instance staff of its scope, the organism's staff and administrators.";
        this.AuthorizeWithPolicy(CleaPolicies.ApplicationReader);
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(ctx => NodeIds.Encode(NodeIds.ConformityProcedure, ctx.Source.Id));
        Field<NonNullGraphType<StringGraphType>>("reference").Resolve(ctx => ctx.Source.Reference);
        Field<NonNullGraphType<HabilitationType>>("habilitation")
            .Resolve(ctx => ctx.RequestServices!.GetRequiredService<HabilitationByIdLoader>().Load(ctx.Source.HabilitationId).Then(h => h!));
        Field<IdGraphType>("auditId").Resolve(ctx => ctx.Source.AuditId is { } id ? NodeIds.Encode(NodeIds.Audit, id) : null);
        Field(p => p.Suspends).Description("The habilitation is suspended for the whole procedure (serious failing).");
        Field<NonNullGraphType<ProcedureStageEnum>>("stage").Description("As of today.").Resolve(ctx => ctx.Source.StageOn(ctx.Today()));
        Field<NonNullGraphType<IsoDateGraphType>>("openedOn").Resolve(ctx => ctx.Source.OpenedOn);
        Field<IsoDateGraphType>("closedOn").Description("As of today: the first day the procedure is over, shown as soon as the dates decide it (withdrawn on the notice's date without justification, deemed sufficient the day after the answer deadline), before the sweep records it.")
            .Resolve(ctx => ctx.Source.ClosedOnAsOf(ctx.Today()));
        Field<IsoDateGraphType>("watchUntil").Description("Last day of the 12-month watch: new failings found by then lead to withdrawal on notification.")
            .Resolve(ctx => ctx.Source.WatchUntilAsOf(ctx.Today()));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<FormalNoticeType>>>>("notices").Resolve(ctx => ctx.Source.Notices.OrderBy(n => n.Number));
    }
}

public sealed class EdofAlertType : ObjectGraphType<EdofAlert>
{
    public EdofAlertType()
    {
        Name = "EdofAlert";
        Description = "An EDOF alert and the sanction chosen (convention §V.3, case 4). Instance staff of its scope, the organism's staff, administrators.";
        this.AuthorizeWithPolicy(CleaPolicies.ApplicationReader);
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(ctx => NodeIds.Encode(NodeIds.EdofAlert, ctx.Source.Id));
        Field(a => a.Reference);
        Field<NonNullGraphType<EdofAlertSourceEnum>>("source").Resolve(ctx => ctx.Source.Source);
        Field<NonNullGraphType<EdofAlertLevelEnum>>("level").Resolve(ctx => ctx.Source.Level);
        Field<NonNullGraphType<IsoDateGraphType>>("receivedOn").Resolve(ctx => ctx.Source.ReceivedOn);
        Field<NonNullGraphType<IsoDateGraphType>>("notifiedOn").Resolve(ctx => ctx.Source.NotifiedOn);
        Field(a => a.Reason);
        Field<NonNullGraphType<HabilitationType>>("habilitation")
            .Resolve(ctx => ctx.RequestServices!.GetRequiredService<HabilitationByIdLoader>().Load(ctx.Source.HabilitationId).Then(h => h!));
        Field<NonNullGraphType<OrganismType>>("organism")
            .Resolve(ctx => ctx.RequestServices!.GetRequiredService<OrganismByIdLoader>().Load(ctx.Source.OrganismId).Then(o => o!));
    }
}

public sealed class EdofAlertConnectionType() : ConnectionGraphType<EdofAlertType, EdofAlertEdgeType, EdofAlert>("EdofAlert");

public sealed class EdofAlertEdgeType() : EdgeGraphType<EdofAlertType, EdofAlert>("EdofAlert");

public sealed class AgendaItemType : ObjectGraphType<AgendaItem>
{
    public AgendaItemType()
    {
        Name = "ConformityAgendaItem";
        Description = "Something due in an audit or conformity procedure, by a date computed with the French working-day calendar.";
        Field<NonNullGraphType<AgendaItemKindEnum>>("kind").Resolve(ctx => ctx.Source.Kind);
        Field<NonNullGraphType<IsoDateGraphType>>("dueOn").Resolve(ctx => ctx.Source.DueOn);
        Field(i => i.Overdue);
        Field<NonNullGraphType<HabilitationType>>("habilitation")
            .Resolve(ctx => ctx.RequestServices!.GetRequiredService<HabilitationByIdLoader>().Load(ctx.Source.HabilitationId).Then(h => h!));
        Field<IdGraphType>("auditId").Resolve(ctx => ctx.Source.AuditId is { } id ? NodeIds.Encode(NodeIds.Audit, id) : null);
        Field<IdGraphType>("procedureId").Resolve(ctx => ctx.Source.ProcedureId is { } id ? NodeIds.Encode(NodeIds.ConformityProcedure, id) : null);
    }
}

public sealed class AgendaItemConnectionType() : ConnectionGraphType<AgendaItemType, AgendaItemEdgeType, AgendaItem>("ConformityAgendaItem");

public sealed class AgendaItemEdgeType() : EdgeGraphType<AgendaItemType, AgendaItem>("ConformityAgendaItem");

public sealed class AuditConnectionType() : ConnectionGraphType<AuditType, AuditEdgeType, Audit>("Audit");

public sealed class AuditEdgeType() : EdgeGraphType<AuditType, Audit>("Audit");

public sealed class ConformityProcedureConnectionType()
    : ConnectionGraphType<ConformityProcedureType, ConformityProcedureEdgeType, ConformityProcedure>("ConformityProcedure");

public sealed class ConformityProcedureEdgeType() : EdgeGraphType<ConformityProcedureType, ConformityProcedure>("ConformityProcedure");

/// <summary>A page of the evidence sample, with what every page carries (the file as filed, the intervenants).</summary>
public sealed class EvidenceConnectionPage(Page<Candidate> page, EvidencePage read) : ConnectionPage<Candidate>(page, _ => Task.FromResult(read.DrawnCandidateIds.Count))
{
    public EvidencePage Read { get; } = read;
}

/// <summary>The auditor's evidence: the drawn candidate files (paged), the organism's file as filed and its intervenants.</summary>
public sealed class AuditEvidenceConnectionType : ConnectionGraphType<CandidateType, CandidateEdgeType, Candidate>
{
    public AuditEvidenceConnectionType() : base("AuditEvidence")
    {
        Description = "A page of the drawn candidate files of an audit's sample (in draw order), with the organism's file as filed and its intervenants on every page.";
        Field<FiledApplicationType>("applicationFile")
            .Description("The application file through which the audited habilitation was granted, as filed (null when it predates the platform); a network file shows only the audited organism's identity sheet.")
            .Resolve(ctx => ((EvidenceConnectionPage)ctx.Source).Read.FiledApplication);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<IntervenantType>>>>("intervenants")
            .Description("Every evaluator and trainer the organism declared (withdrawn ones too), with their qualifications (personal data: the read is logged).")
            .Resolve(ctx =>
            {
                var read = ((EvidenceConnectionPage)ctx.Source).Read;
                ctx.RequestServices!.GetRequiredService<PersonalDataAccessLog>().Record(read.Audit.OrganismId, "AuditEvidence.intervenants", read.Intervenants.Count);
                return read.Intervenants;
            });
    }
}

/// <summary>An application file as filed, as the auditor of an open audit reads it (no instruction, opinion or decision).</summary>
public sealed class FiledApplicationType : ObjectGraphType<Application>
{
    public FiledApplicationType()
    {
        Name = "FiledApplication";
        Description = "An organism's application file as filed (administrative and technical parts), read by the auditor of an open audit.";
        this.AuthorizeWithPolicy(CleaPolicies.Auditor);
        Field(a => a.ReceiptNumber).Description("The receipt (récépissé) number sent on filing.");
        Field<NonNullGraphType<IsoDateGraphType>>("filedOn").Resolve(ctx => ctx.Source.FiledOn);
        Field<NonNullGraphType<StringGraphType>>("campaign").Description("The campaign's code.").Resolve(ctx => ctx.Source.Campaign.Code);
        Field(a => a.Certification, type: typeof(NonNullGraphType<CertificationCodeEnum>));
        Field(a => a.Kind, type: typeof(NonNullGraphType<ApplicationKindEnum>));
        Field(a => a.Type, type: typeof(NonNullGraphType<ApplicationTypeEnum>));
        Field(a => a.Scope, type: typeof(NonNullGraphType<HabilitationScopeEnum>));
        Field<NonNullGraphType<AdministrativePartType>>("administrative").Resolve(ctx => (ctx.Source, ctx.Source.Administrative));
        Field<NonNullGraphType<TechnicalPartType>>("technical").Resolve(ctx => ctx.Source.Technical);
    }
}

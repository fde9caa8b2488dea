using Clea.Data.Audits;
using Clea.Graph.Common;
using GraphQL.Types;

namespace Clea.Graph.Audits;

public sealed class ScheduleAuditInput
{
    public string HabilitationId { get; set; } = "";
    public AuditMode Mode { get; set; }
    public DateOnly PeriodFrom { get; set; }
    public DateOnly PeriodTo { get; set; }
    public string AuditorId { get; set; } = "";
    public AuditorAffiliation AuditorAffiliation { get; set; }
    public DateOnly PlannedFrom { get; set; }
    public DateOnly PlannedTo { get; set; }
    public List<string>? Sites { get; set; }
}

public sealed class ScheduleAuditInputType : InputObjectGraphType<ScheduleAuditInput>
{
    public ScheduleAuditInputType()
    {
        Name = "ScheduleAuditInput";
        Field(i => i.HabilitationId, type: typeof(NonNullGraphType<IdGraphType>)).Description("The habilitation audited (in force).");
        Field(i => i.Mode, type: typeof(NonNullGraphType<AuditModeEnum>));
        Field(i => i.PeriodFrom, type: typeof(NonNullGraphType<IsoDateGraphType>)).Description("First day of the activity audited.");
        Field(i => i.PeriodTo, type: typeof(NonNullGraphType<IsoDateGraphType>)).Description("Last day of the activity audited (today at the latest).");
        Field(i => i.AuditorId, type: typeof(NonNullGraphType<IdGraphType>)).Description("The user id (`me.subject`) of a user with the auditor role.");
        Field(i => i.AuditorAffiliation, type: typeof(NonNullGraphType<AuditorAffiliationEnum>));
        Field(i => i.PlannedFrom, type: typeof(NonNullGraphType<IsoDateGraphType>));
        Field(i => i.PlannedTo, type: typeof(NonNullGraphType<IsoDateGraphType>));
        Field(i => i.Sites, type: typeof(ListGraphType<NonNullGraphType<StringGraphType>>)).Description("SIRETs of the sites in scope; none for the whole organism.");
    }
}

public sealed class AnomalyInput
{
    public string Description { get; set; } = "";
    public AnomalySeverity Severity { get; set; }
}

public sealed class AnomalyInputType : InputObjectGraphType<AnomalyInput>
{
    public AnomalyInputType()
    {
        Name = "AuditAnomalyInput";
        Field(i => i.Description);
        Field(i => i.Severity, type: typeof(NonNullGraphType<AnomalySeverityEnum>));
    }
}

public sealed class FileAuditReportInput
{
    public string AuditId { get; set; } = "";
    public string Findings { get; set; } = "";
    public AuditOpinion Opinion { get; set; }
    public List<AnomalyInput> Anomalies { get; set; } = [];
}

public sealed class FileAuditReportInputType : InputObjectGraphType<FileAuditReportInput>
{
    public FileAuditReportInputType()
    {
        Name = "FileAuditReportInput";
        Field(i => i.AuditId, type: typeof(NonNullGraphType<IdGraphType>));
        Field(i => i.Findings);
        Field(i => i.Opinion, type: typeof(NonNullGraphType<AuditOpinionEnum>));
        Field(i => i.Anomalies, type: typeof(NonNullGraphType<ListGraphType<NonNullGraphType<AnomalyInputType>>>));
    }
}

public sealed class FormalNoticeInput
{
    public string Failings { get; set; } = "";
    public DateOnly ComplianceUntil { get; set; }
    public DateOnly WithdrawalOn { get; set; }

    public FormalNoticeTerms ToTerms() => new(Failings, ComplianceUntil, WithdrawalOn);
}

public sealed class FormalNoticeInputType : InputObjectGraphType<FormalNoticeInput>
{
    public FormalNoticeInputType()
    {
        Name = "FormalNoticeInput";
        Description = "The terms of a formal notice (mise en demeure, convention §V.2).";
        Field(i => i.Failings).Description("The failings identified.");
        Field(i => i.ComplianceUntil, type: typeof(NonNullGraphType<IsoDateGraphType>)).Description("End of the compliance period.");
        Field(i => i.WithdrawalOn, type: typeof(NonNullGraphType<IsoDateGraphType>)).Description("The withdrawal date without a written justification in time: after the justification deadline (30 working days after the notification).");
    }
}

public sealed class DecideOnAuditInput
{
    public string AuditId { get; set; } = "";
    public DateOnly MeetingOn { get; set; }
    public DateOnly? NotifiedOn { get; set; }
    public bool FailingsFound { get; set; }
    public FormalNoticeInput? Notice { get; set; }
    public bool Suspend { get; set; }
    public string? Reason { get; set; }
}

public sealed class DecideOnAuditInputType : InputObjectGraphType<DecideOnAuditInput>
{
    public DecideOnAuditInputType()
    {
        Name = "DecideOnAuditInput";
        Field(i => i.AuditId, type: typeof(NonNullGraphType<IdGraphType>));
        Field(i => i.MeetingOn, type: typeof(NonNullGraphType<IsoDateGraphType>)).Description("The Instance's meeting.");
        Field(i => i.NotifiedOn, type: typeof(IsoDateGraphType)).Description("The notification (default today); due within 15 working days of the meeting, a late one is kept and flagged.");
        Field(i => i.FailingsFound).Description("False: the habilitation is maintained. True: a conformity procedure opens, or, within 12 months of an earlier procedure's end, the habilitation is withdrawn on the notification.");
        Field(i => i.Notice, type: typeof(FormalNoticeInputType)).Description("The formal notice, when failings open a procedure.");
        Field(i => i.Suspend).Description("A serious failing: suspend the habilitation for the whole procedure (the Instance qualifies the anomalies, sovereign).");
        Field(i => i.Reason, nullable: true);
    }
}

public sealed class RecordEdofAlertInput
{
    public string HabilitationId { get; set; } = "";
    public string Reference { get; set; } = "";
    public EdofAlertSource Source { get; set; }
    public EdofAlertLevel Level { get; set; }
    public DateOnly ReceivedOn { get; set; }
    public DateOnly? NotifiedOn { get; set; }
    public string Reason { get; set; } = "";
}

public sealed class RecordEdofAlertInputType : InputObjectGraphType<RecordEdofAlertInput>
{
    public RecordEdofAlertInputType()
    {
        Name = "RecordEdofAlertInput";
        Field(i => i.HabilitationId, type: typeof(NonNullGraphType<IdGraphType>));
        Field(i => i.Reference).Description("The alert's reference at the Caisse des Dépôts or France compétences.");
        Field(i => i.Source, type: typeof(NonNullGraphType<EdofAlertSourceEnum>));
        Field(i => i.Level, type: typeof(NonNullGraphType<EdofAlertLevelEnum>));
        Field(i => i.ReceivedOn, type: typeof(NonNullGraphType<IsoDateGraphType>));
        Field(i => i.NotifiedOn, type: typeof(IsoDateGraphType)).Description("The sanction's notification (default today): a suspension or withdrawal takes effect that day.");
        Field(i => i.Reason);
    }
}

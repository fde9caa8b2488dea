namespace Clea.Data.Calendar;

/// <summary>How a deadline is counted.</summary>
public enum DeadlineUnit
{
    WorkingDays,
    CalendarDays,
    Months,
    Years,
}

/// <summary>A legal length of time in its own unit (convention §8): applied forwards or backwards from a date.</summary>
public sealed record Deadline(string Rule, int Length, DeadlineUnit Unit)
{
    /// <summary>The last allowed day when the deadline runs <see cref="Length"/> units after <paramref name="from"/>.</summary>
    public DateOnly After(DateOnly from) => Unit switch
    {
        DeadlineUnit.WorkingDays => WorkingDays.Add(from, Length),
        DeadlineUnit.CalendarDays => from.AddDays(Length),
        DeadlineUnit.Months => from.AddMonths(Length),
        DeadlineUnit.Years => from.AddYears(Length),
        _ => throw new ArgumentOutOfRangeException(nameof(Unit), Unit, null),
    };

    /// <summary>The last allowed day when something must happen at least <see cref="Length"/> units before <paramref name="eventDate"/>.</summary>
    public DateOnly Before(DateOnly eventDate) => Unit switch
    {
        DeadlineUnit.WorkingDays => WorkingDays.Add(eventDate, -Length),
        DeadlineUnit.CalendarDays => eventDate.AddDays(-Length),
        DeadlineUnit.Months => eventDate.AddMonths(-Length),
        DeadlineUnit.Years => eventDate.AddYears(-Length),
        _ => throw new ArgumentOutOfRangeException(nameof(Unit), Unit, null),
    };

    public override string ToString() => $"{Length} {Unit switch
    {
        DeadlineUnit.WorkingDays => "working days",
        DeadlineUnit.CalendarDays => "calendar days",
        DeadlineUnit.Months => "months",
        _ => "years",
    }}";
}

/// <summary>Every deadline of the convention (DOMAIN.md §8), each with its own unit.</summary>
public static class Deadlines
{
    /// <summary>The opinion is settled at the latest 5 working days before the decision meeting (§III).</summary>
    public static readonly Deadline OpinionBeforeMeeting = new("OPINION_BEFORE_MEETING", 5, DeadlineUnit.WorkingDays);
    /// <summary>A hearing's convocation is sent at the latest 8 working days before it.</summary>
    public static readonly Deadline HearingConvocation = new("HEARING_CONVOCATION", 8, DeadlineUnit.WorkingDays);
    /// <summary>Certif Pro notifies its decision within 20 working days of the meeting.</summary>
    public static readonly Deadline DecisionNotification = new("DECISION_NOTIFICATION", 20, DeadlineUnit.WorkingDays);
    /// <summary>An appeal against a refusal is filed within 30 working days of its notification.</summary>
    public static readonly Deadline AppealFiling = new("APPEAL_FILING", 30, DeadlineUnit.WorkingDays);
    public static readonly Deadline AppealAcknowledgement = new("APPEAL_ACKNOWLEDGEMENT", 10, DeadlineUnit.WorkingDays);
    public static readonly Deadline AppealExamination = new("APPEAL_EXAMINATION", 25, DeadlineUnit.WorkingDays);
    public static readonly Deadline AuditObservations = new("AUDIT_OBSERVATIONS", 15, DeadlineUnit.WorkingDays);
    public static readonly Deadline AuditDecisionNotification = new("AUDIT_DECISION_NOTIFICATION", 15, DeadlineUnit.WorkingDays);
    public static readonly Deadline ConformityJustification = new("CONFORMITY_JUSTIFICATION", 30, DeadlineUnit.WorkingDays);
    /// <summary>Without an answer within 30 working days of a justification, the measures are deemed sufficient.</summary>
    public static readonly Deadline ConformityAnswer = new("CONFORMITY_ANSWER", 30, DeadlineUnit.WorkingDays);
    public static readonly Deadline NewFailingsWindow = new("NEW_FAILINGS_WINDOW", 12, DeadlineUnit.Months);
    public static readonly Deadline Validity = new("VALIDITY", 3, DeadlineUnit.Years);
    public static readonly Deadline RenunciationNotice = new("RENUNCIATION_NOTICE", 3, DeadlineUnit.Months);
    public static readonly Deadline ChangeOfSituationDeclaration = new("CHANGE_OF_SITUATION_DECLARATION", 30, DeadlineUnit.CalendarDays);
    public static readonly Deadline ContactUpdate = new("CONTACT_UPDATE", 5, DeadlineUnit.CalendarDays);
    public static readonly Deadline InvoicePayment = new("INVOICE_PAYMENT", 45, DeadlineUnit.CalendarDays);
    public static readonly Deadline CandidateAppeal = new("CANDIDATE_APPEAL", 1, DeadlineUnit.Months);
    /// <summary>CléA Socle: the final evaluation takes place within 5 years of the prior evaluation.</summary>
    public static readonly Deadline SocleCandidatePath = new("SOCLE_CANDIDATE_PATH", 5, DeadlineUnit.Years);
}

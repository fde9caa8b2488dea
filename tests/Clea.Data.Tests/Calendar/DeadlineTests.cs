using System.Globalization;
using Clea.Data.Calendar;

namespace Clea.Data.Tests.Calendar;

/// <summary>Each §8 deadline in its own unit, at its last allowed day and the day after.</summary>
public sealed class DeadlineTests
{
    private static DateOnly D(string text) => DateOnly.Parse(text, CultureInfo.InvariantCulture);

    [Fact]
    public void The_opinion_is_due_5_working_days_before_a_meeting_across_Ascension()
    {
        // Meeting Thursday 21 May 2026: 20, 19, 18, 15 May, Ascension 14 May skipped, 13 May.
        Assert.Equal(D("2026-05-13"), Deadlines.OpinionBeforeMeeting.Before(D("2026-05-21")));
        Assert.Equal(5, WorkingDays.Between(D("2026-05-13"), D("2026-05-21")));
        Assert.Equal(4, WorkingDays.Between(D("2026-05-15"), D("2026-05-21")));
    }

    [Fact]
    public void A_hearing_convocation_is_due_8_working_days_before_across_1_and_8_May()
    {
        Assert.Equal(D("2026-04-28"), Deadlines.HearingConvocation.Before(D("2026-05-12")));
        Assert.Equal(7, WorkingDays.Between(D("2026-04-29"), D("2026-05-12")));
    }

    [Fact]
    public void The_decision_is_notified_within_20_working_days_across_Easter_Monday_and_1_May()
        => Assert.Equal(D("2026-05-04"), Deadlines.DecisionNotification.After(D("2026-04-02")));

    [Fact]
    public void An_appeal_is_filed_within_30_working_days_and_acknowledged_in_10_and_examined_in_25()
    {
        Assert.Equal(D("2026-05-19"), Deadlines.AppealFiling.After(D("2026-04-01")));
        Assert.Equal(D("2026-05-20"), Deadlines.AppealAcknowledgement.After(D("2026-05-04")));
        Assert.Equal(D("2026-06-11"), Deadlines.AppealExamination.After(D("2026-05-04")));
    }

    [Fact]
    public void Every_working_day_deadline_counts_working_days()
    {
        Deadline[] workingDayDeadlines =
        [
            Deadlines.OpinionBeforeMeeting, Deadlines.HearingConvocation, Deadlines.DecisionNotification, Deadlines.AppealFiling,
            Deadlines.AppealAcknowledgement, Deadlines.AppealExamination, Deadlines.AuditObservations,
            Deadlines.AuditDecisionNotification, Deadlines.ConformityJustification, Deadlines.ConformityAnswer,
        ];
        int[] lengths = [5, 8, 20, 30, 10, 25, 15, 15, 30, 30];
        Assert.Equal(lengths, workingDayDeadlines.Select(d => d.Length));
        var from = D("2026-04-01");
        foreach (var deadline in workingDayDeadlines)
        {
            Assert.Equal(DeadlineUnit.WorkingDays, deadline.Unit);
            Assert.Equal(deadline.Length, WorkingDays.Between(from, deadline.After(from)));
            Assert.Equal(deadline.Length, WorkingDays.Between(deadline.Before(from), from));
        }
    }

    [Fact]
    public void Calendar_day_deadlines_count_every_day()
    {
        Assert.Equal(D("2027-01-08"), Deadlines.InvoicePayment.After(D("2026-11-24")));
        Assert.Equal(D("2026-11-29"), Deadlines.ContactUpdate.After(D("2026-11-24")));
        Assert.Equal(D("2026-12-24"), Deadlines.ChangeOfSituationDeclaration.After(D("2026-11-24")));
        Assert.Equal(DeadlineUnit.CalendarDays, Deadlines.InvoicePayment.Unit);
    }

    [Fact]
    public void Month_and_year_deadlines_keep_the_day_or_the_last_day_of_a_shorter_month()
    {
        Assert.Equal(D("2027-02-28"), Deadlines.RenunciationNotice.After(D("2026-11-30")));
        Assert.Equal(D("2026-02-28"), Deadlines.CandidateAppeal.After(D("2026-01-31")));
        Assert.Equal(D("2027-11-24"), Deadlines.NewFailingsWindow.After(D("2026-11-24")));
        Assert.Equal(D("2027-02-28"), Deadlines.Validity.After(D("2024-02-29")));
        Assert.Equal(D("2031-11-24"), Deadlines.SocleCandidatePath.After(D("2026-11-24")));
        Assert.Equal(D("2026-08-24"), Deadlines.RenunciationNotice.Before(D("2026-11-24")));
    }

    [Fact]
    public void A_deadline_says_its_length_in_its_unit()
    {
        Assert.Equal("5 working days", Deadlines.OpinionBeforeMeeting.ToString());
        Assert.Equal("45 calendar days", Deadlines.InvoicePayment.ToString());
        Assert.Equal("3 months", Deadlines.RenunciationNotice.ToString());
        Assert.Equal("3 years", Deadlines.Validity.ToString());
    }
}

using Clea.Data.Audits;
using Clea.Data.Common;
using Clea.Data.Habilitations;
using Clea.Data.Instances;
using Clea.Data.Referentials;
using Clea.Data.Registry;

namespace Clea.Data.Tests.Audits;

/// <summary>
/// The four working-day deadlines of convention §V at their boundaries — the last allowed day and the day after — across
/// the French public holidays (expected dates counted by hand on the calendar, not by the code under test).
/// </summary>
public sealed class AuditDeadlineTests
{
    private static readonly Instance CertifPro = new("CERTIF_PRO", "Certif Pro", InstanceKind.CertifPro, null);

    internal static Habilitation Accepted(DateOnly notified)
    {
        var organism = Organism.Register(Siren.Parse("732829320"), "Atelier", qualiopi: true);
        var habilitation = organism.File(new Habilitation(organism, CertificationCode.CleaNumerique, CertifPro, HabilitationScope.TrainAndEvaluate, notified.AddDays(-90)));
        habilitation.Accept(notified.AddDays(-14), notified);
        return habilitation;
    }

    internal static Audit Opened(DateOnly openedOn)
    {
        var h = Accepted(openedOn.AddYears(-1));
        return new Audit(h, AuditMode.OnSite, openedOn.AddMonths(-6), openedOn.AddDays(-1), 7, "Auditrice", AuditorAffiliation.ContractedProvider,
            openedOn, openedOn.AddDays(2), openedOn);
    }

    internal static Audit Reported(DateOnly presentedOn, AuditOpinion opinion = AuditOpinion.FavourableWithReservations)
    {
        var audit = Opened(presentedOn.AddDays(-20));
        AuditAnomaly[] anomalies = opinion switch
        {
            AuditOpinion.Favourable => [],
            AuditOpinion.FavourableWithReservations => [new("Émargement incomplet", AnomalySeverity.Minor)],
            _ => [new("Évaluateur formateur du même candidat", AnomalySeverity.Blocking)],
        };
        audit.FileReport(presentedOn, "Constats", opinion, anomalies);
        return audit;
    }

    private static string CodeOf(Action act) => Assert.Throws<DomainRuleException>(act).Code;

    // 15 working days of observations: (report presented, last allowed day) across Easter Monday, 14 July, 15 August, 25 December + 1 January.
    [Theory]
    [InlineData("2026-04-01", "2026-04-23")] // Easter Monday 6 April 2026
    [InlineData("2026-07-06", "2026-07-28")] // 14 July (Tuesday)
    [InlineData("2025-08-11", "2025-09-02")] // 15 August 2025 (Friday)
    [InlineData("2026-12-15", "2027-01-07")] // 25 December and 1 January (Fridays)
    [InlineData("2026-04-29", "2026-05-26")] // 1 May, 8 May, Ascension (14 May 2026), Whit Monday (25 May 2026)
    [InlineData("2026-10-28", "2026-11-19")] // 1 November (Sunday) and 11 November (Wednesday)
    public void Observations_are_received_until_the_15th_working_day_and_refused_the_day_after(string presented, string lastDay)
    {
        var last = DateOnly.Parse(lastDay);
        var onTime = Reported(DateOnly.Parse(presented));
        Assert.Equal(last, onTime.ObservationsDueOn);
        onTime.SubmitObservations(last, "Nos observations");
        Assert.Equal(last, onTime.ObservationsOn);

        var late = Reported(DateOnly.Parse(presented));
        Assert.Equal(AuditErrors.ObservationsDeadlinePassed, CodeOf(() => late.SubmitObservations(last.AddDays(1), "Trop tard")));
        Assert.Null(late.ObservationsOn);
    }

    // 15 working days to notify a decision after the meeting: across 1 May, 8 May, Ascension (14 May 2026) and Whit Monday (25 May 2026).
    [Theory]
    [InlineData("2026-04-29", "2026-05-26")]
    [InlineData("2026-10-28", "2026-11-19")] // 1 November (Sunday) and 11 November (Wednesday)
    [InlineData("2026-04-01", "2026-04-23")] // Easter Monday 6 April 2026
    [InlineData("2026-07-06", "2026-07-28")] // 14 July (Tuesday)
    [InlineData("2025-08-11", "2025-09-02")] // 15 August 2025 (Friday)
    [InlineData("2026-12-15", "2027-01-07")] // 25 December and 1 January
    public void A_decision_notified_by_the_15th_working_day_after_the_meeting_is_on_time_and_the_day_after_late_but_kept(string meeting, string lastDay)
    {
        var meetingOn = DateOnly.Parse(meeting);
        var last = DateOnly.Parse(lastDay);
        var onTime = Reported(meetingOn.AddDays(-40), AuditOpinion.Favourable);
        AuditDecision.Decide(onTime, [], meetingOn, last, failingsFound: false, null, false, null);
        Assert.Equal(last, onTime.DecisionNotificationDueOn);
        Assert.False(onTime.DecisionNotifiedLate);

        var late = Reported(meetingOn.AddDays(-40), AuditOpinion.Favourable);
        AuditDecision.Decide(late, [], meetingOn, last.AddDays(1), failingsFound: false, null, false, null);
        Assert.True(late.DecisionNotifiedLate);
        Assert.Equal(AuditOutcome.Maintained, late.Outcome);
    }

    // 30 working days to justify after the notice: across 1 May, 8 May, Ascension and Whit Monday 2026; and across 1 and 11 November.
    [Theory]
    [InlineData("2026-04-27", "2026-06-12")]
    [InlineData("2026-10-26", "2026-12-08")]
    [InlineData("2026-03-23", "2026-05-06")] // Easter Monday (6 April 2026) and 1 May
    [InlineData("2025-07-07", "2025-08-20")] // 14 July and 15 August 2025
    [InlineData("2026-12-01", "2027-01-14")] // 25 December and 1 January
    public void A_justification_is_received_until_the_30th_working_day_after_the_notice_and_refused_the_day_after(string notified, string lastDay)
    {
        var notifiedOn = DateOnly.Parse(notified);
        var last = DateOnly.Parse(lastDay);
        var onTime = Procedure(notifiedOn, suspends: false);
        Assert.Equal(last, onTime.CurrentNotice.JustificationDueOn);
        onTime.Justify(last, "Mesures correctives détaillées");
        Assert.Equal(ProcedureStage.AwaitingAnswer, onTime.Stage);

        var late = Procedure(notifiedOn, suspends: false);
        Assert.Equal(AuditErrors.JustificationDeadlinePassed, CodeOf(() => late.Justify(last.AddDays(1), "Trop tard")));
        Assert.Equal(ProcedureStage.AwaitingJustification, late.Stage);
        Assert.Null(late.CurrentNotice.JustifiedOn);
    }

    // 30 working days for the Instance's answer after a justification: the last day it may still withdraw; the day after, deemed sufficient.
    [Theory]
    [InlineData("2026-04-27", "2026-06-12")]
    [InlineData("2026-10-26", "2026-12-08")]
    [InlineData("2026-03-23", "2026-05-06")] // Easter Monday (6 April 2026) and 1 May
    [InlineData("2025-07-07", "2025-08-20")] // 14 July and 15 August 2025
    [InlineData("2026-12-01", "2027-01-14")] // 25 December and 1 January
    public void The_Instance_answers_until_the_30th_working_day_after_the_justification_and_the_day_after_the_measures_are_deemed_sufficient(string justified, string lastDay)
    {
        var justifiedOn = DateOnly.Parse(justified);
        var last = DateOnly.Parse(lastDay);
        var answered = Procedure(justifiedOn.AddDays(-10), suspends: true);
        answered.Justify(justifiedOn, "Mesures");
        Assert.Equal(last, answered.CurrentNotice.AnswerDueOn);
        answered.Withdraw(last, "Mesures insuffisantes");
        Assert.Equal(HabilitationStatus.Withdrawn, answered.Habilitation.StatusOn(last));
        Assert.Equal(HabilitationStatus.Suspended, answered.Habilitation.StatusOn(last.AddDays(-1)));
        Assert.Equal(WithdrawalEffect.OnNotification, answered.Habilitation.WithdrawalEffect);

        var silent = Procedure(justifiedOn.AddDays(-10), suspends: true);
        silent.Justify(justifiedOn, "Mesures");
        Assert.Equal(AuditErrors.AnswerDeadlinePassed, CodeOf(() => silent.Withdraw(last.AddDays(1), "Trop tard")));
        Assert.Equal(ProcedureStage.AwaitingAnswer, silent.StageOn(last));
        Assert.Equal(ProcedureStage.DeemedSufficient, silent.StageOn(last.AddDays(1)));
        Assert.Equal(HabilitationStatus.Suspended, silent.Habilitation.StatusOn(last));
        Assert.Equal(HabilitationStatus.Active, silent.Habilitation.StatusOn(last.AddDays(1)));
    }

    internal static ConformityProcedure Procedure(DateOnly notifiedOn, bool suspends)
    {
        var h = Accepted(notifiedOn.AddYears(-1));
        return new ConformityProcedure(h, null, notifiedOn,
            new FormalNoticeTerms("Émargement absent", notifiedOn.AddMonths(1), notifiedOn.AddMonths(3)), suspends);
    }
}

using System.Globalization;
using Clea.Data.Applications;
using Clea.Data.Common;
using Clea.Data.Events;
using Clea.Data.Fees;
using Clea.Data.Habilitations;
using Clea.Data.Instances;
using Clea.Data.Referentials;
using Clea.Data.Registry;

namespace Clea.Data.Tests.Applications;

/// <summary>The application flow's rules, at every deadline's last allowed day and the day after (2026 calendar).</summary>
public sealed class ApplicationTests
{
    private static readonly string[] SubCompetences = ["1.1", "1.2", "2.1"];
    private static readonly DateOnly Meeting = D("2026-05-21"); // Thursday after Ascension (14 May)

    private static DateOnly D(string text) => DateOnly.Parse(text, CultureInfo.InvariantCulture);

    private static Instance CertifPro() => new("CERTIF_PRO", "Certif Pro", InstanceKind.CertifPro, null);

    private static Campaign NewCampaign(Instance? instance = null)
        => Campaign.Create(instance ?? CertifPro(), CertificationCode.CleaNumerique, "CP-NUM-2026", "Campagne 2026",
            D("2026-03-02"), D("2026-04-30"), [Meeting, D("2026-04-09"), D("2026-06-25")], D("2026-03-01"));

    private static Organism NewOrganism(string siren = "900000019") => Organism.Register(Siren.Parse(siren), "Formation Plus", true, "85.59A", "84691234569");

    private static CandidateSnapshot Snapshot(Organism organism, params string[] sirets)
        => new(organism.Siren.Value, organism.Name, organism.NafCode, organism.DeclarationNumber, organism.Qualiopi,
            [new(2023, 1m), new(2024, 2m), new(2025, 3m)],
            [.. sirets.Select(s => new SiteSnapshot(s, "Site", null, "69007", "Lyon", "69"))]);

    private static AdministrativePart Part(params CandidateSnapshot[] candidates) => new(candidates,
        new ContactSnapshot("Anne Martin", "anne@example.fr", null), null, Coverage.National, [],
        [new IntervenantSnapshot("Anne", "Martin", true, true, false, [])], MandateReference: "mandat-1");

    private static TechnicalPart Technical(params string[] covered)
        => new([.. covered.Select(c => new ModalityChoice(c, "QCM"))], "Positionnement puis évaluation", null, "Parcours", "Qualiopi", null);

    private static Application File(Campaign campaign, DateOnly on, Organism? organism = null)
    {
        organism ??= NewOrganism();
        var siret = Siret.Compose(organism.Siren, 1).Value;
        return Application.File(campaign, organism, ApplicationKind.Individual, ApplicationType.First, HabilitationScope.TrainAndEvaluate,
            [organism], Part(Snapshot(organism, siret)), Technical(SubCompetences), SubCompetences.ToHashSet(), "CP-NUM-2026-0001", on);
    }

    private static CriterionVerdict[] Verdicts(bool met = true) =>
    [
        new(Criterion.QualifiedIntervenants, met, "Équipe qualifiée."),
        new(Criterion.EvaluationApproach, true, "Outils couvrant le référentiel."),
        new(Criterion.CandidateSupport, true, "Accompagnement individualisé."),
        new(Criterion.TrainingAndQuality, true, "Démarche qualité."),
    ];

    private static Application Instructed(DateOnly opinionOn)
    {
        var application = File(NewCampaign(), D("2026-04-01"));
        application.MarkComplete(SubCompetences, D("2026-04-02"));
        application.GiveOpinion(Meeting, Verdicts(), null, opinionOn);
        return application;
    }

    private static string Code(Action action) => Assert.Throws<DomainRuleException>(action).Code;

    [Theory]
    [InlineData("2026-03-02", null)]
    [InlineData("2026-04-30", null)]
    [InlineData("2026-03-01", ApplicationErrors.CampaignClosed)]
    [InlineData("2026-05-01", ApplicationErrors.CampaignClosed)]
    public void Applications_are_accepted_only_while_the_campaign_is_open(string on, string? error)
    {
        if (error is null) Assert.Equal(ApplicationStatus.Filed, File(NewCampaign(), D(on)).Status);
        else Assert.Equal(error, Code(() => File(NewCampaign(), D(on))));
    }

    [Fact]
    public void Filing_creates_a_pending_habilitation_per_candidate_raises_its_event_and_accrues_the_fee()
    {
        var organism = NewOrganism();
        var application = File(NewCampaign(), D("2026-04-01"), organism);
        var habilitation = Assert.Single(organism.Habilitations);
        Assert.Equal(HabilitationStatus.Pending, habilitation.StatusOn(D("2026-04-01")));
        Assert.Same(habilitation, Assert.Single(application.Candidates).Habilitation);
        var fee = Assert.Single(application.AccrueApplicationFees([organism], CertifPro(), new FeeSchedule(FeeTariff.Annexe2Grid())));
        Assert.Equal(330m, fee.Amount);
        Assert.Equal("application:CP-NUM-2026-0001:900000019", fee.SourceKey);
        Assert.Equal(LifecycleEventKind.ApplicationFiled, Assert.Single(TakeEvents(application)).Kind);
    }

    [Fact]
    public void A_network_file_owes_330_euros_per_candidate_each_on_its_candidate_and_a_cpne_file_owes_nothing_to_certif_pro()
    {
        var mandataire = NewOrganism();
        Organism[] candidates = [NewOrganism("900000027"), NewOrganism("900000035"), NewOrganism("900000043")];
        var part = Part([.. candidates.Select(c => Snapshot(c, Siret.Compose(c.Siren, 1).Value))]);
        var network = Application.File(NewCampaign(), mandataire, ApplicationKind.Network, ApplicationType.First, HabilitationScope.TrainAndEvaluate,
            candidates, part, Technical(SubCompetences), SubCompetences.ToHashSet(), "CP-NUM-2026-0002", D("2026-04-01"));
        var fees = network.AccrueApplicationFees(candidates, CertifPro(), new FeeSchedule(FeeTariff.Annexe2Grid()));
        Assert.Equal(3, fees.Count);
        Assert.All(fees, f => Assert.Equal(330m, f.Amount));
        Assert.Equal(990m, fees.Sum(f => f.Amount));
        Assert.Equal(candidates.Select(c => (object?)c), fees.Select(f => (object?)f.Organism));
        Assert.Equal(["application:CP-NUM-2026-0002:900000027", "application:CP-NUM-2026-0002:900000035", "application:CP-NUM-2026-0002:900000043"], fees.Select(f => f.SourceKey));

        var cpne = new Instance("CPNE_METALLURGIE", "CPNE", InstanceKind.Cpne, "Métallurgie");
        Assert.False(cpne.BillsApplicationFees);
        Assert.Empty(network.AccrueApplicationFees(candidates, cpne, new FeeSchedule(FeeTariff.Annexe2Grid())));
    }

    [Theory]
    [InlineData(CertificationCode.CleaNumerique, HabilitationScope.Evaluate, ApplicationErrors.ScopeNotAllowed)]
    [InlineData(CertificationCode.CleaManagement, HabilitationScope.Train, ApplicationErrors.ScopeNotAllowed)]
    [InlineData(CertificationCode.CleaManagement, HabilitationScope.TrainAndEvaluate, null)]
    [InlineData(CertificationCode.CleaSocle, HabilitationScope.Evaluate, null)]
    [InlineData(CertificationCode.CleaSocle, HabilitationScope.Train, null)]
    public void Numerique_and_management_are_filed_to_train_and_evaluate_only_socle_keeps_three_scopes(CertificationCode certification, HabilitationScope scope, string? error)
    {
        if (error is null) ApplicationRules.EnsureScopeAllowed(certification, scope);
        else Assert.Equal(error, Code(() => ApplicationRules.EnsureScopeAllowed(certification, scope)));
    }

    [Fact]
    public void A_refused_candidate_re_applies_from_the_next_campaign_of_the_instance_not_in_the_same_one()
    {
        var organism = NewOrganism();
        var campaign = NewCampaign();
        var refusal = new PreviousRefusal(organism.Siren.Value, campaign.InstanceId, CertificationCode.CleaNumerique, campaign.Id, campaign.Code, campaign.OpensOn);
        var same = Campaign.Create(CertifPro(), CertificationCode.CleaNumerique, "CP-NUM-2026B", "Même date", D("2026-03-02"), D("2026-04-30"), [], D("2026-03-01"));
        var next = Campaign.Create(CertifPro(), CertificationCode.CleaNumerique, "CP-NUM-2026C", "Suivante", D("2026-03-03"), D("2026-04-30"), [], D("2026-03-01"));
        var other = Campaign.Create(CertifPro(), CertificationCode.CleaManagement, "CP-MGT-2026", "Autre", D("2026-03-02"), D("2026-04-30"), [], D("2026-03-01"));
        Assert.Equal(ApplicationErrors.ReapplyFromNextCampaign, Code(() => ApplicationRules.EnsureReapplicationAllowed(campaign, [organism], [refusal])));
        Assert.Equal(ApplicationErrors.ReapplyFromNextCampaign, Code(() => ApplicationRules.EnsureReapplicationAllowed(same, [organism], [refusal])));
        ApplicationRules.EnsureReapplicationAllowed(next, [organism], [refusal]);
        ApplicationRules.EnsureReapplicationAllowed(other, [organism], [refusal]);
        ApplicationRules.EnsureReapplicationAllowed(campaign, [NewOrganism("900000027")], [refusal]);
    }

    [Fact]
    public void A_network_is_filed_for_several_sirens_each_listing_its_own_sites()
    {
        var mandataire = NewOrganism();
        var a = NewOrganism("900000027");
        var b = NewOrganism("900000035");
        var sites = Part(Snapshot(a, Siret.Compose(a.Siren, 1).Value), Snapshot(b, Siret.Compose(b.Siren, 1).Value));
        Application Network(IReadOnlyList<Organism> candidates, AdministrativePart part) => Application.File(NewCampaign(), mandataire,
            ApplicationKind.Network, ApplicationType.First, HabilitationScope.TrainAndEvaluate, candidates, part, Technical(SubCompetences),
            SubCompetences.ToHashSet(), "R-1", D("2026-04-01"));

        Assert.Equal(2, Network([a, b], sites).Candidates.Count);
        Assert.Equal(ApplicationErrors.NetworkNeedsSeveralCandidates, Code(() => Network([a], sites)));
        Assert.Equal(ApplicationErrors.MandateRequired, Code(() => Network([a, b], sites with { MandateReference = null })));
        var foreign = Part(Snapshot(a, Siret.Compose(b.Siren, 2).Value));
        Assert.Equal(RegistryErrors.SiteOfAnotherSiren, Code(() => Network([a, b], foreign)));
        Assert.Equal(ApplicationErrors.CandidateMustBeFiler, Code(() => Application.File(NewCampaign(), mandataire, ApplicationKind.Individual,
            ApplicationType.First, HabilitationScope.Evaluate, [a], sites, Technical(SubCompetences), SubCompetences.ToHashSet(), "R-2", D("2026-04-01"))));
    }

    [Fact]
    public void An_incomplete_file_gets_a_request_for_information_and_is_complete_once_answered()
    {
        var organism = NewOrganism();
        var application = Application.File(NewCampaign(), organism, ApplicationKind.Individual, ApplicationType.Renewal, HabilitationScope.TrainAndEvaluate,
            [organism], Part(Snapshot(organism, Siret.Compose(organism.Siren, 1).Value)), Technical("1.1"), SubCompetences.ToHashSet(), "R-1", D("2026-04-01"));
        var issues = application.CompletenessIssues(SubCompetences);
        Assert.Contains(issues, i => i.Contains("1.2, 2.1", StringComparison.Ordinal));
        Assert.Contains(issues, i => i.Contains("activity figures", StringComparison.Ordinal));
        Assert.Equal(ApplicationErrors.Incomplete, Code(() => application.MarkComplete(SubCompetences, D("2026-04-02"))));
        Assert.Equal(ApplicationErrors.NoOpenInformationRequest, Code(() => application.AnswerInformationRequest("x", null, null, SubCompetences.ToHashSet(), D("2026-04-02"))));

        application.RequestInformation("Modalités manquantes.", D("2026-04-02"));
        Assert.Equal(ApplicationErrors.InformationRequestOpen, Code(() => application.MarkComplete(SubCompetences, D("2026-04-03"))));
        Assert.Equal(ApplicationErrors.UnknownSubCompetence, Code(() => application.AnswerInformationRequest("x", null, Technical("9.9"), SubCompetences.ToHashSet(), D("2026-04-03"))));
        application.AnswerInformationRequest("Voici.", null, Technical(SubCompetences) with { Activity = new(10, 8, 7, 6) }, SubCompetences.ToHashSet(), D("2026-04-03"));
        application.MarkComplete(SubCompetences, D("2026-04-07"));
        Assert.Equal(ApplicationStatus.Complete, application.Status);
        Assert.Equal(ApplicationErrors.NotUnderReview, Code(() => application.RequestInformation("Encore ?", D("2026-04-08"))));
    }

    [Fact]
    public void Completeness_requires_an_evaluator_and_a_trainer_sites_and_three_years_of_turnover()
    {
        var organism = NewOrganism();
        var part = Part(Snapshot(organism) with { Turnover = [new(2025, 1m)] }) with { Intervenants = [] };
        var application = Application.File(NewCampaign(), organism, ApplicationKind.Individual, ApplicationType.First, HabilitationScope.TrainAndEvaluate,
            [organism], part, Technical(SubCompetences), SubCompetences.ToHashSet(), "R-1", D("2026-04-01"));
        var issues = string.Join(" ", application.CompletenessIssues(SubCompetences));
        Assert.Contains("evaluator", issues, StringComparison.Ordinal);
        Assert.Contains("trainer", issues, StringComparison.Ordinal);
        Assert.Contains("lists its establishments", issues, StringComparison.Ordinal);
        Assert.Contains("turnover for 2023, 2024", issues, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2026-05-13", null)] // 5 working days before 21 May, Ascension (14 May) skipped
    [InlineData("2026-05-14", ApplicationErrors.OpinionTooLate)]
    [InlineData("2026-05-15", ApplicationErrors.OpinionTooLate)]
    public void The_opinion_is_settled_at_the_latest_5_working_days_before_the_meeting(string on, string? error)
    {
        if (error is null) Assert.Equal(ApplicationStatus.Instructed, Instructed(D(on)).Status);
        else Assert.Equal(error, Code(() => Instructed(D(on))));
    }

    [Fact]
    public void The_opinion_deadline_counts_back_over_Easter_Monday()
    {
        var application = File(NewCampaign(), D("2026-03-10"));
        application.MarkComplete(SubCompetences, D("2026-03-11"));
        // Meeting Thursday 9 April 2026: 8, 7 April, Easter Monday skipped, 3, 2, 1 April.
        Assert.Equal(ApplicationErrors.OpinionTooLate, Code(() => application.GiveOpinion(D("2026-04-09"), Verdicts(), null, D("2026-04-02"))));
        application.GiveOpinion(D("2026-04-09"), Verdicts(), null, D("2026-04-01"));
        Assert.Equal(ApplicationErrors.UnknownMeeting, Code(() => application.GiveOpinion(D("2026-04-10"), Verdicts(), null, D("2026-04-01"))));
    }

    [Fact]
    public void An_opinion_judges_the_four_criteria_and_only_a_cpne_adds_contextualisation_criteria()
    {
        var application = File(NewCampaign(), D("2026-04-01"));
        Assert.Equal(ApplicationErrors.NotComplete, Code(() => application.GiveOpinion(Meeting, Verdicts(), null, D("2026-04-02"))));
        application.MarkComplete(SubCompetences, D("2026-04-02"));
        Assert.Equal(ApplicationErrors.OpinionCriteriaMissing, Code(() => application.GiveOpinion(Meeting, Verdicts()[1..], null, D("2026-04-03"))));
        var contextual = new CriterionVerdict(Criterion.Contextualisation, true, "Adapté au métier.", "Sécurité");
        Assert.Equal(ApplicationErrors.ContextualisationCpneOnly, Code(() => application.GiveOpinion(Meeting, [.. Verdicts(), contextual], null, D("2026-04-03"))));

        var cpne = File(NewCampaign(new Instance("CPNE_METALLURGIE", "CPNE", InstanceKind.Cpne, "Métallurgie")), D("2026-04-01"));
        cpne.MarkComplete(SubCompetences, D("2026-04-02"));
        cpne.GiveOpinion(Meeting, [.. Verdicts(), contextual], null, D("2026-04-03"));
        Assert.Equal(5, cpne.Opinion!.Verdicts.Count);
    }

    [Theory]
    [InlineData("2026-04-28", null)] // hearing 12 May: 8 working days back over 8 May and 1 May
    [InlineData("2026-04-29", ApplicationErrors.ConvocationTooLate)]
    public void A_hearing_convocation_is_sent_at_least_8_working_days_before(string today, string? error)
    {
        var application = File(NewCampaign(), D("2026-04-01"));
        application.MarkComplete(SubCompetences, D("2026-04-02"));
        if (error is null)
        {
            application.ScheduleHearing(D("2026-05-12"), D(today));
            Assert.Equal(D(today), application.ConvocationSentOn);
        }
        else Assert.Equal(error, Code(() => application.ScheduleHearing(D("2026-05-12"), D(today))));
    }

    [Theory]
    [InlineData("2026-06-19", false)] // 20 working days after 21 May (Whit Monday skipped)
    [InlineData("2026-06-22", true)]
    public void A_notification_later_than_20_working_days_after_the_meeting_is_kept_with_a_warning(string notifiedOn, bool late)
    {
        var application = Instructed(D("2026-05-13"));
        var decision = application.Decide(Meeting, true, [], null, D(notifiedOn), D("2026-06-30"));
        Assert.Equal(late, decision.Warning is not null);
        var habilitation = application.Candidates.Single().Habilitation;
        Assert.Equal(D(notifiedOn), habilitation.ValidFrom);
        Assert.Equal(D(notifiedOn).AddYears(3).AddDays(-1), habilitation.InitialUntil);
    }

    [Fact]
    public void Deciding_requires_an_instructed_file_a_held_meeting_and_reasons_for_a_refusal()
    {
        var application = File(NewCampaign(), D("2026-04-01"));
        Assert.Equal(ApplicationErrors.NotInstructed, Code(() => application.Decide(Meeting, true, [], null, Meeting, Meeting)));
        application.MarkComplete(SubCompetences, D("2026-04-02"));
        Assert.Equal(ApplicationErrors.NotInstructed, Code(() => application.Decide(Meeting, true, [], null, Meeting, Meeting)));
        application.GiveOpinion(D("2026-06-25"), Verdicts(), null, D("2026-05-15"));
        // The opinion given on 15 May was not settled 5 working days before the 21 May meeting.
        Assert.Equal(ApplicationErrors.OpinionTooLate, Code(() => application.Decide(Meeting, true, [], null, Meeting, Meeting)));
        Assert.Equal(ApplicationErrors.MeetingNotHeld, Code(() => application.Decide(D("2026-06-25"), true, [], null, D("2026-06-25"), D("2026-06-24"))));
        Assert.Equal(ApplicationErrors.NotificationInFuture, Code(() => application.Decide(D("2026-06-25"), true, [], null, D("2026-06-26"), D("2026-06-25"))));
        Assert.Equal(HabilitationErrors.NotificationBeforeDecision, Code(() => application.Decide(D("2026-06-25"), true, [], null, D("2026-06-24"), D("2026-06-25"))));
        Assert.Equal(ApplicationErrors.RefusalReasonsRequired, Code(() => application.Decide(D("2026-06-25"), false, Verdicts(), null, D("2026-06-25"), D("2026-06-25"))));
        application.Decide(D("2026-06-25"), false, Verdicts(met: false), null, D("2026-06-25"), D("2026-06-25"));
        Assert.Equal(ApplicationErrors.AlreadyDecided, Code(() => application.Decide(D("2026-06-25"), true, [], null, D("2026-06-25"), D("2026-06-25"))));
    }

    [Theory]
    [InlineData("2026-07-03", null)] // 30 working days after a notification on 21 May (Whit Monday skipped)
    [InlineData("2026-07-04", ApplicationErrors.AppealDeadlinePassed)]
    [InlineData("2026-07-06", ApplicationErrors.AppealDeadlinePassed)]
    public void An_appeal_is_filed_within_30_working_days_of_the_refusals_notification(string today, string? error)
    {
        var application = Instructed(D("2026-05-13"));
        application.Decide(Meeting, false, Verdicts(met: false), null, Meeting, Meeting);
        if (error is null) Assert.Equal(D(today), application.FileAppeal("Nos évaluateurs sont qualifiés.", D(today)).FiledOn);
        else Assert.Equal(error, Code(() => application.FileAppeal("Nos évaluateurs sont qualifiés.", D(today))));
    }

    [Fact]
    public void An_appeal_tracks_its_due_dates_and_an_accepted_appeal_puts_the_habilitation_in_force_keeping_the_refusal_in_history()
    {
        var application = Instructed(D("2026-05-13"));
        var accepted = Instructed(D("2026-05-13"));
        accepted.Decide(Meeting, true, [], null, Meeting, Meeting);
        Assert.Equal(ApplicationErrors.AppealNotAllowed, Code(() => accepted.FileAppeal("?", D("2026-05-22"))));

        application.Decide(Meeting, false, Verdicts(met: false), null, Meeting, Meeting);
        var appeal = application.FileAppeal("Nos évaluateurs sont qualifiés.", D("2026-06-01"));
        Assert.Equal(D("2026-06-15"), appeal.AcknowledgementDue); // 10 working days
        Assert.Equal(D("2026-07-06"), appeal.ExaminationDue); // 25 working days
        Assert.False(appeal.AcknowledgementOverdue(D("2026-06-15")));
        Assert.True(appeal.AcknowledgementOverdue(D("2026-06-16")));
        Assert.Equal(ApplicationErrors.AppealAlreadyFiled, Code(() => application.FileAppeal("Encore.", D("2026-06-02"))));
        Assert.Equal(ApplicationErrors.AppealNotAcknowledged, Code(() => application.DecideAppeal(D("2026-06-25"), true, "Fondé.", D("2026-06-25"), [D("2026-06-25")], D("2026-06-25"))));
        application.AcknowledgeAppeal(D("2026-06-05"));
        Assert.Equal(ApplicationErrors.AppealAlreadyAcknowledged, Code(() => application.AcknowledgeAppeal(D("2026-06-06"))));
        Assert.Equal(ApplicationErrors.UnknownMeeting, Code(() => application.DecideAppeal(Meeting, true, "Fondé.", D("2026-06-25"), [Meeting, D("2026-06-25")], D("2026-06-25"))));

        // A meeting on the filing day is not after it.
        Assert.Equal(ApplicationErrors.UnknownMeeting, Code(() => application.DecideAppeal(D("2026-06-01"), true, "Fondé.", D("2026-06-26"), [D("2026-06-01"), D("2026-06-25")], D("2026-06-26"))));
        var later = Instructed(D("2026-05-13"));
        later.Decide(Meeting, false, Verdicts(met: false), null, Meeting, Meeting);
        later.FileAppeal("Nos évaluateurs sont qualifiés.", D("2026-06-01"));
        later.AcknowledgeAppeal(D("2026-06-05"));
        later.DecideAppeal(D("2026-07-09"), false, "Non fondé.", D("2026-07-10"), [Meeting, D("2026-06-25"), D("2026-07-09")], D("2026-07-10"));
        Assert.False(later.Appeal!.DecidedAtNextMeeting);
        Assert.Equal(D("2026-06-25"), later.Appeal.NextMeetingOn);
        Assert.Contains(TakeEvents(later), e => e.Kind == LifecycleEventKind.AppealDecided && e.Reason!.Contains("not the next meeting", StringComparison.Ordinal));

        application.DecideAppeal(D("2026-06-25"), true, "Fondé.", D("2026-06-26"), [Meeting, D("2026-06-25"), D("2026-07-09")], D("2026-06-26"));
        Assert.True(application.Appeal!.DecidedAtNextMeeting);
        Assert.Equal(ApplicationStatus.Accepted, application.Status);
        Assert.False(application.Appeal!.ExaminationOverdue(D("2026-07-10")));
        var habilitation = application.Candidates.Single().Habilitation;
        Assert.Equal(HabilitationStatus.Pending, habilitation.StatusOn(D("2026-05-20")));
        Assert.Equal(HabilitationStatus.Refused, habilitation.StatusOn(Meeting));
        Assert.Equal(HabilitationStatus.Refused, habilitation.StatusOn(D("2026-06-25")));
        Assert.Equal(HabilitationStatus.Active, habilitation.StatusOn(D("2026-06-26")));
        Assert.Equal(D("2029-06-25"), habilitation.ValidUntil);
        Assert.Equal(ApplicationErrors.AppealAlreadyDecided, Code(() => application.DecideAppeal(D("2026-06-25"), false, "Non.", D("2026-06-26"), [D("2026-06-25")], D("2026-06-26"))));
        Assert.Contains(TakeEvents(application), e => e.Kind == LifecycleEventKind.AppealDecided && e.IsPublic);
    }

    [Fact]
    public void A_campaign_has_a_period_and_meetings_scheduled_once_after_it_opens()
    {
        Assert.Equal(ApplicationErrors.InvalidCampaign, Code(() => Campaign.Create(CertifPro(), CertificationCode.CleaNumerique, "X", "n", D("2026-03-02"), D("2026-04-30"), [], D("2026-03-01"))));
        Assert.Equal(ApplicationErrors.InvalidCampaign, Code(() => Campaign.Create(CertifPro(), CertificationCode.CleaNumerique, "CP-1", "n", D("2026-04-30"), D("2026-03-02"), [], D("2026-03-01"))));
        var campaign = NewCampaign();
        Assert.Equal(ApplicationErrors.MeetingAlreadyScheduled, Code(() => campaign.ScheduleMeeting(Meeting, D("2026-03-01"))));
        Assert.Equal(ApplicationErrors.MeetingInThePast, Code(() => campaign.ScheduleMeeting(D("2026-05-01"), D("2026-05-02"))));
        campaign.ScheduleMeeting(D("2026-05-02"), D("2026-05-02"));
        Assert.Equal(D("2026-04-09"), campaign.MeetingDates[0]);
    }

    private static IReadOnlyList<LifecycleEvent> TakeEvents(EventSource source) => source.TakePendingEvents();

    [Fact]
    public void A_network_file_is_decided_and_appealed_candidate_by_candidate()
    {
        var mandataire = NewOrganism();
        Organism[] candidates = [NewOrganism("900000027"), NewOrganism("900000035"), NewOrganism("900000043")];
        var network = Application.File(NewCampaign(), mandataire, ApplicationKind.Network, ApplicationType.First, HabilitationScope.TrainAndEvaluate,
            candidates, Part([.. candidates.Select(c => Snapshot(c, Siret.Compose(c.Siren, 1).Value))]), Technical(SubCompetences),
            SubCompetences.ToHashSet(), "CP-NUM-2026-0002", D("2026-04-01"));
        network.MarkComplete(SubCompetences, D("2026-04-02"));
        network.GiveOpinion(Meeting, Verdicts(), null, D("2026-05-13"));
        CandidateVerdict Accept(string siren) => new(siren, true, []);
        CandidateVerdict Refuse(string siren) => new(siren, false, Verdicts(met: false));

        // Every candidate gets exactly one verdict; a refusal states its reasons; nothing changes otherwise.
        Assert.Equal(ApplicationErrors.CandidateVerdictsMismatch, Code(() => network.Decide(Meeting, [Accept("900000027"), Refuse("900000035")], null, Meeting, Meeting)));
        Assert.Equal(ApplicationErrors.CandidateVerdictsMismatch, Code(() => network.Decide(Meeting, [Accept("900000027"), Accept("900000027"), Refuse("900000043")], null, Meeting, Meeting)));
        Assert.Equal(ApplicationErrors.CandidateVerdictsMismatch, Code(() => network.Decide(Meeting, [Accept("900000027"), Accept("900000035"), Accept("900000043"), Accept("900000019")], null, Meeting, Meeting)));
        Assert.Equal(ApplicationErrors.RefusalReasonsRequired, Code(() => network.Decide(Meeting, [Accept("900000027"), Accept("900000035"), new("900000043", false, Verdicts())], null, Meeting, Meeting)));
        Assert.Null(network.Decision);
        Assert.All(network.Candidates, c => Assert.Equal(DecisionOutcome.Pending, c.Habilitation.Outcome));

        var decision = network.Decide(Meeting, [Accept("900000027"), Refuse("900000043"), Accept("900000035")], null, Meeting, Meeting);
        Assert.Equal(DecisionOutcome.PartlyAccepted, decision.Outcome);
        Assert.Equal(ApplicationStatus.PartlyAccepted, network.Status);
        Assert.Empty(decision.Reasons);
        Assert.Equal(D("2026-07-03"), decision.AppealUntil);
        var (a, b, c) = (network.Candidates.ElementAt(0), network.Candidates.ElementAt(1), network.Candidates.ElementAt(2));
        Assert.Equal((DecisionOutcome.Accepted, DecisionOutcome.Accepted, DecisionOutcome.Refused), (a.Habilitation.Outcome, b.Habilitation.Outcome, c.Habilitation.Outcome));
        Assert.Equal((DecisionOutcome.Accepted, (DateOnly?)null, 0), (a.Decision!.Outcome, a.Decision.AppealUntil, a.Decision.Reasons.Count));
        Assert.Equal((DecisionOutcome.Refused, (DateOnly?)D("2026-07-03")), (c.Decision!.Outcome, c.Decision.AppealUntil));
        Assert.Contains(c.Decision.Reasons, r => !r.Met);
        var events = TakeEvents(network);
        Assert.Contains(events, e => e.Kind == LifecycleEventKind.DecisionNotified && e.Habilitation == c.Habilitation && e.Reason!.StartsWith("Refusal", StringComparison.Ordinal));

        // Only the refused candidate appeals; it is acknowledged and accepted on appeal; the file becomes accepted.
        Assert.Equal(ApplicationErrors.AppealNotAllowed, Code(() => network.FileAppeal("?", D("2026-06-01"), "900000027")));
        Assert.Equal(ApplicationErrors.CandidateNotInFile, Code(() => network.FileAppeal("?", D("2026-06-01"), "900000019")));
        network.FileAppeal("Deux évaluateurs qualifiés ont rejoint l'équipe.", D("2026-06-01"), "900000043");
        Assert.Equal(ApplicationErrors.AppealAlreadyFiled, Code(() => network.FileAppeal("Encore.", D("2026-06-02"))));
        Assert.Null(a.Appeal);
        Assert.Equal(ApplicationErrors.NoAppeal, Code(() => network.AcknowledgeAppeal(D("2026-06-05"), "900000035")));
        network.AcknowledgeAppeal(D("2026-06-05"), "900000043");
        network.DecideAppeal(D("2026-06-25"), true, "Fondé.", D("2026-06-26"), [Meeting, D("2026-06-25")], D("2026-06-26"), "900000043");
        Assert.Equal(AppealOutcome.Accepted, c.Appeal!.Outcome);
        Assert.Equal(DecisionOutcome.Accepted, c.Habilitation.Outcome);
        Assert.Equal(HabilitationStatus.Refused, c.Habilitation.StatusOn(D("2026-06-25")));
        Assert.Equal(HabilitationStatus.Active, c.Habilitation.StatusOn(D("2026-06-26")));
        Assert.Equal(HabilitationStatus.Active, a.Habilitation.StatusOn(Meeting));
        Assert.Equal(ApplicationStatus.Accepted, network.Status);
    }
}

using System.Text.Json;
using Clea.Data;
using Clea.Data.Events;
using Clea.Data.Persistence;
using Clea.Data.Seeding;
using Clea.Graph.Tests.Habilitations;
using Clea.Graph.Tests.Support;
using Clea.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Clea.Graph.Tests.Applications.ApplicationApi;

namespace Clea.Graph.Tests.Applications;

/// <summary>
/// One file from campaign to acceptance on appeal, the clock moving across the 2027 calendar (Easter Monday 29 March),
/// with the public registry and verifyHabilitation (today and on past dates) checked at each step.
/// </summary>
public sealed class ApplicationLifecycleScenarioTests
{
    private const string Siren = DemoFixtures.ActiveQualiopi;
    private const string Verify = "query($siren: String!, $on: Date) { verifyHabilitation(siren: $siren, certification: CLEA_MANAGEMENT, on: $on) { habilitated status validFrom validUntil } }";
    private const string Registry = "query($siren: String!) { organism(siren: $siren) { habilitations(certification: CLEA_MANAGEMENT) { status decidedOn validFrom validUntil } } }";
    private const string HabilitationIds = "query($siren: String!) { organism(siren: $siren) { habilitations(certification: CLEA_MANAGEMENT) { id } } }";
    private const string DeclareActivity = "mutation($id: ID!) { declareActivity(input: { habilitationId: $id, periodFrom: \"2027-04-01\", periodTo: \"2027-06-29\", registered: 6, priorEvaluations: 5, finalEvaluations: 2, certified: 2 }) { status } }";

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task A_file_goes_from_campaign_to_refusal_is_accepted_on_appeal_renewed_once_and_expires_after_six_years(DatabaseProvider provider)
    {
        await using var api = await CleaApi.StartAsync(provider);
        var staff = await api.CertifProAsync();
        var organism = await api.OrganismAsync();

        // 24 Nov 2026: Certif Pro opens its campaign; it is public.
        var campaign = await api.OkAsync(staff, CreateCampaign, new { input = new { certification = "CLEA_MANAGEMENT", code = "CP-MGT-2027", name = "Campagne Management 2027", opensOn = "2026-11-24", closesOn = "2027-01-29", meetingDates = new[] { "2027-02-18" } } });
        Assert.True(campaign.GetProperty("createCampaign").GetProperty("open").GetBoolean());
        var open = await api.QueryAsync("{ campaigns(openOn: \"2026-11-24\", first: 10) { totalCount nodes { code instance { code } meetingDates } } }");
        Assert.Equal("CP-MGT-2027", Assert.Single(open.GetProperty("campaigns").GetProperty("nodes").EnumerateArray()).GetProperty("code").GetString());

        // Filing: a receipt, a pending habilitation in the public registry, the 330 € fee.
        var filed = (await api.OkAsync(organism, FileApplication, new { input = await FileInputAsync(api, "CP-MGT-2027") })).GetProperty("fileApplication");
        var id = filed.GetProperty("id").GetString();
        Assert.Equal("CP-MGT-2027-0001", filed.GetProperty("receiptNumber").GetString());
        Assert.Equal("FILED", filed.GetProperty("status").GetString());
        // Undecided, the file is confidential (N/M §IV.5): the public sees nothing, the organism sees it pending.
        Assert.Empty((await api.QueryAsync(Registry, new { siren = Siren })).GetProperty("organism").GetProperty("habilitations").EnumerateArray());
        await AssertVerifiedAsync(api, null, false, null);
        Assert.Equal("PENDING", (await api.OkAsync(organism, Registry, new { siren = Siren })).GetProperty("organism").GetProperty("habilitations")[0].GetProperty("status").GetString());

        // The organism never declared its turnover nor contacts: the file is incomplete, information is requested and answered.
        var issues = filed.GetProperty("completenessIssues").EnumerateArray().Select(i => i.GetString()!).ToList();
        Assert.Contains(issues, i => i.Contains("turnover", StringComparison.Ordinal));
        Assert.Contains(issues, i => i.Contains("main contact", StringComparison.Ordinal));
        var incomplete = await api.PostAsAsync(staff, MarkComplete, new { id });
        Assert.Equal(["APPLICATION_INCOMPLETE"], incomplete.ErrorCodes);
        var requested = await api.OkAsync(staff, RequestInformation, new { id, items = "Chiffre d'affaires des 3 derniers exercices." });
        Assert.Equal("INFORMATION_REQUESTED", requested.GetProperty("requestInformation").GetProperty("status").GetString());
        await api.OkAsync(organism, "mutation { updateOrganismContacts(mainContact: { name: \"Anne Martin\", email: \"anne.martin@formationplus.fr\" }) { siren } }");
        foreach (var year in new[] { 2023, 2024, 2025 })
            await api.OkAsync(organism, "mutation($y: Int!) { declareTurnover(year: $y, amountEuros: 250000) { siren } }", new { y = year });
        var answered = (await api.OkAsync(organism, Answer, new { id, answer = "Chiffres déclarés sur la plateforme." })).GetProperty("answerInformationRequest");
        Assert.Empty(answered.GetProperty("completenessIssues").EnumerateArray());
        Assert.Equal("COMPLETE", (await api.OkAsync(staff, MarkComplete, new { id })).GetProperty("markComplete").GetProperty("status").GetString());

        // 1 Feb 2027: hearing convened for 15 Feb (last day to convene: 3 Feb).
        (staff, organism) = await MoveToAsync(api, "2027-02-01");
        var hearing = (await api.OkAsync(staff, ScheduleHearing, new { id, hearingOn = "2027-02-15" })).GetProperty("scheduleHearing");
        Assert.Equal("2027-02-01", hearing.GetProperty("convocationSentOn").GetString());

        // 10 Feb 2027: the opinion for the 18 Feb meeting (last day: 11 Feb).
        (staff, organism) = await MoveToAsync(api, "2027-02-10");
        var opinion = (await api.OkAsync(staff, GiveOpinion, new { id, meetingOn = "2027-02-18", verdicts = Verdicts(met: false) })).GetProperty("giveOpinion");
        Assert.False(opinion.GetProperty("opinion").GetProperty("favourable").GetBoolean());

        // 18 Feb 2027: refused at the meeting, notified the same day.
        (staff, organism) = await MoveToAsync(api, "2027-02-18");
        var refused = (await api.OkAsync(staff, Decide, new { id, meetingOn = "2027-02-18", accept = false, reasons = Verdicts(met: false) })).GetProperty("decide");
        Assert.Equal(JsonValueKind.Null, refused.GetProperty("warning").ValueKind);
        Assert.Equal("2027-04-02", refused.GetProperty("application").GetProperty("decision").GetProperty("appealUntil").GetString());
        await AssertRegistryAsync(api, "REFUSED", null);
        await AssertVerifiedAsync(api, null, false, "REFUSED");
        await AssertVerifiedAsync(api, "2027-02-17", false, "PENDING");

        // 1 Mar 2027: the organism appeals; 8 Mar: acknowledged (due 15 Mar); a meeting is scheduled for 25 Mar.
        (staff, organism) = await MoveToAsync(api, "2027-03-01");
        var appeal = (await api.OkAsync(organism, FileAppeal, new { id, grounds = "Deux évaluateurs qualifiés ont rejoint l'équipe (CV joints)." })).GetProperty("fileAppeal").GetProperty("appeal");
        Assert.Equal("2027-03-15", appeal.GetProperty("acknowledgementDue").GetString());
        Assert.Equal("2027-04-06", appeal.GetProperty("examinationDue").GetString()); // 25 working days, Easter Monday 29 March skipped
        (staff, organism) = await MoveToAsync(api, "2027-03-08");
        var acknowledged = (await api.OkAsync(staff, AcknowledgeAppeal, new { id })).GetProperty("acknowledgeAppeal").GetProperty("appeal");
        Assert.False(acknowledged.GetProperty("acknowledgementOverdue").GetBoolean());
        await api.OkAsync(staff, ScheduleMeeting, new { campaign = "CP-MGT-2027", on = "2027-03-25" });

        // 30 Mar 2027 (after Easter Monday): the appeal is accepted at the 25 March meeting, notified today.
        (staff, organism) = await MoveToAsync(api, "2027-03-30");
        var accepted = (await api.OkAsync(staff, DecideAppeal, new { id, meetingOn = "2027-03-25", accept = true, reason = "L'équipe d'évaluateurs est désormais suffisante." })).GetProperty("decideAppeal");
        Assert.Equal("ACCEPTED", accepted.GetProperty("status").GetString());
        Assert.Equal("ACCEPTED", accepted.GetProperty("appeal").GetProperty("outcome").GetString());
        Assert.False(accepted.GetProperty("appeal").GetProperty("examinationOverdue").GetBoolean());
        await AssertRegistryAsync(api, "ACTIVE", "2030-03-29");
        await AssertVerifiedAsync(api, null, true, "ACTIVE");
        await AssertVerifiedAsync(api, "2027-03-29", false, "REFUSED");
        // As of a day before the acceptance on appeal, the answer shows no validity dates: they came later.
        await AssertDatesAsync(api, "2027-03-29", null, null);
        await AssertVerifiedAsync(api, "2027-02-17", false, "PENDING");
        await AssertVerifiedAsync(api, "2030-03-29", true, "ACTIVE");
        await AssertDatesAsync(api, "2030-03-29", "2027-03-30", "2030-03-29");
        await AssertVerifiedAsync(api, "2030-03-30", false, "EXPIRED");

        // Every step left its event, linked to the file; decisions are public; the fee was accrued once.
        await using var scope = api.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CleaDbContext>();
        var events = await db.LifecycleEvents.AsNoTracking()
            .Where(e => e.Habilitation!.Certification == Clea.Data.Referentials.CertificationCode.CleaManagement && e.Organism!.Siren == Clea.Data.Registry.Siren.Parse(Siren)).OrderBy(e => e.Id).ToListAsync();
        Assert.Equal(new[]
            {
                LifecycleEventKind.ApplicationFiled, LifecycleEventKind.InformationRequested, LifecycleEventKind.InformationProvided,
                LifecycleEventKind.ApplicationCompleted, LifecycleEventKind.HearingScheduled, LifecycleEventKind.OpinionGiven,
                LifecycleEventKind.DecisionRefused, LifecycleEventKind.DecisionNotified, LifecycleEventKind.AppealFiled,
                LifecycleEventKind.AppealAcknowledged, LifecycleEventKind.DecisionAccepted, LifecycleEventKind.AppealDecided,
            }.OrderBy(k => k),
            // Events of one save (the decision and its notification) carry no order between them.
            events.Select(e => e.Kind).OrderBy(k => k));
        Assert.All(events.Where(e => e.Kind is LifecycleEventKind.DecisionRefused or LifecycleEventKind.DecisionAccepted or LifecycleEventKind.DecisionNotified or LifecycleEventKind.AppealDecided), e => Assert.True(e.IsPublic));
        Assert.Equal("instance", events.Single(e => e.Kind == LifecycleEventKind.OpinionGiven).ActorRole);
        var fee = await db.FeeLines.AsNoTracking().SingleAsync(l => l.SourceKey == "application:CP-MGT-2027-0001:" + Siren);
        Assert.Equal(330m, fee.Amount);

        // 30 Jun 2027: the organism declares its first quarter of activity, a use of the habilitation.
        (_, organism) = await MoveToAsync(api, "2027-06-30");
        var habilitationId = (await api.QueryAsync(HabilitationIds, new { siren = Siren })).GetProperty("organism").GetProperty("habilitations")[0].GetProperty("id").GetString();
        await api.OkAsync(organism, DeclareActivity, new { id = habilitationId });

        // 28 Mar 2030, the day before the last day of the first three years: the sweep does not renew yet.
        await MoveToAsync(api, "2030-03-28");
        await api.SweepAsync();
        await AssertRegistryAsync(api, "ACTIVE", "2030-03-29");

        // 29 Mar 2030: used and never suspended or withdrawn, it is renewed once for three years; a second sweep changes nothing.
        await MoveToAsync(api, "2030-03-29");
        await api.SweepAsync();
        Assert.False((await api.SweepAsync()).ChangedAnything);
        await AssertRegistryAsync(api, "ACTIVE", "2033-03-29");
        await AssertVerifiedAsync(api, "2030-03-30", true, "ACTIVE");
        await AssertVerifiedAsync(api, "2027-03-29", false, "REFUSED");

        // 30 Mar 2033: after six years it expires, and no sweep renews it again: a new application is needed.
        await MoveToAsync(api, "2033-03-30");
        await api.SweepAsync();
        await AssertRegistryAsync(api, "EXPIRED", "2033-03-29");
        await AssertVerifiedAsync(api, null, false, "EXPIRED");
        await AssertVerifiedAsync(api, "2033-03-29", true, "ACTIVE");
        await AssertVerifiedAsync(api, "2028-07-14", true, "ACTIVE");
        // Before the renewal took effect, the validity known then was the initial period's.
        await AssertDatesAsync(api, "2028-07-14", "2027-03-30", "2030-03-29");
        await AssertDatesAsync(api, "2030-03-30", "2027-03-30", "2033-03-29");
        await AssertVerifiedAsync(api, "2027-03-29", false, "REFUSED");
        await AssertDatesAsync(api, "2027-03-29", null, null);
    }

    /// <summary>Moves the clock; tokens issued before would have expired, so both callers sign in again.</summary>
    private static async Task<(string Staff, string Organism)> MoveToAsync(CleaApi api, string date)
    {
        api.Clock.Set(At(date));
        return (await api.CertifProAsync(), await api.OrganismAsync());
    }

    private static async Task AssertRegistryAsync(CleaApi api, string status, string? validUntil)
    {
        var habilitation = Assert.Single((await api.QueryAsync(Registry, new { siren = Siren })).GetProperty("organism").GetProperty("habilitations").EnumerateArray());
        Assert.Equal(status, habilitation.GetProperty("status").GetString());
        Assert.Equal(validUntil, habilitation.GetProperty("validUntil").GetString());
    }

    private static async Task AssertDatesAsync(CleaApi api, string on, string? validFrom, string? validUntil)
    {
        var check = (await api.QueryAsync(Verify, new { siren = Siren, on })).GetProperty("verifyHabilitation");
        Assert.Equal((validFrom, validUntil), (check.GetProperty("validFrom").GetString(), check.GetProperty("validUntil").GetString()));
    }

    private static async Task AssertVerifiedAsync(CleaApi api, string? on, bool habilitated, string? status)
    {
        var check = (await api.QueryAsync(Verify, new { siren = Siren, on })).GetProperty("verifyHabilitation");
        Assert.Equal(habilitated, check.GetProperty("habilitated").GetBoolean());
        Assert.Equal(status, check.GetProperty("status").GetString());
    }
}

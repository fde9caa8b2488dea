using Clea.Auth.Demo;
using Clea.Data.Persistence;
using Clea.Data.Referentials;
using Clea.Data.Seeding;
using Clea.Graph.Tests.Support;
using Clea.Testing;
using static Clea.Graph.Tests.Habilitations.LifeSupport;

namespace Clea.Graph.Tests.Habilitations;

/// <summary>
/// Answers about the past do not change: a renewal is never back-dated (neither by the Instance nor by the sweep), and
/// the one way to change a recorded fact afterwards is a correction, a visible act of its own day whose event and whose
/// mark on the periods explain why verifyHabilitation(on: D) now answers differently for those days.
/// </summary>
public sealed class CorrectionTests
{
    private const string Siren = DemoFixtures.ActiveQualiopi;
    private const string History = "query($s: String!) { organism(siren: $s) { habilitations(certification: CLEA_MANAGEMENT) { validUntil periods { status from until correctedOn } corrections { kind recordedOn previousDate correctedDate affectedFrom affectedUntil } } } }";
    private const string Correct = "mutation($id: ID!, $kind: CorrectionKind!, $date: Date, $reason: String!) { correctHabilitation(id: $id, kind: $kind, date: $date, reason: $reason) { validUntil } }";

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task A_renewal_missed_on_its_day_is_never_back_dated_and_is_applied_only_by_a_visible_correction(DatabaseProvider provider)
    {
        await using var api = await CleaApi.StartAsync(provider);
        var initialEnd = new DateOnly(2029, 11, 15);
        var id = GlobalIdOf(await api.AcceptedHabilitationAsync(Siren, CertificationCode.CleaManagement, new DateOnly(2026, 9, 1), new DateOnly(2026, 11, 2), new DateOnly(2026, 11, 16)));
        var declared = await api.PostAsAsync(await api.TokenForAsync(DemoAccounts.Organism), """
            mutation($id: ID!) { declareActivity(input: { habilitationId: $id, periodFrom: "2026-11-16", periodTo: "2026-11-23", registered: 4, priorEvaluations: 2, finalEvaluations: 0, certified: 0 }) { status } }
            """, new { id });
        Assert.False(declared.HasErrors, declared.Body);

        // The sweep did not run on 15 or 16 November 2029: on the 16th the habilitation was answered EXPIRED.
        api.MoveTo(initialEnd.AddDays(2));
        var sweep = await api.SweepAsync();
        Assert.Equal(0, sweep.Renewed);
        Assert.True(sweep.RenewalsOverdue >= 1);
        Assert.Equal("EXPIRED", await api.StatusAsync(Siren, "CLEA_MANAGEMENT", initialEnd.AddDays(1)));
        var certifPro = await api.TokenForAsync(DemoAccounts.CertifPro);
        var rows = await api.CountRowsAsync();
        var renew = await api.PostAsAsync(certifPro, "mutation($id: ID!) { renewHabilitation(id: $id) { validUntil } }", new { id });
        Assert.Equal(["EFFECTIVE_DATE_IN_PAST"], renew.ErrorCodes);
        Assert.Equal(rows, await api.CountRowsAsync());
        Assert.Equal("EXPIRED", await api.StatusAsync(Siren, "CLEA_MANAGEMENT", initialEnd.AddDays(1)));

        // Only the Instance corrects, with a reason; the organism may not.
        var variables = new { id, kind = "MISSED_RENEWAL", date = (string?)null, reason = "Le traitement automatique n'a pas tourné les 15 et 16 novembre." };
        Assert.Equal(System.Net.HttpStatusCode.Forbidden, (await api.PostAsAsync(await api.TokenForAsync(DemoAccounts.Organism), Correct, variables)).Status);
        var corrected = await api.PostAsAsync(certifPro, Correct, variables);
        Assert.False(corrected.HasErrors, corrected.Body);
        Assert.Equal("2032-11-15", corrected.Data.GetProperty("correctHabilitation").GetProperty("validUntil").GetString());

        // The answer for 16 November changed, and says why: the answer and the renewed period name the correction.
        var answer = await api.QueryAsync("query($s: String!) { verifyHabilitation(siren: $s, certification: CLEA_MANAGEMENT, on: \"2029-11-16\") { status correctedOn } }", new { s = Siren });
        Assert.Equal(("ACTIVE", "2029-11-17"), (answer.GetProperty("verifyHabilitation").GetProperty("status").GetString(), answer.GetProperty("verifyHabilitation").GetProperty("correctedOn").GetString()));
        var untouched = await api.QueryAsync("query($s: String!) { verifyHabilitation(siren: $s, certification: CLEA_MANAGEMENT, on: \"2029-11-15\") { correctedOn } }", new { s = Siren });
        Assert.Equal(System.Text.Json.JsonValueKind.Null, untouched.GetProperty("verifyHabilitation").GetProperty("correctedOn").ValueKind);
        Assert.Equal("ACTIVE", await api.StatusAsync(Siren, "CLEA_MANAGEMENT", initialEnd));
        var entry = (await api.QueryAsync(History, new { s = Siren })).GetProperty("organism").GetProperty("habilitations")[0];
        var periods = entry.GetProperty("periods").EnumerateArray().Select(p => (p.GetProperty("status").GetString(), p.GetProperty("from").GetString(),
            p.GetProperty("correctedOn").ValueKind == System.Text.Json.JsonValueKind.Null ? null : p.GetProperty("correctedOn").GetString())).ToList();
        Assert.Equal([("PENDING", "2026-09-01", null), ("ACTIVE", "2026-11-16", null), ("RENEWED", "2029-11-16", "2029-11-17"), ("EXPIRED", "2032-11-16", null)], periods);
        var correction = Assert.Single(entry.GetProperty("corrections").EnumerateArray());
        Assert.Equal(("MISSED_RENEWAL", "2029-11-17", "2029-11-16", "2029-11-16", "2029-11-16"),
            (correction.GetProperty("kind").GetString(), correction.GetProperty("recordedOn").GetString(), correction.GetProperty("correctedDate").GetString(),
             correction.GetProperty("affectedFrom").GetString(), correction.GetProperty("affectedUntil").GetString()));

        // The public decisions and the Instance's event log show the act; the feed tells integrators to re-verify.
        var decisions = await api.QueryAsync("query($s: String!) { publicDecisions(siren: $s, order: OLDEST_FIRST, first: 50) { nodes { kind effectiveOn } } }", new { s = Siren });
        Assert.Contains(decisions.GetProperty("publicDecisions").GetProperty("nodes").EnumerateArray(),
            d => d.GetProperty("kind").GetString() == "HABILITATION_CORRECTED" && d.GetProperty("effectiveOn").GetString() == "2029-11-16");
        var log = await api.PostAsAsync(certifPro, "query($s: String!) { lifecycleEvents(siren: $s, kinds: [HABILITATION_CORRECTED], first: 10) { nodes { reason actorName } } }", new { s = Siren });
        Assert.False(log.HasErrors, log.Body);
        Assert.Contains("15 et 16 novembre", log.Data.GetProperty("lifecycleEvents").GetProperty("nodes")[0].GetProperty("reason").GetString(), StringComparison.Ordinal);

        // A second correction of the same renewal: nothing left to correct.
        Assert.Equal(["RENEWAL_NOT_ALLOWED"], (await api.PostAsAsync(certifPro, Correct, variables)).ErrorCodes);
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task The_renewal_is_recorded_at_the_latest_on_the_day_it_takes_effect(DatabaseProvider provider)
    {
        await using var api = await CleaApi.StartAsync(provider);
        var initialEnd = new DateOnly(2029, 11, 15);
        var id = GlobalIdOf(await api.AcceptedHabilitationAsync(Siren, CertificationCode.CleaManagement, new DateOnly(2026, 9, 1), new DateOnly(2026, 11, 2), new DateOnly(2026, 11, 16)));
        var organism = await api.TokenForAsync(DemoAccounts.Organism);
        await api.PostAsAsync(organism, """
            mutation($id: ID!) { declareActivity(input: { habilitationId: $id, periodFrom: "2026-11-16", periodTo: "2026-11-23", registered: 4, priorEvaluations: 2, finalEvaluations: 0, certified: 0 }) { status } }
            """, new { id });
        // 16 November 2029, the day it takes effect: still on time, by the Instance (or the sweep).
        api.MoveTo(initialEnd.AddDays(1));
        var renewed = await api.PostAsAsync(await api.TokenForAsync(DemoAccounts.CertifPro), "mutation($id: ID!) { renewHabilitation(id: $id) { validUntil } }", new { id });
        Assert.False(renewed.HasErrors, renewed.Body);
        Assert.Equal("2032-11-15", renewed.Data.GetProperty("renewHabilitation").GetProperty("validUntil").GetString());
        Assert.Equal("ACTIVE", await api.StatusAsync(Siren, "CLEA_MANAGEMENT", initialEnd.AddDays(1)));
    }
}

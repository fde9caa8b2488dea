using System.Text.Json;
using Clea.Auth.Demo;
using Clea.Data.Persistence;
using Clea.Data.Referentials;
using Clea.Data.Seeding;
using Clea.Graph.Tests.Support;
using Clea.Testing;
using static Clea.Graph.Tests.Habilitations.LifeSupport;

namespace Clea.Graph.Tests.Habilitations;

/// <summary>
/// Whole lives of habilitations, moved through the years with the host's clock: what the public registry and
/// verifyHabilitation answer at each step, today and for past dates.
/// </summary>
public sealed class HabilitationLifeScenarioTests
{
    private const string Registry = """
        query($siren: String!) { organism(siren: $siren) { habilitations { id certification status validUntil renewed periods { status from until } } } }
        """;

    private static async Task<JsonElement> RegistryEntryAsync(CleaApi api, string siren, string certification)
        => (await api.QueryAsync(Registry, new { siren })).GetProperty("organism").GetProperty("habilitations").EnumerateArray()
            .First(h => h.GetProperty("certification").GetString() == certification);

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task A_used_habilitation_is_renewed_by_the_sweep_at_three_years_and_expires_at_six(DatabaseProvider provider)
    {
        await using var api = await CleaApi.StartAsync(provider);
        var siren = DemoFixtures.ActiveQualiopi;
        var notified = new DateOnly(2026, 11, 16);
        var initialEnd = new DateOnly(2029, 11, 15);
        var sixYearsEnd = new DateOnly(2032, 11, 15);
        var id = GlobalIdOf(await api.AcceptedHabilitationAsync(siren, CertificationCode.CleaManagement, new DateOnly(2026, 9, 1), new DateOnly(2026, 11, 2), notified));
        Assert.Equal("ACTIVE", await api.StatusAsync(siren, "CLEA_MANAGEMENT"));
        Assert.Equal("PENDING", await api.StatusAsync(siren, "CLEA_MANAGEMENT", notified.AddDays(-1)));

        // Used: the organism declares its first evaluations.
        var organism = await api.TokenForAsync(DemoAccounts.Organism);
        var declared = await api.PostAsAsync(organism, """
            mutation($id: ID!) { declareActivity(input: { habilitationId: $id, periodFrom: "2026-11-16", periodTo: "2026-11-23", registered: 4, priorEvaluations: 2, finalEvaluations: 0, certified: 0 }) { status } }
            """, new { id });
        Assert.False(declared.HasErrors, declared.Body);

        // The day before the end of the initial period: not renewed yet.
        api.MoveTo(initialEnd.AddDays(-1));
        await api.SweepAsync();
        Assert.Equal(Date(initialEnd), (await api.VerifyAsync(siren, "CLEA_MANAGEMENT")).GetProperty("validUntil").GetString());

        // The last day of the initial period: the sweep renews it; a second run changes nothing.
        api.MoveTo(initialEnd);
        var first = await api.SweepAsync();
        Assert.True(first.Renewed >= 1);
        var rowsAfterFirst = await api.CountRowsAsync();
        var second = await api.SweepAsync();
        Assert.False(second.ChangedAnything, second.ToString());
        Assert.Equal(rowsAfterFirst, await api.CountRowsAsync());

        var renewed = await api.VerifyAsync(siren, "CLEA_MANAGEMENT", initialEnd.AddDays(1));
        Assert.Equal("ACTIVE", renewed.GetProperty("status").GetString());
        Assert.True(renewed.GetProperty("habilitation").GetProperty("renewed").GetBoolean());
        Assert.Equal(Date(sixYearsEnd), renewed.GetProperty("validUntil").GetString());
        Assert.False((await api.VerifyAsync(siren, "CLEA_MANAGEMENT", initialEnd)).GetProperty("habilitation").GetProperty("renewed").GetBoolean());

        // Six years on: expired the day after, and history still answers as it was.
        api.MoveTo(sixYearsEnd.AddDays(1));
        await api.SweepAsync();
        Assert.Equal("EXPIRED", await api.StatusAsync(siren, "CLEA_MANAGEMENT"));
        Assert.Equal("ACTIVE", await api.StatusAsync(siren, "CLEA_MANAGEMENT", sixYearsEnd));
        Assert.Equal("ACTIVE", await api.StatusAsync(siren, "CLEA_MANAGEMENT", new DateOnly(2027, 6, 1)));
        Assert.Equal("PENDING", await api.StatusAsync(siren, "CLEA_MANAGEMENT", new DateOnly(2026, 10, 1)));

        var entry = await RegistryEntryAsync(api, siren, "CLEA_MANAGEMENT");
        Assert.Equal("EXPIRED", entry.GetProperty("status").GetString());
        Assert.Equal(
            [("PENDING", "2026-09-01", "2026-11-15"), ("ACTIVE", "2026-11-16", "2029-11-15"), ("RENEWED", "2029-11-16", "2032-11-15"), ("EXPIRED", "2032-11-16", null)],
            Periods(entry));

        var decisions = await api.QueryAsync("query($siren: String!) { publicDecisions(siren: $siren, order: OLDEST_FIRST, first: 50) { nodes { kind effectiveOn habilitation { certification } } } }", new { siren });
        Assert.Contains(decisions.GetProperty("publicDecisions").GetProperty("nodes").EnumerateArray(),
            d => d.GetProperty("kind").GetString() == "RENEWED" && d.GetProperty("effectiveOn").GetString() == "2029-11-16"
                 && d.GetProperty("habilitation").GetProperty("certification").GetString() == "CLEA_MANAGEMENT");
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task An_unused_habilitation_is_not_renewed_and_expires_after_three_years(DatabaseProvider provider)
    {
        await using var api = await CleaApi.StartAsync(provider);
        var siren = DemoFixtures.ActiveQualiopi;
        await api.AcceptedHabilitationAsync(siren, CertificationCode.CleaManagement, new DateOnly(2026, 9, 1), new DateOnly(2026, 11, 2), new DateOnly(2026, 11, 16));
        api.MoveTo(new DateOnly(2029, 11, 15));
        await api.SweepAsync();
        api.MoveTo(new DateOnly(2029, 11, 16));
        await api.SweepAsync();
        Assert.Equal("EXPIRED", await api.StatusAsync(siren, "CLEA_MANAGEMENT"));
        Assert.Equal("ACTIVE", await api.StatusAsync(siren, "CLEA_MANAGEMENT", new DateOnly(2029, 11, 15)));
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task A_suspension_then_a_withdrawal_show_in_the_registry_and_in_verifications_for_each_date(DatabaseProvider provider)
    {
        await using var api = await CleaApi.StartAsync(provider);
        var siren = DemoFixtures.ActiveQualiopi;
        var id = await api.HabilitationIdAsync(siren);
        var certifPro = await api.TokenForAsync(DemoAccounts.CertifPro);
        var validUntil = (await api.VerifyAsync(siren, "CLEA_NUMERIQUE")).GetProperty("validUntil").GetString();

        var suspended = await api.PostAsAsync(certifPro, """mutation($id: ID!) { suspendHabilitation(id: $id, from: "2026-11-24", reason: "Unfavourable audit: serious breach") { status } }""", new { id });
        Assert.False(suspended.HasErrors, suspended.Body);
        Assert.Equal("SUSPENDED", await api.StatusAsync(siren, "CLEA_NUMERIQUE"));
        Assert.False((await api.VerifyAsync(siren, "CLEA_NUMERIQUE")).GetProperty("edofEligible").GetBoolean());
        var lifted = await api.PostAsAsync(certifPro, """mutation($id: ID!) { liftSuspension(id: $id, resumedOn: "2026-12-01", reason: "Corrective measures justified") { status(on: "2026-12-01") } }""", new { id });
        Assert.Equal("ACTIVE", lifted.Data.GetProperty("liftSuspension").GetProperty("status").GetString());
        var withdrawn = await api.PostAsAsync(certifPro, """mutation($id: ID!) { withdrawHabilitation(id: $id, case: NEW_FAILINGS_WITHIN_TWELVE_MONTHS, effectiveOn: "2026-12-10", reason: "New failings within 12 months") { endedOn } }""", new { id });
        Assert.Equal("2026-12-10", withdrawn.Data.GetProperty("withdrawHabilitation").GetProperty("endedOn").GetString());

        Assert.Equal("ACTIVE", await api.StatusAsync(siren, "CLEA_NUMERIQUE", new DateOnly(2026, 11, 23)));
        Assert.Equal("SUSPENDED", await api.StatusAsync(siren, "CLEA_NUMERIQUE", new DateOnly(2026, 11, 30)));
        Assert.Equal("ACTIVE", await api.StatusAsync(siren, "CLEA_NUMERIQUE", new DateOnly(2026, 12, 9)));
        Assert.Equal("WITHDRAWN", await api.StatusAsync(siren, "CLEA_NUMERIQUE", new DateOnly(2026, 12, 10)));
        Assert.Equal(validUntil, (await api.VerifyAsync(siren, "CLEA_NUMERIQUE")).GetProperty("validUntil").GetString());

        var periods = Periods(await RegistryEntryAsync(api, siren, "CLEA_NUMERIQUE"));
        Assert.Equal<(string, string, string?)>(("SUSPENDED", "2026-11-24", "2026-11-30"), periods[^3]);
        Assert.Equal<(string, string, string?)>(("ACTIVE", "2026-12-01", "2026-12-09"), periods[^2]);
        Assert.Equal(("WITHDRAWN", "2026-12-10", (string?)null), periods[^1]);

        // Renewing a withdrawn habilitation is refused with its own code, the sweep leaves it alone.
        var renew = await api.PostAsAsync(certifPro, "mutation($id: ID!) { renewHabilitation(id: $id) { validUntil } }", new { id });
        Assert.Equal(["HABILITATION_WITHDRAWN"], renew.ErrorCodes);
        api.MoveTo(new DateOnly(2030, 1, 1));
        await api.SweepAsync();
        Assert.Equal("WITHDRAWN", await api.StatusAsync(siren, "CLEA_NUMERIQUE"));
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task A_renunciation_keeps_the_habilitation_in_force_until_the_end_of_its_notice(DatabaseProvider provider)
    {
        await using var api = await CleaApi.StartAsync(provider);
        var siren = DemoFixtures.NotQualiopi;
        var id = await api.HabilitationIdAsync(siren);
        var organism = await api.TokenForAsync(DemoAccounts.Organism2);
        var renounced = await api.PostAsAsync(organism, """mutation($id: ID!) { renounceHabilitation(id: $id, reason: "Ending our CléA activity") { endedOn status } }""", new { id });
        Assert.False(renounced.HasErrors, renounced.Body);
        Assert.Equal("2027-02-24", renounced.Data.GetProperty("renounceHabilitation").GetProperty("endedOn").GetString());
        Assert.Equal("ACTIVE", renounced.Data.GetProperty("renounceHabilitation").GetProperty("status").GetString());

        Assert.Equal("ACTIVE", await api.StatusAsync(siren, "CLEA_NUMERIQUE", new DateOnly(2027, 2, 23)));
        Assert.Equal("RENOUNCED", await api.StatusAsync(siren, "CLEA_NUMERIQUE", new DateOnly(2027, 2, 24)));
        api.MoveTo(new DateOnly(2027, 3, 1));
        await api.SweepAsync();
        Assert.Equal("RENOUNCED", await api.StatusAsync(siren, "CLEA_NUMERIQUE"));
        Assert.Equal(("RENOUNCED", "2027-02-24", (string?)null), Periods(await RegistryEntryAsync(api, siren, "CLEA_NUMERIQUE"))[^1]);
    }
}

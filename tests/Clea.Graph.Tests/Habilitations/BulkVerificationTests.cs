using System.Net;
using System.Text.Json;
using Clea.Auth.Demo;
using Clea.Data.Persistence;
using Clea.Data.Registry;
using Clea.Data.Seeding;
using Clea.Graph.Tests.Support;
using Clea.Testing;
using Xunit.Abstractions;

namespace Clea.Graph.Tests.Habilitations;

/// <summary>
/// verifyHabilitations: an integrator's batch answers item by item, in order, exactly as verifyHabilitation would, one
/// malformed item does not fail the others, and the batch costs the same statements for 10 items or 500.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class BulkVerificationTests(ApiFixture fixture, ITestOutputHelper output)
{
    /// <summary>What an integrator selects, shared by the single and the bulk queries so their answers compare as JSON.</summary>
    private const string Answer = """
        fragment answer on HabilitationCheck {
          habilitated status certification checkedOn validFrom validUntil scope qualiopi edofEligible reason edofReason professionalField
          organism { siren name } site { siret closedOn } instance { code kind } habilitation { renewed } error { code message }
        }
        """;

    private const string Bulk = """
        query($requests: [VerificationRequest!]!, $on: Date) {
          verifyHabilitations(requests: $requests, certification: CLEA_NUMERIQUE, on: $on) { ...answer }
        }
        """ + Answer;

    private const string Single = """
        query($siren: String, $siret: String, $on: Date) {
          verifyHabilitation(siren: $siren, siret: $siret, certification: CLEA_NUMERIQUE, on: $on) { ...answer }
        }
        """ + Answer;

    private const string UnknownSiren = "732829320"; // valid Luhn, not in the demo data (demo SIRENs start with 9)

    private static readonly string HeadOfficeSiret = Siret.Compose(Siren.Parse(DemoFixtures.ClosedSite), 1).Value;

    private static async Task<string> IntegratorTokenAsync(CleaApi api)
    {
        var token = await api.ClientCredentialsAsync(DemoAccounts.IntegratorClientId, DemoAccounts.IntegratorClientSecret);
        return token.AccessToken ?? throw new InvalidOperationException($"No integrator token: {token.Body}");
    }

    private static async Task<JsonElement> BulkAsync(CleaApi api, string token, IEnumerable<object> requests, string? on = null)
    {
        var response = await api.PostAsAsync(token, Bulk, new { requests, on });
        Assert.True(response.Status == HttpStatusCode.OK && !response.HasErrors, $"Expected success, got {(int)response.Status}: {response.Body}");
        return response.Data.GetProperty("verifyHabilitations");
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task A_mixed_batch_answers_in_order_as_single_verifications_would_with_an_error_on_each_bad_item(DatabaseProvider provider)
    {
        var api = await fixture.For(provider);
        var token = await IntegratorTokenAsync(api);
        object[] requests =
        [
            new { siren = DemoFixtures.ActiveQualiopi },
            new { siret = "90000001900011" }, // fails the checksum
            new { siren = DemoFixtures.Suspended },
            new { siret = HeadOfficeSiret },
            new { siren = UnknownSiren },
            new { siren = DemoFixtures.ExpiredYesterday, siret = DemoFixtures.ClosedSiteSiret }, // both
            new { siret = DemoFixtures.ClosedSiteSiret },
            new { siren = "9000 0001" }, // too short
            new { },
            new { siren = DemoFixtures.ActiveQualiopi }, // a repeat answers again, in its place
        ];

        var answers = (await BulkAsync(api, token, requests)).EnumerateArray().ToList();

        Assert.Equal(requests.Length, answers.Count);
        string?[] expectedErrors = [null, "INVALID_SIRET", null, null, null, "INVALID_ARGUMENTS", null, "INVALID_SIREN", "INVALID_ARGUMENTS", null];
        for (var i = 0; i < requests.Length; i++)
        {
            var answer = answers[i];
            if (expectedErrors[i] is { } code)
            {
                var error = answer.GetProperty("error");
                Assert.Equal(code, error.GetProperty("code").GetString());
                Assert.False(string.IsNullOrWhiteSpace(error.GetProperty("message").GetString()));
                Assert.False(answer.GetProperty("habilitated").GetBoolean());
                Assert.False(answer.GetProperty("edofEligible").GetBoolean());
                Assert.Equal(JsonValueKind.Null, answer.GetProperty("organism").ValueKind);
                continue;
            }
            var single = await api.QueryAsync(Single, requests[i]);
            Assert.Equal(single.GetProperty("verifyHabilitation").GetRawText(), answer.GetRawText());
        }
        // The fixtures answer as documented, so the comparison above compared something.
        Assert.True(answers[0].GetProperty("habilitated").GetBoolean());
        Assert.Equal("SUSPENDED", answers[2].GetProperty("status").GetString());
        Assert.Equal(HeadOfficeSiret, answers[3].GetProperty("site").GetProperty("siret").GetString());
        Assert.Contains(UnknownSiren, answers[4].GetProperty("reason").GetString(), StringComparison.Ordinal);
        Assert.Contains("closed", answers[6].GetProperty("reason").GetString(), StringComparison.Ordinal);
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task A_batch_answers_on_the_date_it_is_given(DatabaseProvider provider)
    {
        var api = await fixture.For(provider);
        var token = await IntegratorTokenAsync(api);
        var yesterday = DateOnly.FromDateTime(FixedClock.Default.UtcDateTime).AddDays(-1).ToString("yyyy-MM-dd");

        var answers = await BulkAsync(api, token, [new { siren = DemoFixtures.ExpiredYesterday }], on: yesterday);

        Assert.True(answers[0].GetProperty("habilitated").GetBoolean());
        Assert.Equal(yesterday, answers[0].GetProperty("checkedOn").GetString());
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task More_than_500_items_is_too_many_and_nothing_is_verified(DatabaseProvider provider)
    {
        var api = await fixture.For(provider);
        var token = await IntegratorTokenAsync(api);

        api.Sql.Reset();
        var empty = await api.PostAsAsync(token, Bulk, new { requests = Array.Empty<object>() });
        var emptyCount = api.Sql.Count;
        api.Sql.Reset();
        var response = await api.PostAsAsync(token, Bulk, new { requests = Batch(501) });

        Assert.Equal(0, empty.Data.GetProperty("verifyHabilitations").GetArrayLength());
        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Equal(["TOO_MANY_ITEMS"], response.ErrorCodes);
        Assert.Equal(JsonValueKind.Null, response.Data.ValueKind);
        Assert.Equal(emptyCount, api.Sql.Count); // not one statement more than verifying nothing
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Only_integrators_may_verify_in_bulk(DatabaseProvider provider)
    {
        var api = await fixture.For(provider);
        var variables = new { requests = new[] { new { siren = DemoFixtures.ActiveQualiopi } } };

        var anonymous = await api.PostAsync(Bulk, variables);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.Status);
        Assert.Equal(["AUTH_NOT_AUTHENTICATED"], anonymous.ErrorCodes);

        var staff = await api.PasswordAsync(DemoAccounts.Organism, DemoAccounts.Password);
        var forbidden = await api.PostAsAsync(staff.AccessToken!, Bulk, variables);
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.Status);
        Assert.Equal(["AUTH_NOT_AUTHORIZED"], forbidden.ErrorCodes);

        var admin = await api.TokenForAsync(DemoAccounts.Admin);
        Assert.Equal(1, (await BulkAsync(api, admin, variables.requests)).GetArrayLength());
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task A_batch_of_500_costs_as_many_statements_as_a_batch_of_10(DatabaseProvider provider)
    {
        var api = await fixture.For(provider);
        var token = await IntegratorTokenAsync(api); // the token request runs SQL of its own
        await BulkAsync(api, token, Batch(4)); // warms the reference data snapshot

        api.Sql.Reset();
        var small = await BulkAsync(api, token, Batch(10));
        var smallCount = api.Sql.Count;
        api.Sql.Reset();
        var large = await BulkAsync(api, token, Batch(500)); // also proves 500 answers with the full selection pass the complexity limit
        var largeCount = api.Sql.Count;

        Assert.Equal(10, small.GetArrayLength());
        Assert.Equal(500, large.GetArrayLength());
        output.WriteLine($"{provider}: 10 items cost {smallCount} statements, 500 items {largeCount}:\n{string.Join("\n---\n", api.Sql.Commands)}");
        Assert.Equal(smallCount, largeCount);
        Assert.True(largeCount <= 6, $"expected at most 6 statements, got {largeCount}:\n{string.Join("\n---\n", api.Sql.Commands)}");
    }

    /// <summary>
    /// Distinct requests of every kind, cycling: a demo fixture's SIREN, an unknown valid SIREN, a SIRET of a fixture
    /// (its head office for the first, else an unknown establishment), and a malformed SIRET.
    /// </summary>
    private static object[] Batch(int size)
    {
        string[] fixtures = [DemoFixtures.ActiveQualiopi, DemoFixtures.Suspended, DemoFixtures.Renewed, DemoFixtures.ClosedSite, DemoFixtures.NotQualiopi];
        return [.. Enumerable.Range(0, size).Select(i => (i % 4) switch
        {
            0 => (object)new { siren = fixtures[i / 4 % fixtures.Length] },
            1 => new { siren = ValidSiren(70_000_000 + i) },
            2 => new { siret = Siret.Compose(Siren.Parse(fixtures[i / 4 % fixtures.Length]), 1 + (i / 4)).Value },
            _ => new { siret = $"123{i:D5}" },
        })];
    }

    /// <summary>The valid SIREN that starts with these 8 digits.</summary>
    private static string ValidSiren(int stem)
        => Enumerable.Range(0, 10).Select(d => $"{stem:D8}{d}").First(s => Siren.TryParse(s, out _, out _));
}

using System.Net;
using System.Text.Json;
using Clea.Auth.Demo;
using Clea.Data;
using Clea.Data.Dashboard;
using Clea.Data.Persistence;
using Clea.Data.Registry;
using Clea.Data.Seeding;
using Clea.Graph.Tests.Support;
using Clea.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Clea.Graph.Tests.Dashboard;

/// <summary>Organism.activity over HTTP: who may see which organism's figures, the figures themselves, and their SQL cost.</summary>
[Collection(ApiCollection.Name)]
public sealed class OrganismActivityTests(ApiFixture fixture)
{
    private const string Activity = """
        query($siren: String!, $from: Date!, $to: Date!, $certification: CertificationCode, $site: String) {
          organism(siren: $siren) {
            name
            activity(from: $from, to: $to, certification: $certification, site: $site) {
              from to certification registrations priorEvaluations finalEvaluations certified priorEvaluatedAndCertified
              successRate medianDaysToCertificate feesNotInvoiced
              monthly { month registrations priorEvaluations finalEvaluations certified }
            }
          }
        }
        """;

    private static readonly DateOnly Today = Clea.Data.Common.LegalClock.Today(new FixedClock());

    private static object Variables(string siren, DateOnly? from = null, string? certification = null, string? site = null)
        => new { siren, from = (from ?? Today.AddYears(-3)).ToString("yyyy-MM-dd"), to = Today.ToString("yyyy-MM-dd"), certification, site };

    [Theory]
    [InlineData(DatabaseProvider.Sqlite, DemoAccounts.Organism, DemoFixtures.ActiveQualiopi, true)]
    [InlineData(DatabaseProvider.Postgres, DemoAccounts.Organism, DemoFixtures.ActiveQualiopi, true)]
    [InlineData(DatabaseProvider.Sqlite, DemoAccounts.Organism, DemoFixtures.RichDashboard, false)]
    [InlineData(DatabaseProvider.Postgres, DemoAccounts.Organism, DemoFixtures.RichDashboard, false)]
    [InlineData(DatabaseProvider.Sqlite, DemoAccounts.Organism2, DemoFixtures.ActiveQualiopi, false)]
    [InlineData(DatabaseProvider.Sqlite, DemoAccounts.CertifPro, DemoFixtures.RichDashboard, true)]
    [InlineData(DatabaseProvider.Postgres, DemoAccounts.CertifPro, DemoFixtures.RichDashboard, true)]
    [InlineData(DatabaseProvider.Sqlite, DemoAccounts.Cpne, DemoFixtures.CpneScoped, true)]
    [InlineData(DatabaseProvider.Postgres, DemoAccounts.Cpne, DemoFixtures.CpneScoped, true)]
    [InlineData(DatabaseProvider.Sqlite, DemoAccounts.Cpne, DemoFixtures.RichDashboard, false)]
    [InlineData(DatabaseProvider.Postgres, DemoAccounts.Cpne, DemoFixtures.RichDashboard, false)]
    [InlineData(DatabaseProvider.Sqlite, DemoAccounts.Admin, DemoFixtures.RichDashboard, true)]
    [InlineData(DatabaseProvider.Postgres, DemoAccounts.Admin, DemoFixtures.Withdrawn, true)]
    public async Task Each_caller_sees_the_activity_of_the_organisms_in_its_scope_and_only_those(DatabaseProvider provider, string user, string siren, bool visible)
    {
        var api = await fixture.For(provider);
        var response = await api.AsAsync(user, Activity, Variables(siren));
        Assert.Equal(HttpStatusCode.OK, response.Status);
        var organism = response.Data.GetProperty("organism");
        Assert.False(string.IsNullOrEmpty(organism.GetProperty("name").GetString()));
        if (visible)
        {
            Assert.False(response.HasErrors, response.Body);
            Assert.Equal(37, organism.GetProperty("activity").GetProperty("monthly").GetArrayLength());
        }
        else
        {
            Assert.Equal(JsonValueKind.Null, organism.GetProperty("activity").ValueKind);
            Assert.Equal(["AUTH_NOT_AUTHORIZED"], response.ErrorCodes);
        }
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite, null, HttpStatusCode.Unauthorized, "AUTH_NOT_AUTHENTICATED")]
    [InlineData(DatabaseProvider.Postgres, null, HttpStatusCode.Unauthorized, "AUTH_NOT_AUTHENTICATED")]
    [InlineData(DatabaseProvider.Sqlite, DemoAccounts.Auditor, HttpStatusCode.Forbidden, "AUTH_NOT_AUTHORIZED")]
    [InlineData(DatabaseProvider.Postgres, DemoAccounts.Auditor, HttpStatusCode.Forbidden, "AUTH_NOT_AUTHORIZED")]
    public async Task The_public_and_auditors_cannot_ask_for_the_dashboard_at_all(DatabaseProvider provider, string? user, HttpStatusCode status, string code)
    {
        var api = await fixture.For(provider);
        var response = await api.AsAsync(user, Activity, Variables(DemoFixtures.Suspended));
        Assert.Equal(status, response.Status);
        Assert.Contains(code, response.ErrorCodes);
        Assert.False(response.Json.TryGetProperty("data", out _));
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task The_figures_over_http_are_those_of_the_aggregate_query_for_the_whole_organism_a_certification_and_a_site(DatabaseProvider provider)
    {
        var api = await fixture.For(provider);
        await using var scope = api.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CleaDbContext>();
        var organism = await db.Organisms.Include(o => o.Sites).SingleAsync(o => o.Siren == Siren.Parse(DemoFixtures.RichDashboard));
        var from = Today.AddYears(-3);
        var site = organism.Sites.Single(s => s.HeadOffice);

        foreach (var (certification, siteId, siret) in new[] { ((string?)null, (int?)null, (string?)null), ("CLEA_NUMERIQUE", null, null), (null, site.Id, site.Siret.Value) })
        {
            var response = await api.AsAsync(DemoAccounts.CertifPro, Activity, Variables(DemoFixtures.RichDashboard, from, certification, siret));
            Assert.False(response.HasErrors, response.Body);
            var activity = response.Data.GetProperty("organism").GetProperty("activity");
            var expected = await OrganismActivityQuery.ComputeAsync(db, organism.Id, new ActivityFilter(ActivityPeriod.Create(from, Today),
                certification is null ? null : Clea.Data.Referentials.CertificationCode.CleaNumerique, siteId));

            Assert.True(expected.Certified > 100, expected.ToString());
            Assert.Equal(expected.Registrations, activity.GetProperty("registrations").GetInt32());
            Assert.Equal(expected.PriorEvaluations, activity.GetProperty("priorEvaluations").GetInt32());
            Assert.Equal(expected.FinalEvaluations, activity.GetProperty("finalEvaluations").GetInt32());
            Assert.Equal(expected.Certified, activity.GetProperty("certified").GetInt32());
            Assert.Equal(expected.PriorEvaluatedAndCertified, activity.GetProperty("priorEvaluatedAndCertified").GetInt32());
            Assert.Equal(expected.SuccessRate!.Value, activity.GetProperty("successRate").GetDouble(), 9);
            Assert.Equal(expected.MedianDaysToCertificate!.Value, activity.GetProperty("medianDaysToCertificate").GetDouble());
            Assert.Equal(expected.FeesNotInvoiced, activity.GetProperty("feesNotInvoiced").GetDecimal());
            var monthly = activity.GetProperty("monthly").EnumerateArray().ToList();
            Assert.Equal(expected.Monthly.Select(m => m.Month.ToString("yyyy-MM")), monthly.Select(m => m.GetProperty("month").GetString()));
            Assert.Equal(expected.Monthly.Select(m => m.Certified), monthly.Select(m => m.GetProperty("certified").GetInt32()));
            Assert.Equal(expected.Certified, monthly.Sum(m => m.GetProperty("certified").GetInt32()));
        }
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task A_reversed_period_a_foreign_site_and_a_malformed_siret_are_refused_with_their_codes(DatabaseProvider provider)
    {
        var api = await fixture.For(provider);
        var reversed = await api.AsAsync(DemoAccounts.Admin, Activity,
            new { siren = DemoFixtures.RichDashboard, from = Today.ToString("yyyy-MM-dd"), to = Today.AddDays(-1).ToString("yyyy-MM-dd") });
        Assert.Equal(["INVALID_PERIOD"], reversed.ErrorCodes);
        var tooLong = await api.AsAsync(DemoAccounts.Admin, Activity,
            new { siren = DemoFixtures.RichDashboard, from = Today.AddYears(-10).ToString("yyyy-MM-dd"), to = Today.ToString("yyyy-MM-dd") });
        Assert.Equal(["INVALID_PERIOD"], tooLong.ErrorCodes);
        var foreign = await api.AsAsync(DemoAccounts.Admin, Activity, Variables(DemoFixtures.RichDashboard, site: DemoFixtures.ClosedSiteSiret));
        Assert.Equal(["SITE_NOT_LISTED"], foreign.ErrorCodes);
        var malformed = await api.AsAsync(DemoAccounts.Admin, Activity, Variables(DemoFixtures.RichDashboard, site: "90000001900011"));
        Assert.Equal(["INVALID_SIRET"], malformed.ErrorCodes);
        Assert.Equal(JsonValueKind.Null, malformed.Data.GetProperty("organism").GetProperty("activity").ValueKind);
    }

    private const string Page = """
        query($first: Int, $from: Date!, $to: Date!) {
          organisms(where: { status: null, anyStatus: true }, first: $first) {
            nodes { siren activity(from: $from, to: $to) { registrations certified successRate medianDaysToCertificate feesNotInvoiced monthly { month certified } } }
          }
        }
        """;

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task The_activity_of_100_organisms_costs_as_many_statements_as_that_of_10(DatabaseProvider provider)
    {
        var api = await fixture.For(provider);
        var token = await api.TokenForAsync(DemoAccounts.CertifPro);
        var period = new { from = Today.AddYears(-3).ToString("yyyy-MM-dd"), to = Today.ToString("yyyy-MM-dd") };
        await api.PostAsAsync(token, Page, new { first = 1, period.from, period.to }); // warms the reference data snapshot

        api.Sql.Reset();
        var small = await api.PostAsAsync(token, Page, new { first = 10, period.from, period.to });
        var smallCount = api.Sql.Count;
        api.Sql.Reset();
        var large = await api.PostAsAsync(token, Page, new { first = 100, period.from, period.to });
        var largeCount = api.Sql.Count;

        Assert.False(small.HasErrors, small.Body);
        Assert.False(large.HasErrors, large.Body);
        Assert.Equal(100, large.Data.GetProperty("organisms").GetProperty("nodes").GetArrayLength());
        Assert.Contains(large.Data.GetProperty("organisms").GetProperty("nodes").EnumerateArray(),
            n => n.GetProperty("activity").GetProperty("certified").GetInt32() > 0);
        Assert.Equal(smallCount, largeCount);
        // The page (organisms and their count) plus the seven aggregates of the dashboard.
        Assert.True(largeCount <= 10, $"expected at most 10 statements, got {largeCount}:\n{string.Join("\n---\n", api.Sql.Commands)}");
    }
}

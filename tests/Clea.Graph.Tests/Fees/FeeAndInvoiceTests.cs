using Clea.Auth.Demo;
using Clea.Data;
using Clea.Data.Fees;
using Clea.Data.Persistence;
using Clea.Data.Seeding;
using Clea.Graph.Tests.Habilitations;
using Clea.Graph.Tests.Support;
using Clea.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Clea.Graph.Tests.Fees;

/// <summary>The fee grid by year, site fees, quarterly invoices, overdue invoices and payments.</summary>
public sealed class FeeAndInvoiceTests
{
    private const string Issue = "mutation($year: Int!, $quarter: Int!) { issueInvoices(year: $year, quarter: $quarter) { number organism { siren } total issuedOn dueOn lines { kind amount sourceKey } } }";
    private const string Invoices = "query($overdue: Boolean) { invoices(overdue: $overdue, first: 100) { totalCount nodes { number total dueOn paidOn overdue organism { siren } } } }";

    private static async Task AccrueSiteFeesAsync(CleaApi api, int year)
    {
        await using var scope = api.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CleaDbContext>();
        await Billing.AccrueSiteFeesAsync(db, year, api.Today());
        await db.SaveChangesAsync();
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Administrators_set_a_years_grid_and_each_year_keeps_its_own_amounts(DatabaseProvider provider)
    {
        await using var api = await CleaApi.StartAsync(provider);
        const string Set = "mutation($amounts: [FeeAmountInput!]!) { setFeeGrid(year: 2027, amounts: $amounts) { kind certification fromYear amount } }";
        var amounts = new object[] { new { kind = "SITE_YEARLY", certification = "CLEA_NUMERIQUE", amount = 35.0m }, new { kind = "APPLICATION", amount = 340m } };
        Assert.Equal(["AUTH_NOT_AUTHORIZED"], (await api.AsAsync(DemoAccounts.CertifPro, Set, new { amounts })).ErrorCodes);
        Assert.Equal(["INVALID_FEE_TARIFF"], (await api.AsAsync(DemoAccounts.Admin, Set, new { amounts = new object[] { new { kind = "APPLICATION", certification = "CLEA_SOCLE", amount = 1m } } })).ErrorCodes);
        Assert.Equal(["INVALID_FEE_TARIFF"], (await api.AsAsync(DemoAccounts.Admin, Set, new { amounts = new object[] { new { kind = "CERTIFICATE", certification = "CLEA_SOCLE", amount = 1.234m } } })).ErrorCodes);

        var set = await api.AsAsync(DemoAccounts.Admin, Set, new { amounts });
        Assert.False(set.HasErrors, set.Body);
        const string Grid = "query($year: Int!) { feeTariffs(year: $year) { kind certification fromYear amount } }";
        var grid2026 = (await api.QueryAsync(Grid, new { year = 2026 })).GetProperty("feeTariffs").EnumerateArray().ToList();
        var grid2027 = (await api.QueryAsync(Grid, new { year = 2027 })).GetProperty("feeTariffs").EnumerateArray().ToList();
        decimal Amount(List<System.Text.Json.JsonElement> grid, string kind, string? certification)
            => grid.Single(t => t.GetProperty("kind").GetString() == kind && (t.GetProperty("certification").ValueKind == System.Text.Json.JsonValueKind.Null ? null : t.GetProperty("certification").GetString()) == certification).GetProperty("amount").GetDecimal();
        Assert.Equal(33m, Amount(grid2026, "SITE_YEARLY", "CLEA_NUMERIQUE"));
        Assert.Equal(35m, Amount(grid2027, "SITE_YEARLY", "CLEA_NUMERIQUE"));
        Assert.Equal(55m, Amount(grid2027, "SITE_YEARLY", "CLEA_SOCLE"));
        Assert.Equal(340m, Amount(grid2027, "APPLICATION", null));
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task A_quarter_is_invoiced_once_per_organism_seen_by_its_organism_listed_overdue_after_45_days_and_marked_paid(DatabaseProvider provider)
    {
        await using var api = await CleaApi.StartAsync(provider);
        await AccrueSiteFeesAsync(api, 2026);
        await AccrueSiteFeesAsync(api, 2026);
        var certifPro = await api.TokenForAsync(DemoAccounts.CertifPro);
        var before = await api.CountRowsAsync();
        Assert.Equal(["QUARTER_NOT_ENDED"], (await api.PostAsAsync(certifPro, Issue, new { year = 2026, quarter = 4 })).ErrorCodes);
        Assert.Equal(["INVALID_QUARTER"], (await api.PostAsAsync(certifPro, Issue, new { year = 2026, quarter = 5 })).ErrorCodes);
        Assert.Equal(["AUTH_NOT_AUTHORIZED"], (await api.AsAsync(DemoAccounts.Cpne, Issue, new { year = 2026, quarter = 3 })).ErrorCodes);
        Assert.Equal(["AUTH_NOT_AUTHORIZED"], (await api.AsAsync(DemoAccounts.Organism, Issue, new { year = 2026, quarter = 3 })).ErrorCodes);
        Assert.Equal(before, await api.CountRowsAsync());

        var issued = await api.PostAsAsync(certifPro, Issue, new { year = 2026, quarter = 3 });
        Assert.False(issued.HasErrors, issued.Body);
        var invoices = issued.Data.GetProperty("issueInvoices").EnumerateArray().ToList();
        var mine = invoices.Single(i => i.GetProperty("organism").GetProperty("siren").GetString() == DemoFixtures.ActiveQualiopi);
        Assert.Equal($"2026-T3-{DemoFixtures.ActiveQualiopi}", mine.GetProperty("number").GetString());
        Assert.Equal("2026-11-24", mine.GetProperty("issuedOn").GetString());
        Assert.Equal("2027-01-08", mine.GetProperty("dueOn").GetString());
        var line = Assert.Single(mine.GetProperty("lines").EnumerateArray());
        Assert.Equal("SITE_YEARLY", line.GetProperty("kind").GetString());
        Assert.Equal(33m, line.GetProperty("amount").GetDecimal());
        Assert.Equal(33m, mine.GetProperty("total").GetDecimal());
        Assert.Empty((await api.PostAsAsync(certifPro, Issue, new { year = 2026, quarter = 3 })).Data.GetProperty("issueInvoices").EnumerateArray());

        // The organism sees its own invoices and fee lines only.
        var own = (await api.AsAsync(DemoAccounts.Organism, Invoices, new { overdue = (bool?)null })).Data.GetProperty("invoices");
        Assert.Equal(DemoFixtures.ActiveQualiopi, Assert.Single(own.GetProperty("nodes").EnumerateArray()).GetProperty("organism").GetProperty("siren").GetString());
        var feeLines = await api.AsAsync(DemoAccounts.Organism, "query { feeLines(first: 100) { nodes { organism { siren } invoiceId } } }");
        Assert.False(feeLines.HasErrors, feeLines.Body);
        var lines = feeLines.Data.GetProperty("feeLines").GetProperty("nodes").EnumerateArray().ToList();
        Assert.NotEmpty(lines);
        Assert.All(lines, l => Assert.Equal(DemoFixtures.ActiveQualiopi, l.GetProperty("organism").GetProperty("siren").GetString()));
        Assert.Equal(["AUTH_NOT_AUTHENTICATED"], (await api.PostAsync(Invoices, new { overdue = (bool?)null })).ErrorCodes);

        // Overdue from the 46th day; paid once. (Tokens are asked again: moving the clock expires them.)
        api.MoveTo(new DateOnly(2027, 1, 8));
        Assert.Equal(0, (await api.AsAsync(DemoAccounts.CertifPro, Invoices, new { overdue = true })).Data.GetProperty("invoices").GetProperty("totalCount").GetInt32());
        api.MoveTo(new DateOnly(2027, 1, 9));
        var overdue = (await api.AsAsync(DemoAccounts.CertifPro, Invoices, new { overdue = true })).Data.GetProperty("invoices");
        Assert.Equal(invoices.Count, overdue.GetProperty("totalCount").GetInt32());
        const string Pay = "mutation($number: String!) { markInvoicePaid(number: $number, paidOn: \"2027-01-09\") { paidOn overdue } }";
        var number = mine.GetProperty("number").GetString();
        Assert.Equal(["AUTH_NOT_AUTHORIZED"], (await api.AsAsync(DemoAccounts.Organism, Pay, new { number })).ErrorCodes);
        Assert.Equal(["INVOICE_NOT_FOUND"], (await api.AsAsync(DemoAccounts.CertifPro, Pay, new { number = "2026-T3-000000000" })).ErrorCodes);
        var paid = await api.AsAsync(DemoAccounts.CertifPro, Pay, new { number });
        Assert.False(paid.Data.GetProperty("markInvoicePaid").GetProperty("overdue").GetBoolean());
        Assert.Equal(["INVOICE_ALREADY_PAID"], (await api.AsAsync(DemoAccounts.CertifPro, Pay, new { number })).ErrorCodes);
        Assert.Equal(invoices.Count - 1, (await api.AsAsync(DemoAccounts.CertifPro, Invoices, new { overdue = true })).Data.GetProperty("invoices").GetProperty("totalCount").GetInt32());
    }
}

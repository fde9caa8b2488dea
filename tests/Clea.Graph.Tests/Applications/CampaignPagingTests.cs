using Clea.Data.Persistence;
using Clea.Graph.Tests.Support;
using Clea.Testing;

namespace Clea.Graph.Tests.Applications;

/// <summary><c>campaigns</c> is a paged connection like every other list (it used to cut silently at 100).</summary>
public sealed class CampaignPagingTests
{
    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Campaigns_are_paged_newest_first_with_cursors_and_a_total(DatabaseProvider provider)
    {
        await using var api = await CleaApi.StartAsync(provider);
        var staff = await api.CertifProAsync();
        foreach (var (code, opens) in new[] { ("CP-A", "2026-12-01"), ("CP-B", "2027-01-04"), ("CP-C", "2027-02-01") })
            await api.OkAsync(staff, ApplicationApi.CreateCampaign, new { input = new { certification = "CLEA_SOCLE", code, name = code, opensOn = opens, closesOn = "2027-06-30", meetingDates = new[] { "2027-07-15" } } });
        const string Query = "query($after: String) { campaigns(certification: CLEA_SOCLE, openOn: \"2027-02-15\", first: 1, after: $after) { totalCount pageInfo { hasNextPage endCursor } nodes { code opensOn } } }";
        var first = (await api.QueryAsync(Query, new { after = (string?)null })).GetProperty("campaigns");
        var total = first.GetProperty("totalCount").GetInt32();
        Assert.Equal(3, total);
        Assert.True(first.GetProperty("pageInfo").GetProperty("hasNextPage").GetBoolean());
        var second = (await api.QueryAsync(Query, new { after = first.GetProperty("pageInfo").GetProperty("endCursor").GetString() })).GetProperty("campaigns");
        var a = Assert.Single(first.GetProperty("nodes").EnumerateArray());
        var b = Assert.Single(second.GetProperty("nodes").EnumerateArray());
        Assert.Equal(("CP-C", "CP-B"), (a.GetProperty("code").GetString(), b.GetProperty("code").GetString()));
        Assert.Equal("PAGE_SIZE_OUT_OF_RANGE", Assert.Single((await api.PostAsync("{ campaigns(first: 101) { totalCount } }")).ErrorCodes));
    }
}

using Clea.Data.Persistence;
using Clea.Data.Seeding;
using Clea.Graph.Tests.Support;
using Clea.Testing;
using static Clea.Graph.Tests.Applications.ApplicationApi;

namespace Clea.Graph.Tests.Applications;

/// <summary>
/// N §III.5: a refused candidate re-applies "dès la campagne d'habilitation suivante" of that Instance and certification.
/// A real file is refused in campaign A; filing again in A (still open), or in a campaign that opened the same day as A,
/// is refused with its code and changes nothing; the next campaign (opened after A) accepts the file.
/// </summary>
public sealed class ReapplicationTests
{
    private const string Counts = "query($siren: String!) { applications(first: 10) { totalCount } feeLines(siren: $siren, first: 50) { totalCount } organism(siren: $siren) { habilitations(certification: CLEA_MANAGEMENT) { status } } }";

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task A_refused_candidate_cannot_refile_in_the_same_campaign_and_files_in_the_next_one(DatabaseProvider provider)
    {
        await using var api = await CleaApi.StartAsync(provider);
        var staff = await api.CertifProAsync();
        var organism = await api.OrganismAsync();
        // A stays open after its meeting; SAME opened the same day as A (not a later campaign); NEXT opens after A.
        await api.OkAsync(staff, CreateCampaign, new { input = CampaignInput("CP-MGT-A", "2026-11-24", "2027-03-31", "2027-02-18") });
        await api.OkAsync(staff, CreateCampaign, new { input = CampaignInput("CP-MGT-SAME", "2026-11-24", "2027-03-31", "2027-03-25") });
        await api.OkAsync(staff, CreateCampaign, new { input = CampaignInput("CP-MGT-NEXT", "2026-11-25", "2027-06-30", "2027-09-02") });
        await api.OkAsync(organism, "mutation { updateOrganismContacts(mainContact: { name: \"Anne Martin\", email: \"anne.martin@formationplus.fr\" }) { siren } }");
        foreach (var year in new[] { 2023, 2024, 2025 })
            await api.OkAsync(organism, "mutation($y: Int!) { declareTurnover(year: $y, amountEuros: 250000) { siren } }", new { y = year });

        var id = (await api.OkAsync(organism, FileApplication, new { input = await FileInputAsync(api, "CP-MGT-A") })).GetProperty("fileApplication").GetProperty("id").GetString();
        await api.OkAsync(staff, MarkComplete, new { id });
        api.Clock.Set(At("2027-02-10"));
        await api.OkAsync(await api.CertifProAsync(), GiveOpinion, new { id, meetingOn = "2027-02-18", verdicts = Verdicts(met: false) });
        api.Clock.Set(At("2027-02-18"));
        await api.OkAsync(await api.CertifProAsync(), Decide, new { id, meetingOn = "2027-02-18", accept = false, reasons = Verdicts(met: false) });

        // 19 Feb 2027, A still open: re-filing in A, or in a campaign that opened the same day, is refused; nothing changes.
        api.Clock.Set(At("2027-02-19"));
        organism = await api.OrganismAsync();
        var before = (await api.OkAsync(organism, Counts, new { siren = DemoFixtures.ActiveQualiopi })).GetRawText();
        foreach (var campaign in new[] { "CP-MGT-A", "CP-MGT-SAME" })
        {
            var again = await api.PostAsAsync(organism, FileApplication, new { input = await FileInputAsync(api, campaign) });
            Assert.Equal(["REAPPLY_FROM_NEXT_CAMPAIGN"], again.ErrorCodes);
            Assert.Contains("CP-MGT-A", again.Errors[0].GetProperty("message").GetString(), StringComparison.Ordinal);
        }
        var after = await api.OkAsync(organism, Counts, new { siren = DemoFixtures.ActiveQualiopi });
        Assert.Equal(before, after.GetRawText());
        Assert.Equal(1, after.GetProperty("applications").GetProperty("totalCount").GetInt32());
        Assert.Equal("REFUSED", Assert.Single(after.GetProperty("organism").GetProperty("habilitations").EnumerateArray()).GetProperty("status").GetString());

        // The next campaign of the same Instance and certification accepts the new file (its own receipt and fee).
        var next = (await api.OkAsync(organism, FileApplication, new { input = await FileInputAsync(api, "CP-MGT-NEXT") })).GetProperty("fileApplication");
        Assert.Equal("CP-MGT-NEXT-0001", next.GetProperty("receiptNumber").GetString());
        Assert.Equal("FILED", next.GetProperty("status").GetString());
        var now = await api.OkAsync(organism, Counts, new { siren = DemoFixtures.ActiveQualiopi });
        Assert.Equal(2, now.GetProperty("applications").GetProperty("totalCount").GetInt32());
        Assert.Equal(after.GetProperty("feeLines").GetProperty("totalCount").GetInt32() + 1, now.GetProperty("feeLines").GetProperty("totalCount").GetInt32());
    }
}

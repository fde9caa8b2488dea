using System.Net;
using Clea.Auth.Demo;
using Clea.Data.Persistence;
using Clea.Data.Registry;
using Clea.Data.Seeding;
using Clea.Graph.Tests.Support;
using Clea.Testing;
using static Clea.Graph.Tests.Applications.ApplicationApi;

namespace Clea.Graph.Tests.Applications;

/// <summary>Who may file and instruct, and every illegal transition refused with its code, changing nothing.</summary>
public sealed class ApplicationMutationTests
{

    private static object CampaignInput(string code = "CP-MGT-2027", string opensOn = "2026-11-24") => new
    {
        certification = "CLEA_MANAGEMENT", code, name = "Campagne 2027", opensOn, closesOn = "2027-01-29", meetingDates = new[] { "2027-02-18" },
    };

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Only_organism_staff_file_and_only_the_campaigns_instance_or_an_administrator_instructs(DatabaseProvider provider)
    {
        await using var api = await CleaApi.StartAsync(provider);
        var staff = await api.CertifProAsync();
        var organism = await api.OrganismAsync();
        await api.OkAsync(staff, CreateCampaign, new { input = CampaignInput() });
        var input = await FileInputAsync(api, "CP-MGT-2027");

        var anonymous = await api.PostAsync(FileApplication, new { input });
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.Status);
        foreach (var user in new[] { DemoAccounts.CertifPro, DemoAccounts.Admin, DemoAccounts.Auditor })
            Assert.Equal(HttpStatusCode.Forbidden, (await api.AsAsync(user, FileApplication, new { input })).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await api.PostAsAsync(organism, CreateCampaign, new { input = CampaignInput("X-1") })).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await api.AsAsync(DemoAccounts.Auditor, "{ applications { totalCount } }")).Status);

        var id = (await api.OkAsync(organism, FileApplication, new { input })).GetProperty("fileApplication").GetProperty("id").GetString();
        Assert.Equal(HttpStatusCode.Forbidden, (await api.PostAsAsync(organism, RequestInformation, new { id, items = "?" })).Status);

        // A CPNE's staff do not act on Certif Pro's files; nothing changes.
        var cpne = await api.TokenForAsync(DemoAccounts.Cpne);
        Assert.Equal(["AUTH_NOT_AUTHORIZED"], (await api.PostAsAsync(cpne, RequestInformation, new { id, items = "?" })).ErrorCodes);
        Assert.Equal(["AUTH_NOT_AUTHORIZED"], (await api.PostAsAsync(cpne, ScheduleMeeting, new { campaign = "CP-MGT-2027", on = "2027-03-25" })).ErrorCodes);
        Assert.Equal("FILED", (await api.OkAsync(staff, ReadApplication, new { id })).GetProperty("application").GetProperty("status").GetString());

        // Each sees its own files: the organism and Certif Pro this one, another organism and the CPNE none; an administrator all.
        const string List = "{ applications(first: 10) { totalCount nodes { receiptNumber } } }";
        Assert.Equal(1, (await api.OkAsync(organism, List)).GetProperty("applications").GetProperty("totalCount").GetInt32());
        Assert.Equal(1, (await api.OkAsync(staff, List)).GetProperty("applications").GetProperty("totalCount").GetInt32());
        Assert.Equal(0, (await api.OkAsync(cpne, List)).GetProperty("applications").GetProperty("totalCount").GetInt32());
        Assert.Equal(1, (await api.OkAsync(await api.TokenForAsync(DemoAccounts.Admin), List)).GetProperty("applications").GetProperty("totalCount").GetInt32());
        var other = await api.TokenForAsync(DemoAccounts.Organism2);
        Assert.Equal(0, (await api.OkAsync(other, List)).GetProperty("applications").GetProperty("totalCount").GetInt32());
        Assert.Equal(["APPLICATION_NOT_FOUND"], (await api.PostAsAsync(other, ReadApplication, new { id })).ErrorCodes);
        Assert.Equal(["APPLICATION_NOT_FOUND"], (await api.PostAsAsync(other, FileAppeal, new { id, grounds = "x" })).ErrorCodes);

        // An administrator instructs any file.
        var admin = await api.TokenForAsync(DemoAccounts.Admin);
        Assert.Equal("INFORMATION_REQUESTED", (await api.OkAsync(admin, RequestInformation, new { id, items = "Contacts." })).GetProperty("requestInformation").GetProperty("status").GetString());
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Filing_outside_a_campaign_or_with_another_sirens_site_is_refused_and_changes_nothing(DatabaseProvider provider)
    {
        await using var api = await CleaApi.StartAsync(provider);
        var staff = await api.CertifProAsync();
        var organism = await api.OrganismAsync();
        await api.OkAsync(staff, CreateCampaign, new { input = CampaignInput("CP-LATER", opensOn: "2026-12-01") });
        Assert.Equal(["CAMPAIGN_CODE_TAKEN"], (await api.PostAsAsync(staff, CreateCampaign, new { input = CampaignInput("CP-LATER") })).ErrorCodes);
        Assert.Equal(["INVALID_CAMPAIGN"], (await api.PostAsAsync(staff, CreateCampaign, new { input = CampaignInput("CP-BAD", opensOn: "2027-02-01") })).ErrorCodes);

        var closed = await api.PostAsAsync(organism, FileApplication, new { input = await FileInputAsync(api, "CP-LATER") });
        Assert.Equal(["CAMPAIGN_CLOSED"], closed.ErrorCodes);
        Assert.Contains("2026-12-01", closed.Errors[0].GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal(["CAMPAIGN_NOT_FOUND"], (await api.PostAsAsync(organism, FileApplication, new { input = await FileInputAsync(api, "NOPE") })).ErrorCodes);

        await api.OkAsync(staff, CreateCampaign, new { input = CampaignInput() });
        var foreignSite = Siret.Compose(Siren.Parse(DemoFixtures.NotQualiopi), 9).Value;
        var input = new
        {
            campaign = "CP-MGT-2027", scope = "TRAIN_AND_EVALUATE",
            candidates = new[] { new { siren = DemoFixtures.ActiveQualiopi, sites = new[] { new { siret = foreignSite, name = "Orléans", postalCode = "45000", city = "Orléans", department = "45" } } } },
            technical = new { modalities = Array.Empty<object>() },
        };
        Assert.Equal(["SITE_OF_ANOTHER_SIREN"], (await api.PostAsAsync(organism, FileApplication, new { input })).ErrorCodes);
        var evaluateOnly = new { campaign = "CP-MGT-2027", scope = "EVALUATE", technical = new { modalities = Array.Empty<object>() } };
        Assert.Equal(["SCOPE_NOT_ALLOWED"], (await api.PostAsAsync(organism, FileApplication, new { input = evaluateOnly })).ErrorCodes);
        var network = new { campaign = "CP-MGT-2027", scope = "TRAIN_AND_EVALUATE", kind = "NETWORK", candidates = new[] { new { siren = DemoFixtures.ActiveQualiopi } }, technical = new { modalities = Array.Empty<object>() } };
        Assert.Equal(["NETWORK_NEEDS_SEVERAL_CANDIDATES"], (await api.PostAsAsync(organism, FileApplication, new { input = network })).ErrorCodes);

        Assert.Equal(0, (await api.OkAsync(organism, "{ applications { totalCount } }")).GetProperty("applications").GetProperty("totalCount").GetInt32());
        var registry = await api.QueryAsync("query($s: String!) { organism(siren: $s) { habilitations(certification: CLEA_MANAGEMENT) { status } } }", new { s = DemoFixtures.ActiveQualiopi });
        Assert.Empty(registry.GetProperty("organism").GetProperty("habilitations").EnumerateArray());
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Instruction_deadlines_and_illegal_transitions_are_refused_with_their_code_and_change_nothing(DatabaseProvider provider)
    {
        await using var api = await CleaApi.StartAsync(provider);
        var staff = await api.CertifProAsync();
        var organism = await api.OrganismAsync();
        await api.OkAsync(staff, CreateCampaign, new { input = CampaignInput() });
        await api.OkAsync(organism, "mutation { updateOrganismContacts(mainContact: { name: \"Anne Martin\", email: \"anne@formationplus.fr\" }) { siren } }");
        foreach (var year in new[] { 2023, 2024, 2025 })
            await api.OkAsync(organism, "mutation($y: Int!) { declareTurnover(year: $y, amountEuros: 1000) { siren } }", new { y = year });
        var id = (await api.OkAsync(organism, FileApplication, new { input = await FileInputAsync(api, "CP-MGT-2027") })).GetProperty("fileApplication").GetProperty("id").GetString();

        async Task MoveTo(string date)
        {
            api.Clock.Set(At(date));
            (staff, organism) = (await api.CertifProAsync(), await api.OrganismAsync());
        }

        async Task Refused(string token, string query, object variables, string code, string status)
        {
            Assert.Equal([code], (await api.PostAsAsync(token, query, variables)).ErrorCodes);
            Assert.Equal(status, (await api.OkAsync(staff, ReadApplication, new { id })).GetProperty("application").GetProperty("status").GetString());
        }

        await Refused(staff, Decide, new { id, meetingOn = "2027-02-18", accept = true }, "APPLICATION_NOT_INSTRUCTED", "FILED");
        await Refused(staff, GiveOpinion, new { id, meetingOn = "2027-02-18", verdicts = Verdicts() }, "APPLICATION_NOT_COMPLETE", "FILED");
        await Refused(organism, Answer, new { id, answer = "?" }, "NO_OPEN_INFORMATION_REQUEST", "FILED");
        await Refused(organism, FileAppeal, new { id, grounds = "?" }, "APPEAL_NOT_ALLOWED", "FILED");
        await api.OkAsync(staff, MarkComplete, new { id });
        await Refused(staff, GiveOpinion, new { id, meetingOn = "2027-02-19", verdicts = Verdicts() }, "UNKNOWN_MEETING", "COMPLETE");
        await Refused(staff, GiveOpinion, new { id, meetingOn = "2027-02-18", verdicts = Verdicts().Skip(1) }, "OPINION_CRITERIA_MISSING", "COMPLETE");

        // 4 Feb 2027: a hearing on 15 Feb needed its convocation by 3 Feb.
        await MoveTo("2027-02-04");
        await Refused(staff, ScheduleHearing, new { id, hearingOn = "2027-02-15" }, "CONVOCATION_TOO_LATE", "COMPLETE");
        // 12 Feb 2027: the opinion for 18 Feb was due by 11 Feb.
        await MoveTo("2027-02-12");
        await Refused(staff, GiveOpinion, new { id, meetingOn = "2027-02-18", verdicts = Verdicts() }, "OPINION_TOO_LATE", "COMPLETE");
        await MoveTo("2027-02-11");
        await api.OkAsync(staff, GiveOpinion, new { id, meetingOn = "2027-02-18", verdicts = Verdicts(met: false) });
        await Refused(staff, Decide, new { id, meetingOn = "2027-02-18", accept = false, reasons = Verdicts() }, "MEETING_NOT_HELD", "INSTRUCTED");

        // 19 Mar 2027: the refusal decided on 18 Feb is notified only now: kept, with a warning (due by 18 Mar).
        await MoveTo("2027-03-19");
        await Refused(staff, Decide, new { id, meetingOn = "2027-02-18", accept = false, reasons = Verdicts() }, "REFUSAL_REASONS_REQUIRED", "INSTRUCTED");
        var decided = (await api.OkAsync(staff, Decide, new { id, meetingOn = "2027-02-18", accept = false, reasons = Verdicts(met: false) })).GetProperty("decide");
        Assert.Contains("2027-03-18", decided.GetProperty("warning").GetString(), StringComparison.Ordinal);
        Assert.Equal(decided.GetProperty("warning").GetString(), decided.GetProperty("application").GetProperty("decision").GetProperty("warning").GetString());
        await Refused(staff, Decide, new { id, meetingOn = "2027-02-18", accept = true }, "APPLICATION_ALREADY_DECIDED", "REFUSED");
        await Refused(staff, AcknowledgeAppeal, new { id }, "NO_APPEAL", "REFUSED");

        // The appeal window closes 30 working days after 19 March (Easter Monday 29 March skipped): 3 May.
        await MoveTo("2027-05-04");
        await Refused(organism, FileAppeal, new { id, grounds = "Nos évaluateurs sont qualifiés." }, "APPEAL_DEADLINE_PASSED", "REFUSED");
        await MoveTo("2027-05-03");
        await api.OkAsync(organism, FileAppeal, new { id, grounds = "Nos évaluateurs sont qualifiés." });
        await Refused(organism, FileAppeal, new { id, grounds = "Encore." }, "APPEAL_ALREADY_FILED", "REFUSED");
        await Refused(staff, DecideAppeal, new { id, meetingOn = "2027-02-18", accept = true, reason = "x" }, "APPEAL_NOT_ACKNOWLEDGED", "REFUSED");
        await api.OkAsync(staff, AcknowledgeAppeal, new { id });
        await Refused(staff, DecideAppeal, new { id, meetingOn = "2027-02-18", accept = true, reason = "x" }, "UNKNOWN_MEETING", "REFUSED");
    }
}

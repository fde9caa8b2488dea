using System.Net;
using Clea.Auth.Demo;
using Clea.Data.Persistence;
using Clea.Data.Seeding;
using Clea.Graph.Tests.Evaluations;
using Clea.Graph.Tests.Support;
using Clea.Testing;

namespace Clea.Graph.Tests.Registry;

/// <summary>Certif Pro staff list, correct, merge, block and unblock registrations; CPNEs and the public may not.</summary>
public sealed class RegistrationOversightTests
{
    private const string List = "query($where: OrganismRegistrationFilter, $after: String) { organismRegistrations(first: 2, after: $after, where: $where) { totalCount pageInfo { hasNextPage endCursor } nodes { status source registeredAt registeredBy public organism { siren } mergedInto { siren } } } }";
    private const string Block = "mutation($s: String!, $r: String!) { blockOrganismRegistration(siren: $s, reason: $r) { status } }";
    private const string Unblock = "mutation($s: String!, $r: String!) { unblockOrganismRegistration(siren: $s, reason: $r) { status } }";
    private const string Correct = "mutation($input: CorrectOrganismRegistrationInput!) { correctOrganismRegistration(input: $input) { organism { name nafCode sites { headOffice address { street postalCode city department { code } } } } } }";
    private const string Merge = "mutation($k: String!, $d: String!, $r: String!) { mergeOrganisms(keep: $k, duplicate: $d, reason: $r) { kept { status organism { siren } } duplicate { status mergedInto { siren } } } }";

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Certif_Pro_lists_registrations_by_status_date_and_search_and_nobody_else_may(DatabaseProvider provider)
    {
        await using var api = await CleaApi.StartAsync(provider);
        await RegistryVisibilityTests.ImportOneAsync(api);
        await RegistryVisibilityTests.ImportOneAsync(api, "552100554", "Atelier Parisien");
        var certifPro = await api.TokenForAsync(DemoAccounts.CertifPro);

        var page = await api.PostAsAsync(certifPro, List, new { where = new { registeredSince = "2000-01-01T00:00:00Z" } });
        Assert.False(page.HasErrors, page.Body);
        var connection = page.Data.GetProperty("organismRegistrations");
        Assert.Equal(2, connection.GetProperty("totalCount").GetInt32()); // the demo's organisms predate registration records
        var newest = connection.GetProperty("nodes")[0];
        Assert.Equal("552100554", newest.GetProperty("organism").GetProperty("siren").GetString()); // newest first
        Assert.Equal("IMPORTED", newest.GetProperty("source").GetString());
        Assert.Equal("REGISTERED", newest.GetProperty("status").GetString());
        Assert.False(newest.GetProperty("public").GetBoolean());
        Assert.StartsWith("import from", newest.GetProperty("registeredBy").GetString(), StringComparison.Ordinal);

        var all = await api.PostAsAsync(certifPro, List, new { where = new { status = "REGISTERED" } });
        Assert.True(all.Data.GetProperty("organismRegistrations").GetProperty("pageInfo").GetProperty("hasNextPage").GetBoolean());
        var bySiren = await api.PostAsAsync(certifPro, List, new { where = new { search = DemoFixtures.Pending } });
        Assert.True(Assert.Single(bySiren.Data.GetProperty("organismRegistrations").GetProperty("nodes").EnumerateArray()).GetProperty("source").ValueKind == System.Text.Json.JsonValueKind.Null);
        var badSiren = await api.PostAsAsync(certifPro, List, new { where = new { search = "123456789" } });
        Assert.Equal(["INVALID_SIREN"], badSiren.ErrorCodes);

        var anonymous = await api.PostAsync(List);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.Status);
        foreach (var user in new[] { DemoAccounts.Cpne, DemoAccounts.Organism, DemoAccounts.Auditor })
            Assert.Equal(["AUTH_NOT_AUTHORIZED"], (await api.AsAsync(user, List)).ErrorCodes);
        Assert.False((await api.AsAsync(DemoAccounts.Admin, List)).HasErrors);
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task A_blocked_organism_may_not_file_register_candidates_or_record_evaluations_until_unblocked(DatabaseProvider provider)
    {
        await using var api = await CleaApi.StartAsync(provider);
        var certifPro = await api.TokenForAsync(DemoAccounts.CertifPro);
        var staff = await api.TokenForAsync(DemoAccounts.Organism);
        var siret = await EvaluationWorld.HeadOfficeAsync(api, DemoFixtures.ActiveQualiopi);

        var evaluatorId = await EvaluationWorld.DeclareAsync(api, staff, "Durand", evaluator: true, trainer: false);
        var registered = await api.PostAsAsync(staff, EvaluationWorld.Register, new { input = EvaluationWorld.Candidate(siret) });
        Assert.False(registered.HasErrors, registered.Body);
        var candidateId = registered.Data.GetProperty("registerCandidate").GetProperty("id").GetString();

        Assert.Equal(["REASON_REQUIRED"], (await api.PostAsAsync(certifPro, Block, new { s = DemoFixtures.ActiveQualiopi, r = " " })).ErrorCodes);
        Assert.Equal(["AUTH_NOT_AUTHORIZED"], (await api.AsAsync(DemoAccounts.Cpne, Block, new { s = DemoFixtures.ActiveQualiopi, r = "x" })).ErrorCodes);
        Assert.Equal(["ORGANISM_NOT_BLOCKED"], (await api.PostAsAsync(certifPro, Unblock, new { s = DemoFixtures.ActiveQualiopi, r = "x" })).ErrorCodes);
        var blocked = await api.PostAsAsync(certifPro, Block, new { s = DemoFixtures.ActiveQualiopi, r = "Faux numéro de déclaration" });
        Assert.False(blocked.HasErrors, blocked.Body);
        Assert.Equal("BLOCKED", blocked.Data.GetProperty("blockOrganismRegistration").GetProperty("status").GetString());
        Assert.Equal(["ORGANISM_ALREADY_BLOCKED"], (await api.PostAsAsync(certifPro, Block, new { s = DemoFixtures.ActiveQualiopi, r = "x" })).ErrorCodes);

        Assert.Equal(["ORGANISM_BLOCKED"], (await api.PostAsAsync(staff, EvaluationWorld.Register, new { input = EvaluationWorld.Candidate(siret) })).ErrorCodes);
        var prior = EvaluationWorld.Evaluation(evaluatorId, EvaluationWorld.AllBut(EvaluationWorld.Numerique, "4.3"));
        Assert.Equal(["ORGANISM_BLOCKED"], (await api.PostAsAsync(staff, EvaluationWorld.Prior, new { id = candidateId, input = prior })).ErrorCodes);
        var bulk = await api.PostAsAsync(staff, "mutation($items: [BulkCandidateInput!]!) { recordCandidates(items: $items) { clientKey } }",
            new { items = new[] { new { clientKey = "crm-1", candidate = EvaluationWorld.Candidate(siret, lastName: "Alpha") } } });
        Assert.Equal(["ORGANISM_BLOCKED"], bulk.ErrorCodes);
        var file = await api.PostAsAsync(staff, Clea.Graph.Tests.Applications.ApplicationApi.FileApplication,
            new { input = await Clea.Graph.Tests.Applications.ApplicationApi.FileInputAsync(api, "NO-SUCH-CAMPAIGN") });
        Assert.Equal(["ORGANISM_BLOCKED"], file.ErrorCodes);
        // Upkeep and letting people in are acts too; revoking stays possible.
        var site = await api.PostAsAsync(staff, "mutation { addSite(input: { siret: \"90000001900092\", name: \"Annexe\", postalCode: \"69002\", city: \"Lyon\", department: \"69\" }) { siret } }");
        Assert.Equal(["ORGANISM_BLOCKED"], site.ErrorCodes);
        Assert.Equal(["ORGANISM_BLOCKED"], (await api.PostAsAsync(staff, "mutation { declareTurnover(year: 2025, amountEuros: 1000) { siren } }")).ErrorCodes);
        var invite = await api.PostAsAsync(staff, "mutation { inviteColleague(email: \"new.colleague@example.fr\", role: ORGANISM_STAFF) { id } }");
        Assert.Equal(["ORGANISM_BLOCKED"], invite.ErrorCodes);

        var unblocked = await api.PostAsAsync(certifPro, Unblock, new { s = DemoFixtures.ActiveQualiopi, r = "Numéro vérifié auprès de la DREETS" });
        Assert.Equal("REGISTERED", unblocked.Data.GetProperty("unblockOrganismRegistration").GetProperty("status").GetString());
        Assert.False((await api.PostAsAsync(staff, EvaluationWorld.Register, new { input = EvaluationWorld.Candidate(siret, lastName: "Martin") })).HasErrors);

        var events = await api.PostAsAsync(certifPro, "query($s: String!) { lifecycleEvents(siren: $s, kinds: [ORGANISM_BLOCKED, ORGANISM_UNBLOCKED], first: 5) { nodes { kind reason actorName } } }", new { s = DemoFixtures.ActiveQualiopi });
        var nodes = events.Data.GetProperty("lifecycleEvents").GetProperty("nodes").EnumerateArray().ToList();
        Assert.Equal(["ORGANISM_UNBLOCKED", "ORGANISM_BLOCKED"], nodes.Select(n => n.GetProperty("kind").GetString()));
        Assert.Equal("Faux numéro de déclaration", nodes[1].GetProperty("reason").GetString());
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Corrections_change_only_the_fields_given_each_with_an_event_and_bad_values_change_nothing(DatabaseProvider provider)
    {
        await using var api = await CleaApi.StartAsync(provider);
        var certifPro = await api.TokenForAsync(DemoAccounts.CertifPro);
        var (siren, _) = await RegistryVisibilityTests.ImportOneAsync(api);

        var badNaf = await api.PostAsAsync(certifPro, Correct, new { input = new { siren, reason = "Kbis", nafCode = "855A", name = "Autre nom" } });
        Assert.Equal(["INVALID_NAF_CODE"], badNaf.ErrorCodes);
        Assert.Equal(["INVALID_DECLARATION_NUMBER"], (await api.PostAsAsync(certifPro, Correct, new { input = new { siren, reason = "Kbis", declarationNumber = "1234" } })).ErrorCodes);
        Assert.Equal(["NOTHING_TO_CORRECT"], (await api.PostAsAsync(certifPro, Correct, new { input = new { siren, reason = "Kbis", nafCode = "85.59A" } })).ErrorCodes);
        Assert.Equal(["ORGANISM_NOT_FOUND"], (await api.PostAsAsync(certifPro, Correct, new { input = new { siren = "552100554", reason = "Kbis", name = "X" } })).ErrorCodes);
        Assert.Equal(["AUTH_NOT_AUTHORIZED"], (await api.AsAsync(DemoAccounts.Cpne, Correct, new { input = new { siren, reason = "Kbis", name = "X" } })).ErrorCodes);

        var corrected = await api.PostAsAsync(certifPro, Correct, new
        {
            input = new { siren, reason = "Extrait Kbis du 2 décembre", name = "Formation Nouvelle Rhône", nafCode = "8559B", declarationNumber = "84 69 12345 69",
                headOfficeStreet = "8 quai Saint-Vincent", headOfficePostalCode = "69001", headOfficeCity = "Lyon" },
        });
        Assert.False(corrected.HasErrors, corrected.Body);
        var organism = corrected.Data.GetProperty("correctOrganismRegistration").GetProperty("organism");
        Assert.Equal("Formation Nouvelle Rhône", organism.GetProperty("name").GetString()); // "Autre nom" of the refused call was not kept
        Assert.Equal("85.59B", organism.GetProperty("nafCode").GetString());
        Assert.Equal("69001", organism.GetProperty("sites")[0].GetProperty("address").GetProperty("postalCode").GetString());

        var events = await api.PostAsAsync(certifPro, "query($s: String!) { lifecycleEvents(siren: $s, kinds: [REGISTRATION_CORRECTED], first: 10) { nodes { reference reason actorName } } }", new { s = siren });
        var nodes = events.Data.GetProperty("lifecycleEvents").GetProperty("nodes").EnumerateArray().ToList();
        Assert.Equal(["declarationNumber", "headOfficeAddress", "nafCode", "name"], nodes.Select(n => n.GetProperty("reference").GetString()).Order(StringComparer.Ordinal));
        Assert.All(nodes, n => Assert.StartsWith("Extrait Kbis du 2 décembre", n.GetProperty("reason").GetString(), StringComparison.Ordinal));
        Assert.Contains(nodes, n => n.GetProperty("reason").GetString()!.Contains("'85.59A' → '85.59B'", StringComparison.Ordinal));
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task A_duplicate_is_merged_with_its_accounts_and_one_holding_files_is_refused(DatabaseProvider provider)
    {
        await using var api = await CleaApi.StartAsync(provider);
        // A typo SIREN (552100554 for the demo's 900000019) imported by mistake the day before, with an account of its own.
        api.Clock.Set(FixedClock.Default.AddDays(-1));
        var (duplicate, duplicateSiret) = await RegistryVisibilityTests.ImportOneAsync(api, "552100554", "Formation Plus Lyon");
        api.Clock.Set(FixedClock.Default);
        var certifPro = await api.TokenForAsync(DemoAccounts.CertifPro);
        var staffToken = await EvaluationWorld.StaffOfAsync(api, duplicate);

        Assert.Equal(["MERGE_CONFLICT"], (await api.PostAsAsync(certifPro, Merge, new { k = DemoFixtures.ActiveQualiopi, d = DemoFixtures.Refused, r = "Doublon" })).ErrorCodes);
        Assert.Equal(["MERGE_INTO_ITSELF"], (await api.PostAsAsync(certifPro, Merge, new { k = duplicate, d = duplicate, r = "Doublon" })).ErrorCodes);
        Assert.Equal(["AUTH_NOT_AUTHORIZED"], (await api.AsAsync(DemoAccounts.Cpne, Merge, new { k = DemoFixtures.ActiveQualiopi, d = duplicate, r = "Doublon" })).ErrorCodes);

        var merged = await api.PostAsAsync(certifPro, Merge, new { k = DemoFixtures.ActiveQualiopi, d = duplicate, r = "SIREN mal saisi à l'inscription" });
        Assert.False(merged.HasErrors, merged.Body);
        var result = merged.Data.GetProperty("mergeOrganisms");
        Assert.Equal("MERGED", result.GetProperty("duplicate").GetProperty("status").GetString());
        Assert.Equal(DemoFixtures.ActiveQualiopi, result.GetProperty("duplicate").GetProperty("mergedInto").GetProperty("siren").GetString());
        Assert.Equal(["ORGANISM_MERGED"], (await api.PostAsAsync(certifPro, Merge, new { k = DemoFixtures.ActiveQualiopi, d = duplicate, r = "Encore" })).ErrorCodes);

        // The old token still names the duplicate: it may not act; a new sign-in acts for the kept organism.
        var site = await api.PostAsAsync(certifPro, "query($t: String!) { site(siret: $t) { closedOn } }", new { t = duplicateSiret });
        Assert.Equal("2026-11-24", site.Data.GetProperty("site").GetProperty("closedOn").GetString());
        Assert.Equal(["ORGANISM_MERGED"], (await api.PostAsAsync(staffToken, EvaluationWorld.Register, new { input = EvaluationWorld.Candidate(duplicateSiret) })).ErrorCodes);
        var renewed = await api.TokenForAsync($"staff-{duplicate}@test.clea");
        var me = await api.PostAsAsync(renewed, "{ me { organism { siren } } }");
        Assert.Equal(DemoFixtures.ActiveQualiopi, me.Data.GetProperty("me").GetProperty("organism").GetProperty("siren").GetString());

        var events = await api.PostAsAsync(certifPro, "query($s: String!) { lifecycleEvents(siren: $s, kinds: [DUPLICATE_MERGED], first: 5) { nodes { reference reason } } }", new { s = DemoFixtures.ActiveQualiopi });
        Assert.Equal(duplicate, Assert.Single(events.Data.GetProperty("lifecycleEvents").GetProperty("nodes").EnumerateArray()).GetProperty("reference").GetString());
    }
}

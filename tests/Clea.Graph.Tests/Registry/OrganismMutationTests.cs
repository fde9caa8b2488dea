using System.Net;
using Clea.Auth.Demo;
using Clea.Data.Persistence;
using Clea.Data.Registry;
using Clea.Data.Seeding;
using Clea.Graph.Tests.Support;
using Clea.Testing;

namespace Clea.Graph.Tests.Registry;

/// <summary>Organism staff keep their own organism current; every refusal has a code and changes nothing.</summary>
public sealed class OrganismMutationTests
{
    private const string ReadProfile = "query($siren: String!) { organism(siren: $siren) { sites { siret } profile { headcount mainContact { name email phone } billingContact { email } turnover { year amountEuros } intervenants(includeWithdrawn: true) { id firstName lastName evaluator trainer remoteEvaluation withdrawnOn } } } }";

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Contacts_and_turnover_are_updated_by_the_organism_and_bad_values_change_nothing(DatabaseProvider provider)
    {
        await using var api = await CleaApi.StartAsync(provider);
        var token = await api.TokenForAsync(DemoAccounts.Organism);

        var updated = await api.PostAsAsync(token, """
            mutation { updateOrganismContacts(mainContact: { name: "Anne Martin", email: "anne.martin@formationplus.fr", phone: "04 72 00 00 00" },
                                              billingContact: { name: "Compta", email: "compta@formationplus.fr" }, headcount: 14) { siren } }
            """);
        Assert.False(updated.HasErrors, updated.Body);
        var turnover = await api.PostAsAsync(token, "mutation { declareTurnover(year: 2025, amountEuros: 812345.5) { siren } }");
        Assert.False(turnover.HasErrors, turnover.Body);

        var bad = await api.PostAsAsync(token, """mutation { updateOrganismContacts(mainContact: { name: "X", email: "nope" }, headcount: 1) { siren } }""");
        Assert.Equal(["INVALID_CONTACT"], bad.ErrorCodes);
        var future = await api.PostAsAsync(token, "mutation { declareTurnover(year: 2026, amountEuros: 1) { siren } }");
        Assert.Equal(["INVALID_TURNOVER"], future.ErrorCodes);

        var profile = (await api.PostAsAsync(token, ReadProfile, new { siren = DemoFixtures.ActiveQualiopi })).Data.GetProperty("organism").GetProperty("profile");
        Assert.Equal(14, profile.GetProperty("headcount").GetInt32());
        Assert.Equal("anne.martin@formationplus.fr", profile.GetProperty("mainContact").GetProperty("email").GetString());
        Assert.Equal("compta@formationplus.fr", profile.GetProperty("billingContact").GetProperty("email").GetString());
        Assert.Equal(812345.5m, profile.GetProperty("turnover")[0].GetProperty("amountEuros").GetDecimal());
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task A_site_is_added_under_the_organisms_own_siren_and_a_closed_one_leaves_the_public_registry(DatabaseProvider provider)
    {
        await using var api = await CleaApi.StartAsync(provider);
        var token = await api.TokenForAsync(DemoAccounts.Organism);
        var siren = Siren.Parse(DemoFixtures.ActiveQualiopi);
        var newSiret = Siret.Compose(siren, 77).Value;
        const string AddSite = "mutation($input: AddSiteInput!) { addSite(input: $input) { siret openedOn address { city region { code } } } }";

        var foreign = await api.PostAsAsync(token, AddSite, new { input = new { siret = Siret.Compose(Siren.Parse(DemoFixtures.NotQualiopi), 77).Value, name = "X", postalCode = "69007", city = "Lyon", department = "69" } });
        Assert.Equal(["SITE_OF_ANOTHER_SIREN"], foreign.ErrorCodes);
        var wrongPostalCode = await api.PostAsAsync(token, AddSite, new { input = new { siret = newSiret, name = "Lyon 7", postalCode = "13007", city = "Lyon", department = "69" } });
        Assert.Equal(["POSTAL_CODE_OUTSIDE_DEPARTMENT"], wrongPostalCode.ErrorCodes);
        var unknownDepartment = await api.PostAsAsync(token, AddSite, new { input = new { siret = newSiret, name = "Lyon 7", postalCode = "69007", city = "Lyon", department = "20" } });
        Assert.Equal(["UNKNOWN_DEPARTMENT"], unknownDepartment.ErrorCodes);
        var badSiret = await api.PostAsAsync(token, AddSite, new { input = new { siret = "123", name = "Lyon 7", postalCode = "69007", city = "Lyon", department = "69" } });
        Assert.Equal(["INVALID_SIRET"], badSiret.ErrorCodes);

        var added = await api.PostAsAsync(token, AddSite, new { input = new { siret = newSiret, name = "Lyon 7", street = "3 rue Chevreul", postalCode = "69007", city = "Lyon", department = "69" } });
        Assert.False(added.HasErrors, added.Body);
        Assert.Equal("2026-11-24", added.Data.GetProperty("addSite").GetProperty("openedOn").GetString());
        var twice = await api.PostAsAsync(token, AddSite, new { input = new { siret = newSiret, name = "Lyon 7", postalCode = "69007", city = "Lyon", department = "69" } });
        Assert.Equal(["SITE_ALREADY_LISTED"], twice.ErrorCodes);

        var sameDay = await api.PostAsAsync(token, "mutation($s: String!) { closeSite(siret: $s) { closedOn } }", new { s = newSiret });
        Assert.Equal(["SITE_CLOSED_BEFORE_OPENING"], sameDay.ErrorCodes);
        var closed = await api.PostAsAsync(token, "mutation($s: String!) { closeSite(siret: $s, closedOn: \"2026-12-01\") { closedOn } }", new { s = newSiret });
        Assert.False(closed.HasErrors, closed.Body);

        var registry = await api.QueryAsync("""
            query($siren: String!, $siret: String!) { organism(siren: $siren) { now: sites { siret } later: sites(on: "2026-12-01") { siret } }
              site(siret: $siret) { closedOn } }
            """, new { siren = siren.Value, siret = newSiret });
        Assert.Contains(newSiret, registry.GetProperty("organism").GetProperty("now").EnumerateArray().Select(s => s.GetProperty("siret").GetString()));
        Assert.DoesNotContain(newSiret, registry.GetProperty("organism").GetProperty("later").EnumerateArray().Select(s => s.GetProperty("siret").GetString()));
        Assert.Equal("2026-12-01", registry.GetProperty("site").GetProperty("closedOn").GetString());

        var notMine = await api.PostAsAsync(token, "mutation($s: String!) { closeSite(siret: $s) { closedOn } }", new { s = DemoFixtures.ClosedSiteSiret });
        Assert.Equal(["SITE_NOT_LISTED"], notMine.ErrorCodes);
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Intervenants_are_declared_read_with_an_access_log_entry_and_withdrawn_only_by_their_organism(DatabaseProvider provider)
    {
        await using var api = await CleaApi.StartAsync(provider);
        var token = await api.TokenForAsync(DemoAccounts.Organism);
        const string Declare = "mutation($input: DeclareIntervenantInput!) { declareIntervenant(input: $input) { id firstName evaluator remoteEvaluation } }";

        var noRole = await api.PostAsAsync(token, Declare, new { input = new { firstName = "Anne", lastName = "Martin", evaluator = false, trainer = false } });
        Assert.Equal(["INTERVENANT_ROLE_REQUIRED"], noRole.ErrorCodes);
        var remoteTrainer = await api.PostAsAsync(token, Declare, new { input = new { firstName = "Anne", lastName = "Martin", evaluator = false, trainer = true, remoteEvaluation = true } });
        Assert.Equal(["REMOTE_EVALUATION_REQUIRES_EVALUATOR"], remoteTrainer.ErrorCodes);

        var declared = await api.PostAsAsync(token, Declare, new { input = new { firstName = "Anne", lastName = "Martin", evaluator = true, trainer = false, qualifications = new[] { "Master FLE" }, remoteEvaluation = true } });
        Assert.False(declared.HasErrors, declared.Body);
        var id = declared.Data.GetProperty("declareIntervenant").GetProperty("id").GetString();

        // Another organism cannot withdraw it, and cannot tell it exists.
        var other = await api.PostAsAsync(await api.TokenForAsync(DemoAccounts.Organism2), "mutation($id: ID!) { withdrawIntervenant(id: $id) { id } }", new { id });
        Assert.Equal(["INTERVENANT_NOT_FOUND"], other.ErrorCodes);

        var read = await api.PostAsAsync(token, ReadProfile, new { siren = DemoFixtures.ActiveQualiopi });
        var intervenants = read.Data.GetProperty("organism").GetProperty("profile").GetProperty("intervenants");
        Assert.Equal("Martin", Assert.Single(intervenants.EnumerateArray()).GetProperty("lastName").GetString());

        var withdrawn = await api.PostAsAsync(token, "mutation($id: ID!) { withdrawIntervenant(id: $id, on: \"2026-11-24\") { withdrawnOn } }", new { id });
        Assert.False(withdrawn.HasErrors, withdrawn.Body);
        var current = await api.PostAsAsync(token, "query($siren: String!) { organism(siren: $siren) { profile { intervenants { id } } } }", new { siren = DemoFixtures.ActiveQualiopi });
        Assert.Empty(current.Data.GetProperty("organism").GetProperty("profile").GetProperty("intervenants").EnumerateArray());

        // Certif Pro staff read the access log: the organism's own reads are in it.
        var log = await api.PostAsAsync(await api.TokenForAsync(DemoAccounts.CertifPro),
            "query($siren: String!) { personalDataAccesses(siren: $siren, first: 10) { totalCount nodes { role what records at } } }", new { siren = DemoFixtures.ActiveQualiopi });
        Assert.False(log.HasErrors, log.Body);
        var entries = log.Data.GetProperty("personalDataAccesses").GetProperty("nodes").EnumerateArray().ToList();
        Assert.Equal(2, entries.Count);
        Assert.All(entries, e => Assert.Equal("organism", e.GetProperty("role").GetString()));
        Assert.Equal("OrganismProfile.intervenants", entries[0].GetProperty("what").GetString());
        Assert.Equal(0, entries[0].GetProperty("records").GetInt32()); // newest first: after the withdrawal
        Assert.Equal(1, entries[1].GetProperty("records").GetInt32());

        var cpneLog = await api.PostAsAsync(await api.TokenForAsync(DemoAccounts.Cpne),
            "query($siren: String!) { personalDataAccesses(siren: $siren) { totalCount } }", new { siren = DemoFixtures.ActiveQualiopi });
        Assert.Equal(["AUTH_NOT_AUTHORIZED"], cpneLog.ErrorCodes);
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Only_organism_staff_may_run_organism_mutations(DatabaseProvider provider)
    {
        await using var api = await CleaApi.StartAsync(provider);
        const string Mutation = "mutation { declareTurnover(year: 2024, amountEuros: 1) { siren } }";
        var anonymous = await api.PostAsync(Mutation);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.Status);
        Assert.Equal(["AUTH_NOT_AUTHENTICATED"], anonymous.ErrorCodes);
        foreach (var user in new[] { DemoAccounts.CertifPro, DemoAccounts.Auditor, DemoAccounts.Admin })
        {
            var response = await api.AsAsync(user, Mutation);
            Assert.Equal(HttpStatusCode.Forbidden, response.Status);
            Assert.Equal(["AUTH_NOT_AUTHORIZED"], response.ErrorCodes);
        }
    }
}

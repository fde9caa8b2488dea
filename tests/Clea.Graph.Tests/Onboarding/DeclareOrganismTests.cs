using Clea.Auth.Demo;
using Clea.Data.Persistence;
using Clea.Data.Registry;
using Clea.Data.Users;
using Clea.Graph.Tests.Support;
using Clea.Testing;
using Microsoft.EntityFrameworkCore;

namespace Clea.Graph.Tests.Onboarding;

/// <summary><c>declareOrganism</c>: each refusal changes nothing; a claimed SIREN tells its administrators; the organism is not public.</summary>
public sealed class DeclareOrganismTests
{
    private const string Email = "claire.dubois@horizon-formation.fr";
    private static readonly Siren OurSiren = Siren.Parse(OnboardingWorld.Siren);

    public static TheoryData<string, string, object?> Refusals => new()
    {
        { "siren", "INVALID_SIREN", "812345677" },
        { "headOfficeSiret", "INVALID_SIRET", "81234567600018" },
        { "headOfficeSiret", "SITE_OF_ANOTHER_SIREN", OnboardingWorld.OtherHeadOffice },
        { "name", "NAME_REQUIRED", "  " },
        { "nafCode", "INVALID_NAF_CODE", "8559" },
        { "nafCode", "INVALID_NAF_CODE", "85.591" },
        { "declarationNumber", "INVALID_DECLARATION_NUMBER", "8469123456" },    // 10 digits
        { "declarationNumber", "INVALID_DECLARATION_NUMBER", "846912345690" },  // 12 digits
        { "postalCode", "UNKNOWN_POSTAL_CODE", "96000" },
        { "postalCode", "INVALID_POSTAL_CODE", "6900" },
        { "qualiopiCertificateNumber", "QUALIOPI_CERTIFICATE_REQUIRED", null },
        { "qualiopiValidUntil", "QUALIOPI_CERTIFICATE_EXPIRED", "2026-11-23" }, // the day before today
        { "qualiopi", "QUALIOPI_CERTIFICATE_NOT_EXPECTED", false },
        { "mainContact", "INVALID_CONTACT", new Dictionary<string, object?> { ["name"] = "Claire", ["email"] = "not-an-address" } },
    };

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Every_refused_declaration_answers_its_code_and_changes_nothing(DatabaseProvider provider)
    {
        await using var world = await OnboardingWorld.StartAsync(provider);
        var registrant = await world.RegistrantAsync(Email);
        foreach (var refusal in Refusals)
        {
            var (field, code, value) = ((string)refusal[0], (string)refusal[1], refusal[2]);
            var response = await world.Api.PostAsAsync(registrant, OnboardingWorld.Declare,
                new { input = OnboardingWorld.Declaration(change: i => i[field] = value) });
            Assert.True(response.ErrorCodes.SequenceEqual([code]), $"{field}={value}: {response.Body}");
        }
        Assert.False(await world.ReadAsync(db => db.Organisms.AnyAsync(o => o.Siren == OurSiren)));
        Assert.Equal(UserRole.Registrant, await world.ReadAsync(db => db.Users.Where(u => u.Email == Email).Select(u => u.Role).SingleAsync()));

        // Only a registrant may declare: the public and another organism's staff are refused by policy.
        Assert.Equal(["AUTH_NOT_AUTHENTICATED"], (await world.Api.PostAsync(OnboardingWorld.Declare, new { input = OnboardingWorld.Declaration() })).ErrorCodes);
        Assert.Equal(["AUTH_NOT_AUTHORIZED"], (await world.Api.AsAsync(DemoAccounts.Organism, OnboardingWorld.Declare, new { input = OnboardingWorld.Declaration() })).ErrorCodes);
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task A_declared_organism_has_its_head_office_in_the_region_of_its_postal_code_and_its_declarant_as_administrator(DatabaseProvider provider)
    {
        await using var world = await OnboardingWorld.StartAsync(provider);
        var registrant = await world.RegistrantAsync(Email);
        var declared = await world.Api.PostAsAsync(registrant, OnboardingWorld.Declare, new
        {
            input = OnboardingWorld.Declaration(change: i => { i["nafCode"] = "8559a"; i["postalCode"] = "20000"; i["city"] = "Ajaccio"; }),
        });
        Assert.False(declared.HasErrors, declared.Body);
        var organism = declared.Data.GetProperty("declareOrganism");
        Assert.Equal("85.59A", organism.GetProperty("nafCode").GetString());
        var site = Assert.Single(organism.GetProperty("sites").EnumerateArray());
        Assert.Equal((OnboardingWorld.HeadOffice, true), (site.GetProperty("siret").GetString(), site.GetProperty("headOffice").GetBoolean()));
        Assert.Equal("2A", site.GetProperty("address").GetProperty("department").GetProperty("code").GetString());
        Assert.Equal("94", site.GetProperty("address").GetProperty("region").GetProperty("code").GetString()); // Corse

        // The token still says registrant until refreshed; the refreshed one names the organism and its administrator.
        var token = await world.TokenAsync(Email);
        var payload = Jwt.Payload(token);
        Assert.Equal(["organism"], Jwt.Values(payload, "role"));
        Assert.Equal([OnboardingWorld.Siren], Jwt.Values(payload, "clea_siren"));
        Assert.Equal(["true"], Jwt.Values(payload, "clea_organism_admin"));
        var stored = await world.ReadAsync(db => db.Organisms.SingleAsync(o => o.Siren == OurSiren));
        Assert.Equal(("QUALIOPI-2025-0042", new DateOnly(2026, 11, 24), "84691234569"),
            (stored.QualiopiCertificateNumber, stored.QualiopiValidUntil, stored.DeclarationNumber));
        // Declaring again (the old registrant token) is refused: the account is no longer a registrant.
        Assert.Equal(["NOT_A_REGISTRANT"], (await world.Api.PostAsAsync(registrant, OnboardingWorld.Declare,
            new { input = OnboardingWorld.Declaration(OnboardingWorld.OtherSiren, OnboardingWorld.OtherHeadOffice) })).ErrorCodes);
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task A_second_person_claiming_a_registered_siren_is_refused_and_the_administrator_is_told(DatabaseProvider provider)
    {
        await using var world = await OnboardingWorld.StartAsync(provider);
        await world.AdministratorAsync(Email);
        var claimant = await world.RegistrantAsync("jean.petit@autre-formation.fr", "Jean Petit");

        var refused = await world.Api.PostAsAsync(claimant, OnboardingWorld.Declare, new { input = OnboardingWorld.Declaration() });
        Assert.Equal(["ORGANISM_ALREADY_REGISTERED"], refused.ErrorCodes);

        var mail = await world.NewMailAsync(Email, "Une autre personne a déclaré votre organisme");
        Assert.Contains("Jean Petit", OnboardingWorld.Body(mail), StringComparison.Ordinal);
        // Nothing else changed: the claimant is still a registrant, the organism has one account.
        Assert.Equal(UserRole.Registrant, await world.ReadAsync(db => db.Users.Where(u => u.Email == "jean.petit@autre-formation.fr").Select(u => u.Role).SingleAsync()));
        Assert.Equal(1, await world.ReadAsync(db => db.Users.CountAsync(u => u.OrganismSiren == OurSiren)));
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task A_declared_organism_without_habilitation_is_not_public(DatabaseProvider provider)
    {
        await using var world = await OnboardingWorld.StartAsync(provider);
        var admin = await world.AdministratorAsync(Email);
        const string Lookups = """
            query($siren: String!, $siret: String!) {
              organism(siren: $siren) { name } site(siret: $siret) { name }
              verifyHabilitation(certification: CLEA_NUMERIQUE, siren: $siren) { organism { name } reason }
              bySiret: verifyHabilitation(certification: CLEA_NUMERIQUE, siret: $siret) { organism { name } reason }
              organisms(where: { search: "Zéphyrin", anyStatus: true }, first: 10) { totalCount } }
            """;
        var variables = new { siren = OnboardingWorld.Siren, siret = OnboardingWorld.HeadOffice };
        var integrator = (await world.Api.ClientCredentialsAsync(DemoAccounts.IntegratorClientId, DemoAccounts.IntegratorClientSecret)).AccessToken!;
        foreach (var response in new[]
                 {
                     await world.Api.PostAsync(Lookups, variables), await world.Api.PostAsAsync(integrator, Lookups, variables),
                     await world.Api.AsAsync(DemoAccounts.Organism2, Lookups, variables),
                 })
        {
            Assert.False(response.HasErrors, response.Body);
            Assert.Equal(System.Text.Json.JsonValueKind.Null, response.Data.GetProperty("organism").ValueKind);
            Assert.Equal(System.Text.Json.JsonValueKind.Null, response.Data.GetProperty("site").ValueKind);
            Assert.Equal(System.Text.Json.JsonValueKind.Null, response.Data.GetProperty("verifyHabilitation").GetProperty("organism").ValueKind);
            Assert.Equal($"SIREN {OnboardingWorld.Siren} holds no habilitation in the CléA registry.",
                response.Data.GetProperty("verifyHabilitation").GetProperty("reason").GetString());
            Assert.Equal(System.Text.Json.JsonValueKind.Null, response.Data.GetProperty("bySiret").GetProperty("organism").ValueKind);
            Assert.Equal(0, response.Data.GetProperty("organisms").GetProperty("totalCount").GetInt32());
        }
        // The change feed has nothing of it (it records habilitations only).
        var feed = await world.Api.PostAsAsync(integrator, "{ habilitationChanges(first: 100) { nodes { habilitation { organism { siren } } } } }");
        Assert.DoesNotContain(OnboardingWorld.Siren, feed.Body, StringComparison.Ordinal);

        // Nor does node(id:), with the id its administrator sees.
        var ids = (await world.Api.PostAsAsync(admin, "query($siren: String!, $siret: String!) { organism(siren: $siren) { id } site(siret: $siret) { id } }", variables)).Data;
        const string Nodes = "query($o: ID!, $s: ID!) { o: node(id: $o) { id } s: node(id: $s) { id } }";
        var nodeVariables = new { o = ids.GetProperty("organism").GetProperty("id").GetString(), s = ids.GetProperty("site").GetProperty("id").GetString() };
        var anonymousNodes = await world.Api.PostAsync(Nodes, nodeVariables);
        Assert.Equal(System.Text.Json.JsonValueKind.Null, anonymousNodes.Data.GetProperty("o").ValueKind);
        Assert.Equal(System.Text.Json.JsonValueKind.Null, anonymousNodes.Data.GetProperty("s").ValueKind);
        var ownNodes = await world.Api.PostAsAsync(admin, Nodes, nodeVariables);
        Assert.Equal(nodeVariables.o, ownNodes.Data.GetProperty("o").GetProperty("id").GetString());

        // Its own administrator and Certif Pro staff see it.
        foreach (var response in new[] { await world.Api.PostAsAsync(admin, Lookups, variables), await world.Api.AsAsync(DemoAccounts.CertifPro, Lookups, variables) })
        {
            Assert.False(response.HasErrors, response.Body);
            Assert.Equal("Zéphyrin Compétences", response.Data.GetProperty("organism").GetProperty("name").GetString());
            Assert.Equal("Zéphyrin Compétences", response.Data.GetProperty("site").GetProperty("name").GetString());
        }
    }
}

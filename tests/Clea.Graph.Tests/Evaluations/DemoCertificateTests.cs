using Clea.Data.Persistence;
using Clea.Data.Seeding;
using Clea.Graph.Tests.Support;
using Clea.Testing;

namespace Clea.Graph.Tests.Evaluations;

/// <summary>The README's certificate example works against the demo, and a wrong name learns nothing more than a wrong number.</summary>
[Collection(ApiCollection.Name)]
public sealed class DemoCertificateTests(ApiFixture fixture)
{
    private const string Verify = "query($n: String!, $name: String!) { verifyCertificate(number: $n, lastName: $name) { authentic certification issuedOn organismSiren organismName } }";

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task The_demo_certificate_is_authentic_for_its_holder_whatever_the_case_and_accents_of_the_name(DatabaseProvider provider)
    {
        var api = await fixture.For(provider);
        var check = (await api.QueryAsync(Verify, new { n = DemoFixtures.CertificateNumber, name = "LEFEVRE" })).GetProperty("verifyCertificate");
        Assert.True(check.GetProperty("authentic").GetBoolean());
        Assert.Equal(DemoFixtures.RichDashboard, check.GetProperty("organismSiren").GetString());
        Assert.Equal("CLEA_NUMERIQUE", check.GetProperty("certification").GetString());

        var wrongName = (await api.QueryAsync(Verify, new { n = DemoFixtures.CertificateNumber, name = "Martin" })).GetProperty("verifyCertificate");
        var unknown = (await api.QueryAsync(Verify, new { n = "CLEA-2026-CERT-DEM0-0002-4", name = DemoFixtures.CertificateHolderLastName })).GetProperty("verifyCertificate");
        Assert.Equal(wrongName.GetRawText(), unknown.GetRawText());
        Assert.False(wrongName.GetProperty("authentic").GetBoolean());
    }
}

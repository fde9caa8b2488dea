using Clea.Data.Persistence;
using Clea.Graph.Tests.Support;
using Clea.Testing;
using Newtonsoft.Json.Linq;
using Snapshooter.Xunit;

namespace Clea.Graph.Tests.Schema;

/// <summary>
/// Whole responses integrators code against, pinned as reviewed snapshots (<c>__snapshots__/</c>); both providers must
/// produce the very same JSON. CI runs with SNAPSHOOTER_STRICT_MODE=true, so a missing snapshot fails.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class ResponseSnapshotTests(ApiFixture fixture)
{
    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task The_verification_answer_for_an_edof_eligible_organism(DatabaseProvider provider)
    {
        var name = Snapshot.FullName();
        var api = await fixture.For(provider);
        var response = await api.PostAsync("""
            query($siret: String!) {
              verifyHabilitation(siret: $siret, certification: CLEA_NUMERIQUE) {
                habilitated status certification checkedOn validFrom validUntil scope qualiopi edofEligible reason edofReason
                professionalField organism { siren name qualiopi } site { siret name address { postalCode city department { code name } region { code name } } }
                instance { code name kind professionalField }
              }
            }
            """, new { siret = "90000001900019" });
        Snapshot.Match(JToken.Parse(response.Body), name);
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task The_clea_numerique_referential(DatabaseProvider provider)
    {
        var name = Snapshot.FullName();
        var api = await fixture.For(provider);
        var response = await api.PostAsync("""
            { certification(code: CLEA_NUMERIQUE) { code rsCode name referentialVersion
                domains { code title transversal subDomains { code title transversal skills evaluationModality criteria } } } }
            """);
        Snapshot.Match(JToken.Parse(response.Body), name);
    }

    [Fact]
    public async Task The_error_shape_of_a_malformed_request()
    {
        var name = Snapshot.FullName();
        var api = await fixture.For(DatabaseProvider.Sqlite);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = new StringContent("{\"query\":", System.Text.Encoding.UTF8, "application/json") };
        var response = await api.SendAsync(request);
        Snapshot.Match(JToken.Parse(response.Body), name);
    }
}

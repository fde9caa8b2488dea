using System.Net;
using System.Text.Json;
using Clea.Auth.Demo;
using Clea.Auth.Policies;
using Clea.Data.Persistence;
using Clea.Data.Seeding;
using Clea.Graph.Tests.Support;
using Clea.Testing;

namespace Clea.Graph.Tests.Identity;

/// <summary>
/// The token endpoint and the discovery document over real HTTP, with the demo accounts. Claims are checked twice: in the
/// JWT payload (access tokens are signed, not encrypted) and as the API sees them (<see cref="CleaApi.WhoAmIPath"/>).
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class TokenEndpointTests(ApiFixture fixture)
{
    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task The_discovery_document_announces_the_endpoints_flows_and_pkce(DatabaseProvider provider)
    {
        var api = await fixture.For(provider);
        using var response = await api.Client.GetAsync("/.well-known/openid-configuration");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var discovery = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("https://localhost/connect/token", discovery.GetProperty("token_endpoint").GetString());
        Assert.Equal("https://localhost/connect/authorize", discovery.GetProperty("authorization_endpoint").GetString());
        var grants = discovery.GetProperty("grant_types_supported").EnumerateArray().Select(g => g.GetString()).ToList();
        Assert.Superset(new HashSet<string?> { "client_credentials", "authorization_code", "refresh_token", "password" }, grants.ToHashSet());
        Assert.Contains("S256", discovery.GetProperty("code_challenge_methods_supported").EnumerateArray().Select(m => m.GetString()));
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Client_credentials_give_the_demo_integrator_an_integrator_token(DatabaseProvider provider)
    {
        var api = await fixture.For(provider);
        var token = await api.ClientCredentialsAsync(DemoAccounts.IntegratorClientId, DemoAccounts.IntegratorClientSecret);
        Assert.True(token.Status == HttpStatusCode.OK, token.Body);
        Assert.Null(token.RefreshToken);

        var payload = Jwt.Payload(token.AccessToken!);
        Assert.Equal(DemoAccounts.IntegratorClientId, payload.GetProperty("sub").GetString());
        Assert.Equal([CleaRoles.Integrator], Jwt.Values(payload, CleaClaims.Role));
        Assert.Equal(["clea-graph"], Jwt.Values(payload, "aud"));
        Assert.Equal(15 * 60, payload.GetProperty("exp").GetInt64() - payload.GetProperty("iat").GetInt64());

        var (status, claims) = await api.WhoAmIAsync(token.AccessToken);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(CleaRoles.Integrator, claims.GetProperty(CleaClaims.Role)[0].GetString());
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task A_wrong_client_secret_is_invalid_client(DatabaseProvider provider)
    {
        var api = await fixture.For(provider);
        var token = await api.ClientCredentialsAsync(DemoAccounts.IntegratorClientId, "not-the-secret-at-all");
        Assert.Equal(HttpStatusCode.Unauthorized, token.Status);
        Assert.Equal("invalid_client", token.Error);
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Each_demo_user_gets_a_token_with_its_role_and_scope_by_password(DatabaseProvider provider)
    {
        var api = await fixture.For(provider);
        var expected = new Dictionary<string, (string Role, string? Claim, string? Value)>
        {
            [DemoAccounts.Admin] = (CleaRoles.Administrator, null, null),
            [DemoAccounts.CertifPro] = (CleaRoles.InstanceStaff, CleaClaims.Instance, "CERTIF_PRO"),
            [DemoAccounts.Cpne] = (CleaRoles.InstanceStaff, CleaClaims.Instance, "CPNE_METALLURGIE"),
            // No scope claim: an auditor's organisms follow the open audits assigned to them, read per request.
            [DemoAccounts.Auditor] = (CleaRoles.Auditor, null, null),
            [DemoAccounts.Organism] = (CleaRoles.OrganismStaff, CleaClaims.Siren, DemoFixtures.ActiveQualiopi),
            [DemoAccounts.Organism2] = (CleaRoles.OrganismStaff, CleaClaims.Siren, DemoFixtures.NotQualiopi),
        };
        Assert.Equal(DemoAccounts.Users.Order(), expected.Keys.Order());
        foreach (var (email, (role, claim, value)) in expected)
        {
            var token = await api.PasswordAsync(email, DemoAccounts.Password);
            Assert.True(token.Status == HttpStatusCode.OK, $"{email}: {token.Body}");
            Assert.NotNull(token.RefreshToken);
            Assert.NotNull(token.IdToken);
            var payload = Jwt.Payload(token.AccessToken!);
            Assert.Equal([role], Jwt.Values(payload, CleaClaims.Role));
            Assert.False(string.IsNullOrEmpty(payload.GetProperty("name").GetString()));
            var scopeClaims = new[] { CleaClaims.Siren, CleaClaims.Instance, "clea_audited_siren" }.Where(c => payload.TryGetProperty(c, out _)).ToList();
            if (claim is null) Assert.Empty(scopeClaims);
            else
            {
                Assert.Equal([claim], scopeClaims);
                Assert.Equal([value!], Jwt.Values(payload, claim));
            }
            // The identity token carries the role with the "roles" scope.
            Assert.Equal([role], Jwt.Values(Jwt.Payload(token.IdToken!), CleaClaims.Role));

            var (status, seen) = await api.WhoAmIAsync(token.AccessToken);
            Assert.Equal(HttpStatusCode.OK, status);
            Assert.Equal(role, seen.GetProperty(CleaClaims.Role)[0].GetString());
        }
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task A_wrong_password_or_an_unknown_user_is_invalid_grant(DatabaseProvider provider)
    {
        var api = await fixture.For(provider);
        var wrong = await api.PasswordAsync(DemoAccounts.Organism, "Demo-2025!");
        Assert.Equal(HttpStatusCode.BadRequest, wrong.Status);
        Assert.Equal("invalid_grant", wrong.Error);
        var unknown = await api.PasswordAsync("nobody@demo.clea", DemoAccounts.Password);
        Assert.Equal("invalid_grant", unknown.Error);
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task A_refresh_token_rotates_and_the_used_one_is_then_refused(DatabaseProvider provider)
    {
        var api = await fixture.For(provider);
        try
        {
            var first = await api.PasswordAsync(DemoAccounts.CertifPro, DemoAccounts.Password);
            var second = await api.RefreshAsync(first.RefreshToken!);
            Assert.True(second.Status == HttpStatusCode.OK, second.Body);
            Assert.NotEqual(first.RefreshToken, second.RefreshToken);
            Assert.Equal(["CERTIF_PRO"], Jwt.Values(Jwt.Payload(second.AccessToken!), CleaClaims.Instance));

            // OpenIddict tolerates a reuse for 30 s (concurrent refreshes of one client); after that it is refused.
            api.Clock.Advance(TimeSpan.FromMinutes(1));
            var replay = await api.RefreshAsync(first.RefreshToken!);
            Assert.Equal(HttpStatusCode.BadRequest, replay.Status);
            Assert.Equal("invalid_grant", replay.Error);
        }
        finally
        {
            api.Clock.Set(FixedClock.Default);
        }
    }
}

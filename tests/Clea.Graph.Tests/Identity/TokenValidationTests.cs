using System.Net;
using System.Security.Claims;
using Clea.Auth.Demo;
using Clea.Data.Persistence;
using Clea.Graph.Tests.Support;
using Clea.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using OpenIddict.Server;

namespace Clea.Graph.Tests.Identity;

/// <summary>
/// What the API does with bad tokens. Choice: the default scheme never challenges by itself, so /graphql (public
/// registry) keeps answering and the caller simply stays anonymous; a route that needs a user (here the test-only
/// <see cref="CleaApi.WhoAmIPath"/>) answers 401.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class TokenValidationTests(ApiFixture fixture)
{
    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task An_expired_access_token_is_rejected(DatabaseProvider provider)
    {
        var api = await fixture.For(provider);
        try
        {
            var token = await api.ClientCredentialsAsync(DemoAccounts.IntegratorClientId, DemoAccounts.IntegratorClientSecret);
            api.Clock.Advance(TimeSpan.FromMinutes(14));
            Assert.Equal(HttpStatusCode.OK, (await api.WhoAmIAsync(token.AccessToken)).Status);
            api.Clock.Advance(TimeSpan.FromMinutes(2));
            Assert.Equal(HttpStatusCode.Unauthorized, (await api.WhoAmIAsync(token.AccessToken)).Status);
        }
        finally
        {
            api.Clock.Set(FixedClock.Default);
        }
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task A_tampered_access_token_is_rejected(DatabaseProvider provider)
    {
        var api = await fixture.For(provider);
        var token = (await api.PasswordAsync(DemoAccounts.Organism, DemoAccounts.Password)).AccessToken!;
        var parts = token.Split('.');
        // Claim someone else's organism: same header and signature, another payload.
        var payload = Jwt.Payload(token).GetRawText().Replace(Clea.Data.Seeding.DemoFixtures.ActiveQualiopi, Clea.Data.Seeding.DemoFixtures.NotQualiopi, StringComparison.Ordinal);
        var tampered = $"{parts[0]}.{Base64UrlEncoder.Encode(payload)}.{parts[2]}";

        Assert.Equal(HttpStatusCode.OK, (await api.WhoAmIAsync(token)).Status);
        Assert.Equal(HttpStatusCode.Unauthorized, (await api.WhoAmIAsync(tampered)).Status);
        Assert.Equal(HttpStatusCode.Unauthorized, (await api.WhoAmIAsync("not-a-token")).Status);
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task A_token_for_another_audience_is_rejected_even_when_signed_by_the_server(DatabaseProvider provider)
    {
        var api = await fixture.For(provider);
        var issued = Jwt.Payload((await api.ClientCredentialsAsync(DemoAccounts.IntegratorClientId, DemoAccounts.IntegratorClientSecret)).AccessToken!);
        var issuer = issued.GetProperty("iss").GetString()!;

        // The control token differs from the rejected one by its audience only.
        Assert.Equal(HttpStatusCode.OK, (await api.WhoAmIAsync(Mint(api, issuer, "clea-graph"))).Status);
        Assert.Equal(HttpStatusCode.Unauthorized, (await api.WhoAmIAsync(Mint(api, issuer, "another-api"))).Status);
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Graphql_stays_public_without_a_token_and_with_a_bad_one(DatabaseProvider provider)
    {
        var api = await fixture.For(provider);
        Assert.Equal(HttpStatusCode.Unauthorized, (await api.WhoAmIAsync(null)).Status);
        var anonymous = await api.PostAsync("{ regions { code } }");
        Assert.Equal(HttpStatusCode.OK, anonymous.Status);
        var badToken = await api.PostAsAsync("not-a-token", "{ regions { code } }");
        Assert.Equal(HttpStatusCode.OK, badToken.Status);
        Assert.False(badToken.HasErrors, badToken.Body);
        var token = (await api.ClientCredentialsAsync(DemoAccounts.IntegratorClientId, DemoAccounts.IntegratorClientSecret)).AccessToken!;
        Assert.Equal(HttpStatusCode.OK, (await api.PostAsAsync(token, "{ regions { code } }")).Status);
    }

    /// <summary>An access token signed with the server's own key, as OpenIddict would issue it, for the given audience.</summary>
    private static string Mint(CleaApi api, string issuer, string audience)
    {
        var server = api.Services.GetRequiredService<IOptionsMonitor<OpenIddictServerOptions>>().CurrentValue;
        var now = api.Clock.GetUtcNow().UtcDateTime;
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            TokenType = "at+jwt",
            Issuer = issuer,
            Audience = audience,
            IssuedAt = now,
            NotBefore = now,
            Expires = now.AddMinutes(5),
            Subject = new ClaimsIdentity([new Claim("sub", "forger"), new Claim("role", "admin"), new Claim("client_id", DemoAccounts.IntegratorClientId)]),
            SigningCredentials = server.SigningCredentials[0],
        });
    }
}

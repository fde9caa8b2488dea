using System.Net;
using System.Text.Json;
using Clea.Auth.Demo;
using Clea.Data.Persistence;
using Clea.Graph.Tests.Support;
using Clea.Testing;
using Microsoft.AspNetCore.WebUtilities;

namespace Clea.Graph.Tests.Identity;

/// <summary>Issue 15, finding 8: PKCE with S256 only, in discovery and in authorization requests.</summary>
[Collection(ApiCollection.Name)]
public sealed class PkceMethodTests(ApiFixture fixture)
{
    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Discovery_announces_S256_only_and_a_plain_challenge_is_refused(DatabaseProvider provider)
    {
        var api = await fixture.For(provider);
        using var discovery = JsonDocument.Parse(await api.Client.GetStringAsync("/.well-known/openid-configuration"));
        Assert.Equal(["S256"], discovery.RootElement.GetProperty("code_challenge_methods_supported").EnumerateArray().Select(m => m.GetString()));

        using var browser = api.CreateBrowser();
        using var response = await browser.GetAsync(QueryHelpers.AddQueryString("/connect/authorize", new Dictionary<string, string?>
        {
            ["client_id"] = DemoAccounts.WebClientId, ["response_type"] = "code", ["redirect_uri"] = DemoAccounts.WebRedirectUri,
            ["scope"] = "openid", ["state"] = "xyz",
            ["code_challenge"] = "a-plain-verifier-that-is-long-enough-0123456789", ["code_challenge_method"] = "plain",
        }));
        var body = await response.Content.ReadAsStringAsync();
        // Refused: an error page (400) or a redirect carrying the error, never a login page or a code.
        var location = response.Headers.Location?.ToString() ?? "";
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest || location.Contains("error=invalid_request"), $"{response.StatusCode} {location} {body}");
        Assert.DoesNotContain("code=", location.Replace("error_code", ""));
    }
}

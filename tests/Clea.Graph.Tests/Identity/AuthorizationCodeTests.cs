using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Clea.Auth.Demo;
using Clea.Data.Persistence;
using Clea.Graph.Tests.Support;
using Clea.Testing;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.IdentityModel.Tokens;

namespace Clea.Graph.Tests.Identity;

/// <summary>The authorization code flow with PKCE, through the login page, as a browser would walk it.</summary>
[Collection(ApiCollection.Name)]
public sealed partial class AuthorizationCodeTests(ApiFixture fixture)
{
    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task A_person_signs_in_at_the_login_page_and_the_code_is_exchanged_with_its_verifier(DatabaseProvider provider)
    {
        var api = await fixture.For(provider);
        using var browser = api.CreateBrowser();
        var verifier = Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(32));
        var challenge = Base64UrlEncoder.Encode(SHA256.HashData(Encoding.ASCII.GetBytes(verifier)));

        using var authorize = await browser.GetAsync(AuthorizeUrl(challenge));
        Assert.Equal(HttpStatusCode.Redirect, authorize.StatusCode);
        var login = authorize.Headers.Location!;
        Assert.Equal("/account/login", login.IsAbsoluteUri ? login.AbsolutePath : login.OriginalString.Split('?')[0]);
        var returnUrl = QueryHelpers.ParseQuery(new Uri(CleaApi.BaseAddress, login).Query)["ReturnUrl"].ToString();

        // A wrong password leaves the person signed out.
        var page = await browser.GetStringAsync(login);
        using (var wrong = await browser.PostAsync("/account/login", LoginForm(page, returnUrl, "Not-the-password")))
            Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);

        page = await browser.GetStringAsync(login);
        using var signIn = await browser.PostAsync("/account/login", LoginForm(page, returnUrl, DemoAccounts.Password));
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        Assert.Equal(returnUrl, signIn.Headers.Location!.OriginalString);

        using var back = await browser.GetAsync(returnUrl);
        Assert.Equal(HttpStatusCode.Redirect, back.StatusCode);
        var callback = back.Headers.Location!;
        Assert.StartsWith(DemoAccounts.WebRedirectUri, callback.AbsoluteUri, StringComparison.Ordinal);
        var query = QueryHelpers.ParseQuery(callback.Query);
        Assert.Equal("xyz", query["state"].ToString());

        var form = new Dictionary<string, string>
        {
            ["grant_type"] = "authorization_code", ["client_id"] = DemoAccounts.WebClientId, ["code"] = query["code"].ToString(),
            ["redirect_uri"] = DemoAccounts.WebRedirectUri,
        };
        var token = await api.TokenAsync(new Dictionary<string, string>(form) { ["code_verifier"] = verifier });
        Assert.True(token.Status == HttpStatusCode.OK, token.Body);
        var payload = Jwt.Payload(token.AccessToken!);
        Assert.Equal(["organism"], Jwt.Values(payload, "role"));
        Assert.Equal([Clea.Data.Seeding.DemoFixtures.ActiveQualiopi], Jwt.Values(payload, "clea_siren"));
        Assert.NotNull(token.RefreshToken);

        // A code is used once.
        Assert.Equal("invalid_grant", (await api.TokenAsync(new Dictionary<string, string>(form) { ["code_verifier"] = verifier })).Error);
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task An_authorization_request_without_pkce_is_refused(DatabaseProvider provider)
    {
        var api = await fixture.For(provider);
        using var browser = api.CreateBrowser();
        using var response = await browser.GetAsync(AuthorizeUrl(challenge: null));
        // OpenIddict answers with its error page (status 400), not a redirect, for a malformed request.
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("error:invalid_request", await response.Content.ReadAsStringAsync());
    }

    private static string AuthorizeUrl(string? challenge)
        => QueryHelpers.AddQueryString("/connect/authorize", new Dictionary<string, string?>
        {
            ["client_id"] = DemoAccounts.WebClientId, ["response_type"] = "code", ["redirect_uri"] = DemoAccounts.WebRedirectUri,
            ["scope"] = "openid offline_access roles", ["state"] = "xyz",
            ["code_challenge"] = challenge, ["code_challenge_method"] = challenge is null ? null : "S256",
        });

    private static FormUrlEncodedContent LoginForm(string page, string returnUrl, string password)
    {
        var antiforgery = AntiforgeryField().Match(page);
        Assert.True(antiforgery.Success, page);
        return new FormUrlEncodedContent(new Dictionary<string, string>
        {
            [antiforgery.Groups[1].Value] = WebUtility.HtmlDecode(antiforgery.Groups[2].Value),
            ["returnUrl"] = returnUrl, ["email"] = DemoAccounts.Organism, ["password"] = password,
        });
    }

    [GeneratedRegex("""<input type="hidden" name="(__RequestVerificationToken[^"]*)" value="([^"]*)">""")]
    private static partial Regex AntiforgeryField();
}

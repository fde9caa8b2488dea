using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Clea.Auth.Demo;
using Clea.Data;
using Clea.Data.Persistence;
using Clea.Graph.Notifications;
using Clea.Graph.Tests.Notifications;
using Clea.Graph.Tests.Support;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.Tokens;
using netDumbster.smtp;

namespace Clea.Graph.Tests.Onboarding;

/// <summary>
/// A host with a real SMTP server (netDumbster) for onboarding tests, and the steps a person takes in a browser: forms with
/// their antiforgery tokens, links read from the e-mails actually received, sign-in by code + PKCE or password grant.
/// </summary>
internal sealed partial class OnboardingWorld : IAsyncDisposable
{
    public const string Password = "Horizon-Lyon-Presqu'île-2026";
    public const string Siren = "812345676";
    public const string HeadOffice = "81234567600017";
    public const string OtherSiren = "812345684";
    public const string OtherHeadOffice = "81234568400011";

    public const string Declare = """
        mutation($input: DeclareOrganismInput!) { declareOrganism(input: $input) {
          siren name nafCode sites { siret headOffice address { postalCode city department { code } region { code } } } } }
        """;

    private readonly SimpleSmtpServer _smtp;

    private OnboardingWorld(SimpleSmtpServer smtp, CleaApi api)
    {
        _smtp = smtp;
        Api = api;
    }

    public CleaApi Api { get; }

    public static async Task<OnboardingWorld> StartAsync(DatabaseProvider provider, IReadOnlyDictionary<string, string?>? settings = null)
    {
        var smtp = SimpleSmtpServer.Start(NotificationTests.FreePort());
        var all = NotificationTests.Smtp(smtp.Configuration.Port);
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>()) all[key] = value;
        return new OnboardingWorld(smtp, await CleaApi.StartAsync(provider, settings: all));
    }

    /// <summary>Delivers the outbox, then returns every e-mail received so far for <paramref name="email"/>, oldest first.</summary>
    public async Task<IReadOnlyList<SmtpMessage>> MailsToAsync(string email)
    {
        await Api.Services.GetRequiredService<NotificationSender>().RunOnceAsync(CancellationToken.None);
        return [.. _smtp.ReceivedEmail.Where(m => m.ToAddresses.Any(a => string.Equals(a.Address, email, StringComparison.OrdinalIgnoreCase)))];
    }

    /// <summary>The text of an e-mail, quoted-printable undone.</summary>
    public static string Body(SmtpMessage mail)
    {
        var raw = mail.MessageParts[0].BodyData;
        return raw.Replace("=\r\n", "", StringComparison.Ordinal).Replace("=3D", "=", StringComparison.Ordinal);
    }

    /// <summary>The path and query of the one link to <paramref name="path"/> in the e-mail (the host is the test server's).</summary>
    public static string LinkIn(SmtpMessage mail, string path)
    {
        var match = Regex.Match(Body(mail), "https?://[^/\\s]+(" + Regex.Escape(path) + "\\?token=[A-Za-z0-9_-]+)");
        Assert.True(match.Success, Body(mail));
        return match.Groups[1].Value;
    }

    /// <summary>GETs a page, then POSTs its form with its antiforgery token and <paramref name="fields"/>.</summary>
    public static async Task<(HttpStatusCode Status, string Html)> SubmitAsync(HttpClient browser, string pageUrl, string action,
        IReadOnlyDictionary<string, string> fields)
    {
        var page = await browser.GetStringAsync(pageUrl);
        var antiforgery = AntiforgeryField().Match(page);
        Assert.True(antiforgery.Success, page);
        var form = new Dictionary<string, string>(fields) { [antiforgery.Groups[1].Value] = WebUtility.HtmlDecode(antiforgery.Groups[2].Value) };
        var token = TokenField().Match(page);
        if (token.Success && !form.ContainsKey("token")) form["token"] = WebUtility.HtmlDecode(token.Groups[1].Value);
        using var response = await browser.PostAsync(action, new FormUrlEncodedContent(form));
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    /// <summary>The code shown by a page that refused a rule (<c>data-code</c>), or null.</summary>
    public static string? CodeIn(string html) => CodeAttribute().Match(html) is { Success: true } m ? m.Groups[1].Value : null;

    public static Task<(HttpStatusCode Status, string Html)> SignUpAsync(HttpClient browser, string email, string displayName, string password)
        => SubmitAsync(browser, "/account/signup", "/account/signup",
            new Dictionary<string, string> { ["email"] = email, ["displayName"] = displayName, ["password"] = password });

    /// <summary>Opens the confirmation link of the last confirmation e-mail received and presses its button.</summary>
    public static Task<(HttpStatusCode Status, string Html)> ConfirmAsync(HttpClient browser, string link)
        => SubmitAsync(browser, link, "/account/confirm", new Dictionary<string, string>());

    public async Task<string> ConfirmationLinkAsync(string email) => LinkIn(await NewMailAsync(email, "Confirmez"), "/account/confirm");

    public async Task<string> InvitationLinkAsync(string email) => LinkIn(await NewMailAsync(email, "Invitation"), "/account/invitation");

    /// <summary>The one e-mail to <paramref name="email"/> whose subject has <paramref name="subject"/>, not returned before (the server keeps no order).</summary>
    public async Task<SmtpMessage> NewMailAsync(string email, string subject)
    {
        var mail = Assert.Single(await MailsToAsync(email), m => m.Subject.Contains(subject, StringComparison.Ordinal) && !_seen.Contains(m));
        _seen.Add(mail);
        return mail;
    }

    private readonly HashSet<SmtpMessage> _seen = [];

    /// <summary>Signs up, confirms from the e-mail and returns a token (password grant) for the new registrant.</summary>
    public async Task<string> RegistrantAsync(string email, string displayName = "Claire Dubois")
    {
        using var browser = Api.CreateBrowser();
        Assert.Equal(HttpStatusCode.OK, (await SignUpAsync(browser, email, displayName, Password)).Status);
        Assert.Equal(HttpStatusCode.OK, (await ConfirmAsync(browser, await ConfirmationLinkAsync(email))).Status);
        return await TokenAsync(email);
    }

    public async Task<string> TokenAsync(string email, string password = Password)
    {
        var token = await Api.PasswordAsync(email, password);
        return token.AccessToken ?? throw new InvalidOperationException(token.Body);
    }

    /// <summary>A registrant who declared <see cref="Siren"/>: the token is refreshed, so it names the organism.</summary>
    public async Task<string> AdministratorAsync(string email, string siren = Siren, string headOffice = HeadOffice)
    {
        var registrant = await RegistrantAsync(email);
        var declared = await Api.PostAsAsync(registrant, Declare, new { input = Declaration(siren, headOffice) });
        Assert.False(declared.HasErrors, declared.Body);
        return await TokenAsync(email);
    }

    /// <summary>Invites <paramref name="email"/> and accepts from the e-mail's link; returns the new account's token.</summary>
    public async Task<string> ColleagueAsync(string adminToken, string email, string role = "ORGANISM_STAFF")
    {
        var invited = await Api.PostAsAsync(adminToken, Invite, new { email, role });
        Assert.False(invited.HasErrors, invited.Body);
        using var browser = Api.CreateBrowser();
        var accepted = await AcceptAsync(browser, await InvitationLinkAsync(email), "Paul Morel", Password);
        Assert.True(accepted.Status == HttpStatusCode.OK, accepted.Html);
        return await TokenAsync(email);
    }

    public const string Invite = "mutation($email: String!, $role: OrganismAccountRole!) { inviteColleague(email: $email, role: $role) { id email role status expiresAt } }";

    public static Task<(HttpStatusCode Status, string Html)> AcceptAsync(HttpClient browser, string link, string displayName, string password)
        => SubmitAsync(browser, link, "/account/invitation", new Dictionary<string, string> { ["displayName"] = displayName, ["password"] = password });

    /// <summary>A valid declaration (Lyon head office, Qualiopi until today included), changed by <paramref name="change"/>.</summary>
    public static Dictionary<string, object?> Declaration(string siren = Siren, string headOffice = HeadOffice,
        Action<Dictionary<string, object?>>? change = null)
    {
        var input = new Dictionary<string, object?>
        {
            ["siren"] = siren, ["name"] = "Zéphyrin Compétences", ["nafCode"] = "85.59A", ["declarationNumber"] = "84691234569",
            ["headOfficeSiret"] = headOffice, ["street"] = "12 rue de la République", ["postalCode"] = "69002", ["city"] = "Lyon",
            ["qualiopi"] = true, ["qualiopiCertificateNumber"] = "QUALIOPI-2025-0042", ["qualiopiValidUntil"] = "2026-11-24",
            ["mainContact"] = new Dictionary<string, object?> { ["name"] = "Claire Dubois", ["email"] = "claire.dubois@horizon-formation.fr" },
        };
        change?.Invoke(input);
        return input;
    }

    /// <summary>Runs <paramref name="read"/> on a fresh DbContext of the host's database.</summary>
    public async Task<T> ReadAsync<T>(Func<CleaDbContext, Task<T>> read)
    {
        await using var scope = Api.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CleaDbContext>();
        db.ChangeTracker.QueryTrackingBehavior = QueryTrackingBehavior.NoTracking;
        return await read(db);
    }

    /// <summary>Signs in at the login page through the authorization endpoint with PKCE (S256), as a browser does; returns the tokens.</summary>
    public async Task<TokenResponse> SignInWithCodeAsync(HttpClient browser, string email, string password)
    {
        var verifier = Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(32));
        var challenge = Base64UrlEncoder.Encode(SHA256.HashData(Encoding.ASCII.GetBytes(verifier)));
        var authorizeUrl = QueryHelpers.AddQueryString("/connect/authorize", new Dictionary<string, string?>
        {
            ["client_id"] = DemoAccounts.WebClientId, ["response_type"] = "code", ["redirect_uri"] = DemoAccounts.WebRedirectUri,
            ["scope"] = "openid offline_access roles", ["state"] = "onboarding", ["code_challenge"] = challenge, ["code_challenge_method"] = "S256",
        });
        using var authorize = await browser.GetAsync(authorizeUrl);
        Assert.Equal(HttpStatusCode.Redirect, authorize.StatusCode);
        var login = authorize.Headers.Location!;
        var returnUrl = QueryHelpers.ParseQuery(new Uri(CleaApi.BaseAddress, login).Query)["ReturnUrl"].ToString();
        var (status, html) = await SubmitAsync(browser, login.OriginalString, "/account/login",
            new Dictionary<string, string> { ["returnUrl"] = returnUrl, ["email"] = email, ["password"] = password });
        Assert.True(status == HttpStatusCode.OK || status == HttpStatusCode.Redirect, $"{(int)status}: {html}");
        using var back = await browser.GetAsync(returnUrl);
        Assert.Equal(HttpStatusCode.Redirect, back.StatusCode);
        var code = QueryHelpers.ParseQuery(back.Headers.Location!.Query)["code"].ToString();
        return await Api.TokenAsync(new Dictionary<string, string>
        {
            ["grant_type"] = "authorization_code", ["client_id"] = DemoAccounts.WebClientId, ["code"] = code,
            ["redirect_uri"] = DemoAccounts.WebRedirectUri, ["code_verifier"] = verifier,
        });
    }

    public async ValueTask DisposeAsync()
    {
        await Api.DisposeAsync();
        _smtp.Dispose();
    }

    [GeneratedRegex("""<input type="hidden" name="(__RequestVerificationToken[^"]*)" value="([^"]*)">""")]
    private static partial Regex AntiforgeryField();

    [GeneratedRegex("""<input type="hidden" name="token" value="([^"]*)">""")]
    private static partial Regex TokenField();

    [GeneratedRegex("data-code=\"([A-Z_]+)\"")]
    private static partial Regex CodeAttribute();
}

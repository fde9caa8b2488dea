using System.Globalization;
using System.Security.Claims;
using System.Text.Encodings.Web;
using Clea.Auth.Users;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Clea.Auth.Server;

/// <summary>
/// The minimal sign-in page behind the authorization endpoint: an HTML form (e-mail, password, antiforgery token) that
/// checks the password and sets the login cookie, then returns to the local URL it came from. Deliberately plain: a real
/// front end may replace it, the authorization endpoint only needs the cookie.
/// </summary>
internal static class LoginEndpoints
{
    public static IResult Form(HttpContext context, IAntiforgery antiforgery, string? returnUrl)
        => Page(context, antiforgery, returnUrl, error: null);

    public static async Task<IResult> SubmitAsync(HttpContext context, IAntiforgery antiforgery, UserAccounts users)
    {
        if (!await antiforgery.IsRequestValidAsync(context))
            return Results.BadRequest("The sign-in form expired: reload the page.");
        var form = await context.Request.ReadFormAsync(context.RequestAborted);
        var returnUrl = form["returnUrl"].ToString();
        var user = await users.AuthenticateAsync(form["email"], form["password"], context.RequestAborted);
        if (user is null) return Page(context, antiforgery, returnUrl, "Wrong e-mail address or password.", StatusCodes.Status401Unauthorized);
        if (!user.MaySignIn) return Page(context, antiforgery, returnUrl, WhyNot(user), StatusCodes.Status403Forbidden);

        var identity = new ClaimsIdentity(CleaIdentity.LoginScheme, Claims.Name, Claims.Role);
        identity.AddClaim(new Claim(Claims.Subject, user.Id.ToString(CultureInfo.InvariantCulture)));
        identity.AddClaim(new Claim(Claims.Name, user.DisplayName));
        await context.SignInAsync(CleaIdentity.LoginScheme, new ClaimsPrincipal(identity));
        return Results.Redirect(IsLocal(returnUrl) ? returnUrl : "/");
    }

    /// <summary>Why a person with the right password may not sign in (only told to whoever knows the password).</summary>
    internal static string WhyNot(Clea.Data.Users.User user)
        => user.EmailConfirmationPending
            ? "Your e-mail address is not confirmed yet: follow the link in the e-mail we sent you (sign up again for a new one)."
            : "This account was revoked by your organism's administrator.";

    public static async Task<IResult> LogoutAsync(HttpContext context)
    {
        await context.SignOutAsync(CleaIdentity.LoginScheme);
        return Results.Ok();
    }

    /// <summary>Only same-site paths: never an open redirect.</summary>
    private static bool IsLocal(string? url)
        => !string.IsNullOrEmpty(url) && url[0] == '/' && (url.Length == 1 || (url[1] != '/' && url[1] != '\\'));

    private static IResult Page(HttpContext context, IAntiforgery antiforgery, string? returnUrl, string? error, int status = StatusCodes.Status200OK)
    {
        var tokens = antiforgery.GetAndStoreTokens(context);
        var html = HtmlEncoder.Default;
        var message = error is null ? string.Empty : $"<p role=\"alert\">{html.Encode(error)}</p>";
        var body = $"""
            <!doctype html>
            <html lang="fr"><head><meta charset="utf-8"><title>CleaGraph — connexion</title></head>
            <body>
            <h1>CleaGraph</h1>
            {message}
            <form method="post" action="{CleaIdentity.LoginPath}">
              <input type="hidden" name="{html.Encode(tokens.FormFieldName)}" value="{html.Encode(tokens.RequestToken ?? string.Empty)}">
              <input type="hidden" name="returnUrl" value="{html.Encode(returnUrl ?? string.Empty)}">
              <label>E-mail <input type="email" name="email" autocomplete="username" required></label>
              <label>Mot de passe <input type="password" name="password" autocomplete="current-password" required></label>
              <button type="submit">Se connecter</button>
            </form>
            <p><a href="{CleaIdentity.SignUpPath}">Créer un compte</a></p>
            </body></html>
            """;
        return Results.Content(body, "text/html; charset=utf-8", statusCode: status);
    }
}

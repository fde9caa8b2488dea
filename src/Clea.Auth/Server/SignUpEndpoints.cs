using System.Text.Encodings.Web;
using Clea.Auth.Users;
using Clea.Data.Common;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http;

namespace Clea.Auth.Server;

/// <summary>
/// The account pages beside the sign-in page, in the same plain HTML with antiforgery tokens: sign up, confirm the e-mail
/// address (the link opens a page whose button confirms: mail scanners that fetch links do not use them up), and accept an
/// invitation. A refused rule shows its message and code (<c>data-code</c>) with status 400.
/// </summary>
internal static class SignUpEndpoints
{
    public static IResult SignUpForm(HttpContext context, IAntiforgery antiforgery) => SignUpPage(context, antiforgery, null);

    public static async Task<IResult> SignUpAsync(HttpContext context, IAntiforgery antiforgery, AccountOnboarding accounts, SignUpThrottle throttle)
    {
        if (!await antiforgery.IsRequestValidAsync(context)) return Expired();
        var form = await context.Request.ReadFormAsync(context.RequestAborted);
        if (!throttle.TryAcquire(context.Connection.RemoteIpAddress?.ToString(), form["email"]))
        {
            context.Response.Headers.RetryAfter = "3600";
            return SignUpPage(context, antiforgery, new DomainRuleException(SignUpThrottle.TooManySignUps,
                "Trop de demandes de création de compte depuis cette adresse ou pour cette adresse e-mail : réessayez dans une heure."),
                StatusCodes.Status429TooManyRequests);
        }
        try
        {
            await accounts.SignUpAsync(form["email"], form["displayName"], form["password"], context.RequestAborted);
        }
        catch (DomainRuleException e)
        {
            return SignUpPage(context, antiforgery, e);
        }
        // The same answer whether the address is new or already has an account (the owner gets an e-mail either way).
        return Page("Vérifiez votre messagerie", """
            <p>Si l'adresse indiquée peut recevoir un compte, un e-mail vient d'y être envoyé : suivez le lien qu'il contient pour
            confirmer votre adresse, puis connectez-vous.</p>
            """);
    }

    public static IResult ConfirmForm(HttpContext context, IAntiforgery antiforgery, string? token)
        => Page("Confirmer votre adresse e-mail", $"""
            <form method="post" action="{CleaIdentity.ConfirmPath}">
              {Antiforgery(context, antiforgery)}
              <input type="hidden" name="token" value="{Html(token)}">
              <button type="submit">Confirmer mon adresse</button>
            </form>
            """);

    public static async Task<IResult> ConfirmAsync(HttpContext context, IAntiforgery antiforgery, AccountOnboarding accounts)
    {
        if (!await antiforgery.IsRequestValidAsync(context)) return Expired();
        var form = await context.Request.ReadFormAsync(context.RequestAborted);
        try
        {
            await accounts.ConfirmAsync(form["token"], context.RequestAborted);
        }
        catch (DomainRuleException e)
        {
            return Page("Lien de confirmation", Alert(e), StatusCodes.Status400BadRequest);
        }
        return Page("Adresse confirmée", $"""<p>Votre adresse est confirmée. <a href="{CleaIdentity.LoginPath}">Connectez-vous</a>, puis déclarez votre organisme.</p>""");
    }

    public static async Task<IResult> InvitationForm(HttpContext context, IAntiforgery antiforgery, AccountOnboarding accounts, string? token)
    {
        try
        {
            var (invitation, organism) = await accounts.InvitationAsync(token, context.RequestAborted);
            return InvitationPage(context, antiforgery, token, $"{organism.Name} (SIREN {organism.Siren})", invitation.Email, null);
        }
        catch (DomainRuleException e)
        {
            return Page("Invitation", Alert(e), StatusCodes.Status400BadRequest);
        }
    }

    public static async Task<IResult> AcceptInvitationAsync(HttpContext context, IAntiforgery antiforgery, AccountOnboarding accounts)
    {
        if (!await antiforgery.IsRequestValidAsync(context)) return Expired();
        var form = await context.Request.ReadFormAsync(context.RequestAborted);
        string token = form["token"].ToString();
        try
        {
            await accounts.AcceptInvitationAsync(token, form["displayName"], form["password"], context.RequestAborted);
        }
        catch (DomainRuleException e)
        {
            return InvitationPage(context, antiforgery, token, null, null, e);
        }
        return Page("Compte créé", $"""<p>Votre compte est créé. <a href="{CleaIdentity.LoginPath}">Connectez-vous</a>.</p>""");
    }

    private static IResult SignUpPage(HttpContext context, IAntiforgery antiforgery, DomainRuleException? error, int? status = null)
        => Page("Créer un compte", $"""
            {(error is null ? "" : Alert(error))}
            <form method="post" action="{CleaIdentity.SignUpPath}">
              {Antiforgery(context, antiforgery)}
              <label>E-mail <input type="email" name="email" autocomplete="username" required></label>
              <label>Nom affiché <input type="text" name="displayName" autocomplete="name" required></label>
              <label>Mot de passe (au moins {PasswordPolicy.MinLength} caractères) <input type="password" name="password" autocomplete="new-password" minlength="{PasswordPolicy.MinLength}" required></label>
              <button type="submit">Créer mon compte</button>
            </form>
            <p><a href="{CleaIdentity.LoginPath}">J'ai déjà un compte</a></p>
            """, status ?? (error is null ? StatusCodes.Status200OK : StatusCodes.Status400BadRequest));

    private static IResult InvitationPage(HttpContext context, IAntiforgery antiforgery, string? token, string? organism, string? email, DomainRuleException? error)
        => Page("Rejoindre un organisme", $"""
            {(error is null ? "" : Alert(error))}
            {(organism is null ? "" : $"<p>Invitation à rejoindre {Html(organism)} pour {Html(email)}.</p>")}
            <form method="post" action="{CleaIdentity.InvitationPath}">
              {Antiforgery(context, antiforgery)}
              <input type="hidden" name="token" value="{Html(token)}">
              <label>Nom affiché <input type="text" name="displayName" autocomplete="name" required></label>
              <label>Mot de passe (au moins {PasswordPolicy.MinLength} caractères) <input type="password" name="password" autocomplete="new-password" minlength="{PasswordPolicy.MinLength}" required></label>
              <button type="submit">Créer mon compte</button>
            </form>
            """, error is null ? StatusCodes.Status200OK : StatusCodes.Status400BadRequest);

    private static string Antiforgery(HttpContext context, IAntiforgery antiforgery)
    {
        var tokens = antiforgery.GetAndStoreTokens(context);
        return $"""<input type="hidden" name="{Html(tokens.FormFieldName)}" value="{Html(tokens.RequestToken)}">""";
    }

    private static string Alert(DomainRuleException e) => $"""<p role="alert" data-code="{Html(e.Code)}">{Html(e.Message)}</p>""";

    private static string Html(string? text) => HtmlEncoder.Default.Encode(text ?? string.Empty);

    private static IResult Expired() => Results.BadRequest("The form expired: reload the page.");

    private static IResult Page(string title, string content, int status = StatusCodes.Status200OK)
        => Results.Content($"""
            <!doctype html>
            <html lang="fr"><head><meta charset="utf-8"><title>CleaGraph — {Html(title)}</title></head>
            <body>
            <h1>{Html(title)}</h1>
            {content}
            </body></html>
            """, "text/html; charset=utf-8", statusCode: status);
}

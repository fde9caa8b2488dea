using System.Globalization;
using System.Security.Claims;
using Clea.Auth.Users;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Clea.Auth.Server;

/// <summary>
/// <c>GET|POST /connect/authorize</c> (authorization code flow, PKCE required by the server): the person must be signed in
/// with the login cookie; otherwise they are sent to the login page and come back here. CleaGraph's clients are
/// first-party, so there is no consent screen.
/// </summary>
internal static class AuthorizeEndpoint
{
    public static async Task<IResult> HandleAsync(HttpContext context, UserAccounts users)
    {
        var request = context.GetOpenIddictServerRequest()
            ?? throw new InvalidOperationException("The OpenIddict server request cannot be retrieved.");

        var login = await context.AuthenticateAsync(CleaIdentity.LoginScheme);
        var subject = login.Succeeded ? login.Principal.FindFirstValue(Claims.Subject) : null;
        var user = int.TryParse(subject, NumberStyles.None, CultureInfo.InvariantCulture, out var id)
            ? await users.FindByIdAsync(id, context.RequestAborted)
            : null;
        // A login cookie older than a revocation does not sign the person in.
        if (user is null || !user.MaySignIn)
        {
            if (request.HasPromptValue(PromptValues.None))
                return TokenEndpoint.Refuse(Errors.LoginRequired, "The user is not signed in.");
            // Back here, with the same parameters, once signed in.
            var returnUrl = context.Request.PathBase + context.Request.Path + QueryString.Create(
                context.Request.HasFormContentType ? [.. context.Request.Form] : [.. context.Request.Query]);
            return Results.Challenge(new AuthenticationProperties { RedirectUri = returnUrl }, [CleaIdentity.LoginScheme]);
        }

        return Results.SignIn(TokenPrincipals.ForUser(user, request.GetScopes()), properties: null,
            OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
    }
}

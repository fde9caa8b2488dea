using System.Globalization;
using Clea.Auth.Users;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Clea.Auth.Server;

/// <summary>
/// <c>POST /connect/token</c>, after OpenIddict has validated the request (client, grant type allowed, PKCE, refresh
/// token not redeemed): decides who the caller is and which claims it gets.
/// </summary>
internal static class TokenEndpoint
{
    public static async Task<IResult> HandleAsync(HttpContext context, IOpenIddictApplicationManager applications, UserAccounts users)
    {
        var request = context.GetOpenIddictServerRequest()
            ?? throw new InvalidOperationException("The OpenIddict server request cannot be retrieved.");
        var ct = context.RequestAborted;

        if (request.IsClientCredentialsGrantType())
        {
            // OpenIddict has authenticated the client with its secret already.
            var application = await applications.FindByClientIdAsync(request.ClientId!, ct)
                ?? throw new InvalidOperationException("The client application cannot be found.");
            return SignIn(TokenPrincipals.ForIntegrator(request.ClientId!, await applications.GetDisplayNameAsync(application, ct), request.GetScopes()));
        }

        if (request.IsPasswordGrantType())
        {
            // Only reachable when Identity:AllowPasswordGrant is true: otherwise OpenIddict answers unsupported_grant_type.
            var user = await users.AuthenticateAsync(request.Username, request.Password, ct);
            if (user is null) return Refuse(Errors.InvalidGrant, "The e-mail address or the password is wrong.");
            return user.MaySignIn
                ? SignIn(TokenPrincipals.ForUser(user, request.GetScopes()))
                : Refuse(Errors.InvalidGrant, LoginEndpoints.WhyNot(user));
        }

        if (request.IsAuthorizationCodeGrantType() || request.IsRefreshTokenGrantType())
        {
            // The code or refresh token was validated by OpenIddict; the user is reloaded so that a deleted or revoked user,
            // or a changed scope (a registrant who declared an organism), takes effect at the next refresh.
            var result = await context.AuthenticateAsync(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
            var subject = result.Principal?.GetClaim(Claims.Subject);
            if (result.Principal is null || subject is null) return Refuse(Errors.InvalidGrant, "The token is no longer valid.");
            if (result.Principal.GetClaim(Claims.Role) == Policies.CleaRoles.Integrator)
                return Refuse(Errors.InvalidGrant, "Integrators use the client credentials grant.");
            var user = int.TryParse(subject, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? await users.FindByIdAsync(id, ct) : null;
            if (user is null) return Refuse(Errors.InvalidGrant, "The user no longer exists.");
            return user.MaySignIn
                ? SignIn(TokenPrincipals.ForUser(user, result.Principal.GetScopes()))
                : Refuse(Errors.InvalidGrant, LoginEndpoints.WhyNot(user));
        }

        return Refuse(Errors.UnsupportedGrantType, "This grant type is not supported.");
    }

    private static IResult SignIn(System.Security.Claims.ClaimsPrincipal principal)
        => Results.SignIn(principal, properties: null, OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);

    internal static IResult Refuse(string error, string description)
        => Results.Forbid(new AuthenticationProperties(new Dictionary<string, string?>
        {
            [OpenIddictServerAspNetCoreConstants.Properties.Error] = error,
            [OpenIddictServerAspNetCoreConstants.Properties.ErrorDescription] = description,
        }), [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
}

using System.Collections.Immutable;
using System.Globalization;
using System.Security.Claims;
using Clea.Auth.Policies;
using Clea.Auth.Users;
using Clea.Data.Users;
using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Clea.Auth.Server;

/// <summary>
/// Builds the identities the identity server signs. Every claim gets an explicit destination: the access token carries
/// sub, name, role and the scope claims the API authorizes on; the identity token carries name only with the
/// <c>profile</c> scope, and role and scope claims only with the <c>roles</c> scope.
/// </summary>
internal static class TokenPrincipals
{
    public static ClaimsPrincipal ForUser(User user, IEnumerable<string> scopes)
    {
        var identity = NewIdentity()
            .SetClaim(Claims.Subject, user.Id.ToString(CultureInfo.InvariantCulture))
            .SetClaim(Claims.Name, user.DisplayName)
            .SetClaim(Claims.Role, UserRoles.ToClaim(user.Role));
        if (user.OrganismSiren is { } siren) identity.SetClaim(CleaClaims.Siren, siren.Value);
        if (user.Role == UserRole.OrganismAdministrator) identity.SetClaim(CleaClaims.OrganismAdministrator, "true");
        if (user.InstanceCode is { } instance) identity.SetClaim(CleaClaims.Instance, instance);
        if (user.AuditedOrganisms.Count > 0)
            identity.SetClaims(CleaClaims.AuditedSiren, [.. user.AuditedOrganisms.Select(a => a.Siren.Value).Order(StringComparer.Ordinal)]);
        return Finish(identity, scopes);
    }

    public static ClaimsPrincipal ForIntegrator(string clientId, string? displayName, IEnumerable<string> scopes)
    {
        var identity = NewIdentity()
            .SetClaim(Claims.Subject, clientId)
            .SetClaim(Claims.Name, displayName ?? clientId)
            .SetClaim(Claims.Role, CleaRoles.Integrator);
        return Finish(identity, scopes);
    }

    private static ClaimsIdentity NewIdentity()
        => new(authenticationType: "OpenIddict.Server.AspNetCore", nameType: Claims.Name, roleType: Claims.Role);

    private static ClaimsPrincipal Finish(ClaimsIdentity identity, IEnumerable<string> scopes)
    {
        identity.SetScopes(scopes.ToImmutableArray());
        identity.SetAudiences(CleaIdentity.Audience);
        identity.SetDestinations(claim => Destinations(claim, identity));
        return new ClaimsPrincipal(identity);
    }

    private static IEnumerable<string> Destinations(Claim claim, ClaimsIdentity identity)
    {
        switch (claim.Type)
        {
            case Claims.Subject:
                yield return OpenIddictConstants.Destinations.AccessToken;
                yield return OpenIddictConstants.Destinations.IdentityToken;
                yield break;
            case Claims.Name:
                yield return OpenIddictConstants.Destinations.AccessToken;
                if (identity.HasScope(Scopes.Profile)) yield return OpenIddictConstants.Destinations.IdentityToken;
                yield break;
            case Claims.Role or CleaClaims.Siren or CleaClaims.OrganismAdministrator or CleaClaims.Instance or CleaClaims.AuditedSiren:
                yield return OpenIddictConstants.Destinations.AccessToken;
                if (identity.HasScope(Scopes.Roles)) yield return OpenIddictConstants.Destinations.IdentityToken;
                yield break;
            default:
                // Anything else (e.g. the security stamp OpenIddict or ASP.NET may add) stays out of the tokens.
                yield break;
        }
    }
}

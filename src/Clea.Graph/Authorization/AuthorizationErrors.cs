using Clea.Data.Access;

namespace Clea.Graph.Authorization;

/// <summary>Authorization error codes (documented in the README). The endpoint answers 401 / 403 for them.</summary>
public static class AuthorizationErrors
{
    /// <summary>The field needs a signed-in caller and there is none (or the token was rejected).</summary>
    public const string NotAuthenticated = AccessErrors.NotAuthenticated;
    /// <summary>The caller is signed in but its role or scope does not allow this field or object.</summary>
    public const string NotAuthorized = AccessErrors.NotAuthorized;
}

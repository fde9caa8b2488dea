namespace Clea.Data.Access;

/// <summary>Access error codes shared by the access rules and the GraphQL authorization rule (documented in the README).</summary>
public static class AccessErrors
{
    /// <summary>The field needs a signed-in caller and there is none (or the token was rejected).</summary>
    public const string NotAuthenticated = "AUTH_NOT_AUTHENTICATED";
    /// <summary>The caller is signed in but its role or scope does not allow this.</summary>
    public const string NotAuthorized = "AUTH_NOT_AUTHORIZED";
}

namespace Clea.Auth.Server;

/// <summary>Fixed names of the identity server: endpoints, the API's audience, the sign-in cookie.</summary>
public static class CleaIdentity
{
    /// <summary>The audience of every access token: the GraphQL API (the resource server is this same host).</summary>
    public const string Audience = "clea-graph";

    public const string TokenPath = "/connect/token";
    public const string AuthorizePath = "/connect/authorize";
    public const string LoginPath = "/account/login";
    public const string LogoutPath = "/account/logout";
    public const string SignUpPath = "/account/signup";
    public const string ConfirmPath = "/account/confirm";
    public const string InvitationPath = "/account/invitation";

    /// <summary>The cookie of a person signed in at the login page (only used by the authorization endpoint).</summary>
    public const string LoginScheme = "Clea.Login";
}

namespace Clea.Auth.Clients;

/// <summary>Stable error codes of client registration.</summary>
public static class ClientErrors
{
    public const string ClientIdRequired = "CLIENT_ID_REQUIRED";
    public const string SecretTooShort = "CLIENT_SECRET_TOO_SHORT";
    public const string ClientAlreadyExists = "CLIENT_ALREADY_EXISTS";
}

namespace Clea.Data.Users;

/// <summary>Stable error codes of the user rules.</summary>
public static class UserErrors
{
    public const string InvalidEmail = "INVALID_EMAIL";
    public const string DisplayNameRequired = "DISPLAY_NAME_REQUIRED";
    public const string PasswordHashRequired = "PASSWORD_HASH_REQUIRED";
    public const string OrganismRequired = "ORGANISM_REQUIRED";
    public const string InstanceRequired = "INSTANCE_REQUIRED";
    public const string AuditedOrganismRequired = "AUDITED_ORGANISM_REQUIRED";
    public const string ScopeNotAllowed = "SCOPE_NOT_ALLOWED";
    public const string EmailAlreadyUsed = "EMAIL_ALREADY_USED";
    public const string UnknownInstance = "UNKNOWN_INSTANCE";
    public const string ConfirmationLinkInvalid = "CONFIRMATION_LINK_INVALID";
    public const string ConfirmationLinkExpired = "CONFIRMATION_LINK_EXPIRED";
    public const string NotARegistrant = "NOT_A_REGISTRANT";
}

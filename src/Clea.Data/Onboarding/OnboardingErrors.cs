namespace Clea.Data.Onboarding;

/// <summary>Stable error codes of onboarding: declaring an organism, invitations and the organism's accounts.</summary>
public static class OnboardingErrors
{
    public const string OrganismAlreadyRegistered = "ORGANISM_ALREADY_REGISTERED";
    public const string UnknownPostalCode = "UNKNOWN_POSTAL_CODE";
    public const string QualiopiCertificateRequired = "QUALIOPI_CERTIFICATE_REQUIRED";
    public const string QualiopiCertificateExpired = "QUALIOPI_CERTIFICATE_EXPIRED";
    public const string QualiopiCertificateNotExpected = "QUALIOPI_CERTIFICATE_NOT_EXPECTED";
    public const string ContactRequired = "CONTACT_REQUIRED";
    public const string NotOrganismAdministrator = "NOT_ORGANISM_ADMINISTRATOR";
    public const string InvitationRoleNotAllowed = "INVITATION_ROLE_NOT_ALLOWED";
    public const string InvitationNotFound = "INVITATION_NOT_FOUND";
    public const string InvitationNotPending = "INVITATION_NOT_PENDING";
    public const string InvitationLinkInvalid = "INVITATION_LINK_INVALID";
    public const string InvitationLinkExpired = "INVITATION_LINK_EXPIRED";
    public const string AccountNotFound = "ACCOUNT_NOT_FOUND";
    public const string LastOrganismAdministrator = "LAST_ORGANISM_ADMINISTRATOR";
}

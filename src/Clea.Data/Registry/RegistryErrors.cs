namespace Clea.Data.Registry;

/// <summary>Stable error codes of the registry rules (documented in the README).</summary>
public static class RegistryErrors
{
    public const string InvalidSiren = "INVALID_SIREN";
    public const string InvalidSiret = "INVALID_SIRET";
    public const string InvalidPostalCode = "INVALID_POSTAL_CODE";
    public const string PostalCodeOutsideDepartment = "POSTAL_CODE_OUTSIDE_DEPARTMENT";
    public const string SiteOfAnotherSiren = "SITE_OF_ANOTHER_SIREN";
    public const string SiteAlreadyListed = "SITE_ALREADY_LISTED";
    public const string SiteAlreadyClosed = "SITE_ALREADY_CLOSED";
    public const string NameRequired = "NAME_REQUIRED";
    public const string InvalidContact = "INVALID_CONTACT";
    public const string InvalidTurnover = "INVALID_TURNOVER";
    public const string InvalidHeadcount = "INVALID_HEADCOUNT";
    public const string SiteNotListed = "SITE_NOT_LISTED";
    public const string SiteClosedBeforeOpening = "SITE_CLOSED_BEFORE_OPENING";
}

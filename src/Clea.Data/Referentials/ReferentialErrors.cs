namespace Clea.Data.Referentials;

/// <summary>Stable error codes for references to reference data that does not exist (documented in the README).</summary>
public static class ReferentialErrors
{
    public const string UnknownRegion = "UNKNOWN_REGION";
    public const string UnknownDepartment = "UNKNOWN_DEPARTMENT";
    public const string UnknownInstance = "UNKNOWN_INSTANCE";
}

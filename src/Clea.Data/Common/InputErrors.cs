namespace Clea.Data.Common;

/// <summary>Error codes for arguments a caller can fix, shared by use cases and the GraphQL layer (documented in the README).</summary>
public static class InputErrors
{
    public const string InvalidArguments = "INVALID_ARGUMENTS";
    public const string ReasonRequired = "REASON_REQUIRED";
    public const string TooManyItems = "TOO_MANY_ITEMS";
}

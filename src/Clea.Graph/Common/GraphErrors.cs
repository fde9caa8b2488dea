using GraphQL;

namespace Clea.Graph.Common;

/// <summary>Error codes raised by the GraphQL layer itself (domain codes come from the domain's error classes).</summary>
public static class GraphErrors
{
    public const string InvalidArguments = "INVALID_ARGUMENTS";
    public const string InvalidCursor = "INVALID_CURSOR";
    public const string InvalidId = "INVALID_ID";
    public const string PageSizeOutOfRange = "PAGE_SIZE_OUT_OF_RANGE";
    public const string UnknownRegion = "UNKNOWN_REGION";
    public const string UnknownDepartment = "UNKNOWN_DEPARTMENT";
    public const string UnknownInstance = "UNKNOWN_INSTANCE";
    public const string TooManyItems = "TOO_MANY_ITEMS";
    public const string ReasonRequired = "REASON_REQUIRED";
    public const string SearchTooLong = "SEARCH_TOO_LONG";

    /// <summary>An argument error the caller can fix; becomes an error with <c>extensions.code</c>.</summary>
    public static ExecutionError Argument(string code, string message) => new(message) { Code = code };
}

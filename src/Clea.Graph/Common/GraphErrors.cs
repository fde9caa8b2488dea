using Clea.Data.Common;
using Clea.Data.Referentials;

namespace Clea.Graph.Common;

/// <summary>Error codes raised by the GraphQL layer itself (domain codes come from the domain's error classes).</summary>
public static class GraphErrors
{
    public const string InvalidArguments = InputErrors.InvalidArguments;
    public const string InvalidCursor = "INVALID_CURSOR";
    public const string InvalidId = "INVALID_ID";
    public const string PageSizeOutOfRange = "PAGE_SIZE_OUT_OF_RANGE";
    public const string UnknownRegion = ReferentialErrors.UnknownRegion;
    public const string UnknownDepartment = ReferentialErrors.UnknownDepartment;
    public const string UnknownInstance = ReferentialErrors.UnknownInstance;
    public const string TooManyItems = InputErrors.TooManyItems;
    public const string ReasonRequired = InputErrors.ReasonRequired;
    public const string SearchTooLong = "SEARCH_TOO_LONG";

    /// <summary>An argument error the caller can fix: the one exception type, mapped to <c>extensions.code</c> at the edge.</summary>
    public static DomainRuleException Argument(string code, string message) => new(code, message);
}

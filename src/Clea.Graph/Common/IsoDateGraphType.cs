using GraphQL.Types;

namespace Clea.Graph.Common;

/// <summary>The <c>Date</c> scalar: an ISO-8601 calendar date such as <c>2026-11-23</c>, mapped to <see cref="DateOnly"/>.</summary>
public sealed class IsoDateGraphType : DateOnlyGraphType
{
    public IsoDateGraphType()
    {
        Name = "Date";
        Description = "An ISO-8601 calendar date (YYYY-MM-DD), e.g. 2026-11-23. Legal dates are French calendar dates.";
    }
}

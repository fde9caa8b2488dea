using GraphQL.Validation;
using GraphQLParser.AST;

namespace Clea.Graph.Http;

/// <summary>
/// GET is safe and cacheable, so it may carry queries only: a mutation over GET is refused before execution and the
/// endpoint answers 405 with <c>Allow: POST</c> (GraphQL over HTTP, "GET"). Runs on cached documents too.
/// </summary>
public sealed class QueriesOnlyOverGetRule : ValidationRuleBase
{
    /// <summary>Set in the user context by the endpoint for GET requests.</summary>
    public const string GetRequestKey = "clea.http.get";

    public override ValueTask<INodeVisitor?> GetPreNodeVisitorAsync(ValidationContext context)
    {
        if (context.UserContext.ContainsKey(GetRequestKey) && context.Operation.Operation != OperationType.Query)
        {
            context.ReportError(new ValidationError(context.Document.Source, HttpErrors.MethodNotAllowed,
                $"A {context.Operation.Operation.ToString().ToLowerInvariant()} cannot be sent with GET: use POST.",
                context.Operation) { Code = HttpErrors.MethodNotAllowed });
        }
        return default;
    }
}

using System.Diagnostics;
using GraphQL;
using GraphQL.DI;
using GraphQL.Execution;
using GraphQL.Validation;
using GraphQLParser.AST;

namespace Clea.Graph.Telemetry;

/// <summary>
/// A <c>graphql.parse</c> span around GraphQL.NET's own parsing. The document cache (<c>Http/DocumentCache.cs</c>) parses
/// first and traces that itself; this one shows when GraphQL.NET parses again (a syntax error, reported with its location).
/// </summary>
internal sealed class TracedDocumentBuilder(IDocumentBuilder inner) : IDocumentBuilder
{
    public GraphQLDocument Build(string body)
    {
        using var activity = CleaTelemetry.Source.StartActivity("graphql.parse");
        return inner.Build(body);
    }
}

/// <summary>A <c>graphql.validate</c> span around the validation rules (authorization and complexity included).</summary>
internal sealed class TracedDocumentValidator(IDocumentValidator inner) : IDocumentValidator
{
    public Task<IValidationResult> ValidateAsync(in ValidationOptions options)
    {
        var activity = CleaTelemetry.Source.StartActivity("graphql.validate");
        Task<IValidationResult> validation;
        try
        {
            validation = inner.ValidateAsync(options);
        }
        catch
        {
            activity?.Dispose();
            throw;
        }
        return activity is null ? validation : EndAsync(validation, activity);
    }

    private static async Task<IValidationResult> EndAsync(Task<IValidationResult> validation, Activity activity)
    {
        using (activity)
        {
            var result = await validation.ConfigureAwait(false);
            if (!result.IsValid) activity.SetStatus(ActivityStatusCode.Error, "invalid document");
            return result;
        }
    }
}

/// <summary>A <c>graphql.execute</c> span around execution; the SQL spans of the resolvers nest under it.</summary>
internal sealed class TracedExecutionStrategySelector(IExecutionStrategySelector inner) : IExecutionStrategySelector
{
    public IExecutionStrategy Select(GraphQL.Execution.ExecutionContext context) => new Traced(inner.Select(context));

    private sealed class Traced(IExecutionStrategy strategy) : IExecutionStrategy
    {
        public async Task<ExecutionResult> ExecuteAsync(GraphQL.Execution.ExecutionContext context)
        {
            using var activity = CleaTelemetry.Source.StartActivity("graphql.execute");
            activity?.SetTag("graphql.operation.type", context.Operation.Operation.ToString().ToLowerInvariant());
            return await strategy.ExecuteAsync(context).ConfigureAwait(false);
        }

        public Task ExecuteNodeTreeAsync(GraphQL.Execution.ExecutionContext context, ExecutionNode rootNode)
            => strategy.ExecuteNodeTreeAsync(context, rootNode);

        public Dictionary<string, (GraphQLField field, GraphQL.Types.FieldType fieldType)>? GetSubFields(GraphQL.Execution.ExecutionContext executionContext, ExecutionNode executionNode)
            => strategy.GetSubFields(executionContext, executionNode);
    }
}

/// <summary>
/// Counts and times every GraphQL request by operation and outcome, and names the operation on the request's span.
/// Outermost of the execution configurations, so a cached document is timed the same way.
/// </summary>
internal sealed class GraphQLRequestMetrics : IConfigureExecution
{
    public float SortOrder => 50;

    public async Task<ExecutionResult> ExecuteAsync(ExecutionOptions options, ExecutionDelegate next)
    {
        var started = Stopwatch.GetTimestamp();
        var result = await next(options).ConfigureAwait(false);
        var type = result.Operation?.Operation.ToString().ToLowerInvariant() ?? "unknown";
        // Client-chosen names: truncated so a careless client cannot blow up the metric's cardinality with long names.
        var name = result.Operation?.Name?.StringValue ?? options.OperationName ?? "anonymous";
        if (name.Length > 64) name = name[..64];
        var outcome = result.Executed is false ? "rejected" : result.Errors is { Count: > 0 } ? "field_error" : "success";
        var tags = new TagList { { "graphql.operation.name", name }, { "graphql.operation.type", type }, { "outcome", outcome } };
        CleaTelemetry.Requests.Add(1, tags);
        CleaTelemetry.RequestDuration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, tags);
        // On every span up to the HTTP request's, so a trace is found by its operation whichever span a tool shows.
        for (var span = Activity.Current; span is not null; span = span.Parent)
        {
            span.SetTag("graphql.operation.name", name);
            span.SetTag("graphql.operation.type", type);
            if (span.Source.Name == "Microsoft.AspNetCore") break;
        }
        return result;
    }
}

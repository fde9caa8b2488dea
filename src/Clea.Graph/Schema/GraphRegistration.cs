using System.Text.Encodings.Web;
using Clea.Auth.Policies;
using Clea.Data;
using Clea.Data.Access;
using Clea.Data.Common;
using Clea.Data.Referentials;
using Clea.Graph.Authorization;
using Clea.Graph.Common;
using Clea.Graph.Http;
using Clea.Graph.Identity;
using Clea.Graph.Privacy;
using GraphQL;
using GraphQL.DI;
using GraphQL.Execution;
using GraphQLParser.AST;

namespace Clea.Graph.Schema;

public static class GraphRegistration
{
    /// <summary>Depth and complexity limits that keep one public query from exhausting the database.</summary>
    public const int MaxDepth = 15;
    public const int MaxComplexity = CostModel.MaxCost;

    /// <summary>
    /// Registers the schema, the per-feature root fields and the per-request loaders.
    /// Concurrency decision: queries run with <see cref="SerialExecutionStrategy"/> because resolvers share the request's
    /// scoped DbContext (which is not thread-safe); batching still happens through the loaders, so a page costs a
    /// constant number of SQL statements. Mutations are serial by specification.
    /// </summary>
    /// <summary>
    /// Every feature's root fields (<see cref="IQueryFields"/>, <see cref="IMutationFields"/>) and per-request loaders
    /// (<see cref="BatchLoader{TKey,TValue}"/>) of this assembly, found by scanning: a new feature registers nothing by hand.
    /// </summary>
    private static void AddFeatureFields(this IServiceCollection services)
    {
        var types = typeof(GraphRegistration).Assembly.GetTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false, IsGenericTypeDefinition: false })
            .OrderBy(t => t.FullName, StringComparer.Ordinal);
        foreach (var type in types)
        {
            if (typeof(IQueryFields).IsAssignableFrom(type)) services.AddSingleton(typeof(IQueryFields), type);
            if (typeof(IMutationFields).IsAssignableFrom(type)) services.AddSingleton(typeof(IMutationFields), type);
            if (IsLoader(type)) services.AddScoped(type);
        }
    }

    private static bool IsLoader(Type type)
    {
        for (var t = type.BaseType; t is not null; t = t.BaseType)
            if (t.IsGenericType && t.GetGenericTypeDefinition() == typeof(BatchLoader<,>)) return true;
        return false;
    }

    public static IServiceCollection AddCleaGraph(this IServiceCollection services, Action<IGraphQLBuilder>? configure = null)
    {
        services.AddOptions<GraphQLHttpOptions>();
        services.AddHttpContextAccessor();
        services.AddCleaPolicies();
        services.AddSingleton<ReferenceData>();
        services.AddSingleton<IReferenceCatalog, ReferenceCatalog>();
        services.AddScoped<ICurrentCaller, ClaimsCaller>();
        services.AddScoped<Clea.Data.Events.IEventActorAccessor, RequestEventActor>();
        services.AddScoped<OrganismAccess>();
        services.AddScoped<Clea.Data.Habilitations.PendingApplications>();
        services.AddScoped<PersonalDataAccessLog>();
        services.AddCleaUseCases();
        services.AddFeatureFields();

        services.AddGraphQL(builder =>
        {
            builder
                .AddSchema<CleaSchema>()
                .AddGraphTypes(typeof(CleaSchema).Assembly)
                .AddSystemTextJson(o => o.Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping) // readable French; served as JSON, never HTML
                .ConfigureExecution<DocumentCache>()
                .ConfigureExecution<Telemetry.GraphQLRequestMetrics>()
                .UseTelemetry(o => o.RecordDocument = false) // the document may quote personal data in literals
                .AddDocumentListener<RequestConnection>(GraphQL.DI.ServiceLifetime.Singleton)
                .AddValidationRule<QueriesOnlyOverGetRule>(useForCachedDocuments: true)
                .AddValidationRule<FieldAuthorizationRule>(useForCachedDocuments: true)
                .AddExecutionStrategy<SerialExecutionStrategy>(OperationType.Query)
                .AddValidationRule(CostModel.Rule(), useForCachedDocuments: true)
                .AddUnhandledExceptionHandler(ctx =>
                {
                    // Domain rule violations are the caller's to fix: surface their stable code and message.
                    if (ctx.OriginalException is DomainRuleException rule)
                        ctx.Exception = new ExecutionError(rule.Message) { Code = rule.Code };
                    else if (ConcurrentChange.IsUniqueViolation(ctx.OriginalException))
                        ctx.Exception = new ExecutionError("Another request created the same record at the same moment; nothing was saved by this one. Retry it.") { Code = ConcurrentChange.Code };
                    // The database is unreachable for a moment: the endpoint answers 503 with Retry-After.
                    else if (TransientFailures.IsTransient(ctx.OriginalException))
                        ctx.Exception = TransientFailures.Error();
                    else
                        // Anything else is a bug: the caller sees only "Error trying to resolve field…", so it must be logged.
                        ctx.Context?.RequestServices?.GetService<ILoggerFactory>()?.CreateLogger("Clea.Graph.Resolvers")
                            .LogError(ctx.OriginalException, "Unhandled exception resolving {Path}", ctx.FieldContext?.Path is { } path ? string.Join('.', path) : "(document)");
                });
            configure?.Invoke(builder);
        });
        return services;
    }
}

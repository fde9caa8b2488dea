using System.Text.Encodings.Web;
using Clea.Data.Common;
using Clea.Auth.Policies;
using Clea.Graph.Applications;
using Clea.Graph.Authorization;
using Clea.Graph.Common;
using Clea.Graph.Evaluations;
using Clea.Graph.Habilitations;
using Clea.Graph.Http;
using Clea.Graph.Identity;
using Clea.Graph.Intervenants;
using Clea.Graph.Privacy;
using Clea.Graph.Instances;
using Clea.Graph.Referentials;
using Clea.Graph.Registry;
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
    public static IServiceCollection AddCleaGraph(this IServiceCollection services, Action<IGraphQLBuilder>? configure = null)
    {
        services.AddOptions<GraphQLHttpOptions>();
        services.AddHttpContextAccessor();
        services.AddScoped<Clea.Data.Events.IEventActorAccessor, Identity.RequestEventActor>();
        services.AddCleaPolicies();
        services.AddSingleton<ReferenceData>();
        services.AddSingleton<IQueryFields, NodeQueries>();
        services.AddSingleton<IQueryFields, ReferentialQueries>();
        services.AddSingleton<IQueryFields, InstanceQueries>();
        services.AddSingleton<IQueryFields, RegistryQueries>();
        services.AddSingleton<IQueryFields, VerificationQueries>();
        services.AddSingleton<IQueryFields, MeQueries>();
        services.AddSingleton<IQueryFields, PrivacyQueries>();
        services.AddSingleton<IQueryFields, ChangeFeedQueries>();
        services.AddSingleton<IMutationFields, OrganismMutations>();
        services.AddSingleton<IMutationFields, IntervenantMutations>();
        services.AddSingleton<IQueryFields, ApplicationQueries>();
        services.AddSingleton<IMutationFields, ApplicationMutations>();
        services.AddSingleton<IMutationFields, InstructionMutations>();
        services.AddSingleton<IQueryFields, CandidateQueries>();
        services.AddSingleton<IQueryFields, CertificateVerificationQueries>();
        services.AddSingleton<IMutationFields, EvaluationMutations>();
        services.AddSingleton<IMutationFields, BulkRecordingMutations>();
        services.AddSingleton<IMutationFields, CandidateDataErasureMutations>();
        services.AddSingleton<IMutationFields, LifecycleMutations>();
        services.AddSingleton<IMutationFields, Situations.SituationChangeFields>();
        services.AddSingleton<IQueryFields, Situations.SituationChangeFields>();
        services.AddSingleton<IMutationFields, Fees.FeeFields>();
        services.AddSingleton<IQueryFields, Fees.FeeFields>();
        services.AddSingleton<IQueryFields, Events.EventQueries>();
        services.AddSingleton<IQueryFields, Audits.AuditQueries>();
        services.AddSingleton<IMutationFields, Audits.AuditMutations>();
        services.AddScoped<Fees.FeeLinesByInvoiceLoader>();

        services.AddScoped<SitesByOrganismLoader>();
        services.AddScoped<HabilitationsByOrganismLoader>();
        services.AddScoped<OrganismByIdLoader>();
        services.AddScoped<SiteByIdLoader>();
        services.AddScoped<HabilitationByIdLoader>();
        services.AddScoped<IntervenantsByOrganismLoader>();
        services.AddScoped<OrganismAccess>();
        services.AddScoped<Dashboard.OrganismActivityLoader>();
        services.AddScoped<HabilitationVerifier>();
        services.AddScoped<PersonalDataAccessLog>();
        services.AddScoped<CandidateFiles>();
        services.AddScoped<Microsoft.AspNetCore.Authentication.IClaimsTransformation, Audits.AuditorClaims>();

        services.AddGraphQL(builder =>
        {
            builder
                .AddSchema<CleaSchema>()
                .AddGraphTypes(typeof(CleaSchema).Assembly)
                .AddSystemTextJson(o => o.Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping) // readable French; served as JSON, never HTML
                .ConfigureExecution<DocumentCache>()
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
                });
            configure?.Invoke(builder);
        });
        return services;
    }
}

using System.Security.Claims;
using Clea.Auth.Policies;
using Clea.Graph.Authorization;
using GraphQL;
using GraphQL.Types;
using Microsoft.Extensions.DependencyInjection;

namespace Clea.Graph.Tests.Authorization;

/// <summary>
/// The rule on a small schema of its own, so each case is explicit: fields and types with policies, fragments, directives,
/// mutations with and without a policy.
/// </summary>
public sealed class FieldAuthorizationRuleTests
{
    private sealed class SecretType : ObjectGraphType
    {
        public SecretType()
        {
            Name = "Secret";
            this.AuthorizeWithPolicy(CleaPolicies.InstanceStaff);
            Field<StringGraphType>("value").Resolve(_ => "s");
        }
    }

    private sealed class PublicType : ObjectGraphType
    {
        public PublicType()
        {
            Name = "Public";
            Field<StringGraphType>("name").Resolve(_ => "p");
            Field<StringGraphType>("turnover").AuthorizeWithPolicy(CleaPolicies.OrganismData).Resolve(_ => "1");
            Field<SecretType>("secret").Resolve(_ => new object());
        }
    }

    private sealed class TestSchema : GraphQL.Types.Schema
    {
        public TestSchema(IServiceProvider services) : base(services)
        {
            var query = new ObjectGraphType { Name = "Query" };
            query.Field<PublicType>("public").Resolve(_ => new object());
            query.Field<StringGraphType>("me").Authorize().Resolve(_ => "me");
            Query = query;
            var mutation = new ObjectGraphType { Name = "Mutation" };
            mutation.Field<StringGraphType>("withPolicy").AuthorizeWithPolicy(CleaPolicies.OrganismStaff).Resolve(_ => "ok");
            mutation.Field<StringGraphType>("withoutPolicy").Resolve(_ => "ran");
            Mutation = mutation;
        }
    }

    private static readonly ServiceProvider Services = BuildServices();

    private static ServiceProvider BuildServices()
    {
        var services = new ServiceCollection().AddLogging().AddCleaPolicies();
        services.AddGraphQL(b => b.AddSchema<TestSchema>().AddGraphTypes(typeof(FieldAuthorizationRuleTests).Assembly)
            .AddSystemTextJson().AddValidationRule<FieldAuthorizationRule>(useForCachedDocuments: true));
        return services.BuildServiceProvider();
    }

    private static ClaimsPrincipal Anonymous => new(new ClaimsIdentity());

    private static ClaimsPrincipal As(string role, params (string Type, string Value)[] scope)
        => new(new ClaimsIdentity([new Claim(CleaClaims.Role, role), .. scope.Select(s => new Claim(s.Type, s.Value))], "test"));

    private static readonly ClaimsPrincipal Instance = As(CleaRoles.InstanceStaff, (CleaClaims.Instance, "CERTIF_PRO"));
    private static readonly ClaimsPrincipal Organism = As(CleaRoles.OrganismStaff, (CleaClaims.Siren, "900000019"));

    private static async Task<ExecutionResult> RunAsync(string query, ClaimsPrincipal user, object? variables = null)
    {
        using var scope = Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<IDocumentExecuter<TestSchema>>().ExecuteAsync(new ExecutionOptions
        {
            Query = query,
            User = user,
            RequestServices = scope.ServiceProvider,
            Variables = variables is null ? null : scope.ServiceProvider.GetRequiredService<IGraphQLTextSerializer>().Deserialize<Inputs>(System.Text.Json.JsonSerializer.Serialize(variables)),
        });
    }

    private static IReadOnlyList<string?> Codes(ExecutionResult result) => result.Errors?.Select(e => e.Code).ToList() ?? [];

    [Fact]
    public async Task Public_fields_and_typename_need_nothing()
    {
        var result = await RunAsync("{ __typename public { __typename name } }", Anonymous);
        Assert.Empty(Codes(result));
        Assert.True(result.Executed);
    }

    [Fact]
    public async Task A_field_with_a_policy_is_refused_before_execution_naming_the_field()
    {
        var result = await RunAsync("{ public { name turnover } }", Anonymous);
        Assert.False(result.Executed);
        Assert.Equal([AuthorizationErrors.NotAuthenticated], Codes(result));
        Assert.Contains("Public.turnover", result.Errors![0].Message, StringComparison.Ordinal);

        var integrator = await RunAsync("{ public { turnover } }", As(CleaRoles.Integrator));
        Assert.Equal([AuthorizationErrors.NotAuthorized], Codes(integrator));

        Assert.Empty(Codes(await RunAsync("{ public { turnover } }", Organism)));
    }

    [Fact]
    public async Task A_type_with_a_policy_is_refused_wherever_it_is_selected()
    {
        Assert.Equal([AuthorizationErrors.NotAuthorized], Codes(await RunAsync("{ public { secret { value } } }", Organism)));
        Assert.Empty(Codes(await RunAsync("{ public { secret { value } } }", Instance)));
    }

    [Fact]
    public async Task Authorize_without_a_policy_needs_any_signed_in_caller()
    {
        Assert.Equal([AuthorizationErrors.NotAuthenticated], Codes(await RunAsync("{ me }", Anonymous)));
        Assert.Empty(Codes(await RunAsync("{ me }", As(CleaRoles.Integrator))));
    }

    [Theory]
    [InlineData("{ public { ...F } } fragment F on Public { turnover }")]
    [InlineData("{ public { ... on Public { turnover } } }")]
    [InlineData("{ public { ... { ...G } } } fragment G on Public { secret { value } }")]
    public async Task Fields_reached_through_fragments_are_checked(string query)
        => Assert.NotEmpty(Codes(await RunAsync(query, Anonymous)));

    [Theory]
    [InlineData("{ public { turnover @skip(if: true) name } }", true)]
    [InlineData("{ public { turnover @include(if: false) name } }", true)]
    [InlineData("{ public { turnover @include(if: true) name } }", false)]
    [InlineData("query($s: Boolean!) { public { turnover @skip(if: $s) name } }", true)]
    [InlineData("query($s: Boolean = true) { public { turnover @skip(if: $s) name } }", true)]
    public async Task Fields_left_out_by_skip_or_include_are_not_checked(string query, bool allowed)
    {
        var result = await RunAsync(query, Anonymous, query.Contains("Boolean!", StringComparison.Ordinal) ? new { s = true } : null);
        Assert.Equal(allowed, Codes(result).Count == 0);
    }

    [Fact]
    public async Task Only_the_selected_operation_is_checked()
    {
        var document = "query Open { public { name } } query Closed { public { turnover } }";
        using var scope = Services.CreateScope();
        var result = await scope.ServiceProvider.GetRequiredService<IDocumentExecuter<TestSchema>>().ExecuteAsync(new ExecutionOptions
        {
            Query = document, OperationName = "Open", User = Anonymous, RequestServices = scope.ServiceProvider,
        });
        Assert.Empty(Codes(result));
    }

    [Fact]
    public async Task A_mutation_without_a_policy_is_denied_by_default_even_to_administrators_and_never_runs()
    {
        var result = await RunAsync("mutation { withoutPolicy }", As(CleaRoles.Administrator));
        Assert.False(result.Executed);
        Assert.Equal([AuthorizationErrors.NotAuthorized], Codes(result));
        Assert.Contains("denied by default", result.Errors![0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_mutation_with_a_policy_runs_for_the_right_role_only()
    {
        Assert.Empty(Codes(await RunAsync("mutation { withPolicy }", Organism)));
        Assert.Equal([AuthorizationErrors.NotAuthorized], Codes(await RunAsync("mutation { withPolicy }", Instance)));
        Assert.Equal([AuthorizationErrors.NotAuthenticated], Codes(await RunAsync("mutation { withPolicy }", Anonymous)));
    }

    [Fact]
    public async Task The_rule_still_runs_when_the_document_comes_from_the_cache()
    {
        using var scope = Services.CreateScope();
        var cache = new Clea.Graph.Http.DocumentCache(Microsoft.Extensions.Options.Options.Create(new Clea.Graph.Http.GraphQLHttpOptions()));
        var options = new ExecutionOptions
        {
            Query = "{ public { turnover } }", User = Organism, RequestServices = scope.ServiceProvider,
        };
        var executer = scope.ServiceProvider.GetRequiredService<IDocumentExecuter<TestSchema>>();
        Assert.Empty(Codes(await cache.ExecuteAsync(options, executer.ExecuteAsync)));
        Assert.Equal(1, cache.Count);

        var again = new ExecutionOptions
        {
            Query = "{ public { turnover } }", User = Anonymous, RequestServices = scope.ServiceProvider,
        };
        Assert.Equal([AuthorizationErrors.NotAuthenticated], Codes(await cache.ExecuteAsync(again, executer.ExecuteAsync)));
    }
}

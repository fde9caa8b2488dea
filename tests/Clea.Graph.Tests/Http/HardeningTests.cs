using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Clea.Auth.Demo;
using Clea.Data.Persistence;
using Clea.Data.Registry;
using Clea.Graph.Common;
using Clea.Graph.Http;
using Clea.Graph.Schema;
using Clea.Graph.Tests.Support;
using Clea.Testing;
using GraphQL;
using GraphQL.DI;
using GraphQL.Types;
using Microsoft.Extensions.DependencyInjection;

namespace Clea.Graph.Tests.Http;

/// <summary>Issue 15: what one anonymous request may make the server do (findings 1–5 and 9).</summary>
[Collection(ApiCollection.Name)]
public sealed class HardeningTests(ApiFixture fixture)
{
    private const string Search = "query($s: String) { organisms(first: 1, where: { search: $s, anyStatus: true }) { totalCount } }";

    private static HttpRequestMessage Post(string body)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = new StringContent(body, Encoding.UTF8) };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse("application/json");
        request.Headers.TryAddWithoutValidation("Accept", CleaApi.GraphQLMediaType);
        return request;
    }

    private static async Task<(GraphQLResponse Response, TimeSpan Elapsed)> TimedAsync(Func<Task<GraphQLResponse>> send)
    {
        var watch = Stopwatch.StartNew();
        var response = await send();
        return (response, watch.Elapsed);
    }

    // 1. A search of 20,000 words overflowed EF Core's stack: it is refused before any SQL, by cost or by its bounds.
    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task A_huge_search_is_refused_quickly_with_a_code_and_the_server_stays_up(DatabaseProvider provider)
    {
        var api = await fixture.For(provider);
        var huge = string.Join(' ', Enumerable.Repeat("e", 20_000));
        var (response, elapsed) = await TimedAsync(() => api.PostAsync(Search, new { s = huge }));
        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal([HttpErrors.Complexity], response.ErrorCodes);
        Assert.True(elapsed < TimeSpan.FromSeconds(2), elapsed.ToString());

        api.Sql.Reset();
        var tooManyWords = await api.PostAsync(Search, new { s = string.Join(' ', Enumerable.Range(0, OrganismSearch.MaxWords + 1).Select(i => $"w{i}")) });
        Assert.Equal([GraphErrors.SearchTooLong], tooManyWords.ErrorCodes);
        var tooLong = await api.PostAsync(Search, new { s = new string('a', OrganismSearch.MaxTextLength + 1) });
        Assert.Equal([GraphErrors.SearchTooLong], tooLong.ErrorCodes);
        Assert.Equal(0, api.Sql.Count);

        var atTheLimit = await api.PostAsync(Search, new { s = string.Join(' ', Enumerable.Range(0, OrganismSearch.MaxWords).Select(_ => "formation")) });
        Assert.False(atTheLimit.HasErrors, atTheLimit.Body);
        Assert.Equal(HttpStatusCode.OK, (await api.PostAsync("{ regions { code } }")).Status);
    }

    [Fact]
    public void The_search_expression_never_has_more_than_the_maximum_number_of_words()
    {
        var search = new OrganismSearch { Text = string.Join(' ', Enumerable.Range(0, 5_000).Select(i => $"w{i}")) };
        Assert.Equal(OrganismSearch.MaxWords, search.Words.Count);
        Assert.Equal(["lyon"], new OrganismSearch { Text = "Lyon lyon LYON" }.Words);
    }

    // 2. A duplicated variable key answered 500 with a stack trace.
    [Theory]
    [InlineData("""{"query":"query($n: Int, $s: String) { organisms(first: $n, where: { search: $s }) { totalCount } }","variables":{"n":1,"n":"x"}}""")]
    [InlineData("""{"query":"{ regions { code } }","variables":{"a":{"b":1,"b":2}}}""")]
    [InlineData("""{"query":"{ regions { code } }","extensions":{"x":1,"x":1}}""")]
    public async Task Duplicated_or_malformed_variables_answer_400_with_a_code(string body)
    {
        var api = await fixture.For(DatabaseProvider.Sqlite);
        var response = await api.SendAsync(Post(body));
        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal([HttpErrors.InvalidJson], response.ErrorCodes);
        Assert.DoesNotContain("   at ", response.Body);
    }

    [Fact]
    public async Task Duplicated_variables_over_GET_answer_400_with_a_code()
    {
        var api = await fixture.For(DatabaseProvider.Sqlite);
        var request = new HttpRequestMessage(HttpMethod.Get,
            "/graphql?query=" + Uri.EscapeDataString("{ regions { code } }") + "&variables=" + Uri.EscapeDataString("""{"n":1,"n":2}"""));
        var response = await api.SendAsync(request);
        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal([HttpErrors.InvalidJson], response.ErrorCodes);
    }

    // 3. Fragments doubling 59 times pinned a core forever.
    [Fact]
    public async Task Fragments_doubling_are_counted_expanded_and_refused_at_once()
    {
        var api = await fixture.For(DatabaseProvider.Sqlite);
        var document = new StringBuilder("fragment F0 on Query { __typename } ");
        for (var i = 1; i <= 59; i++) document.Append($"fragment F{i} on Query {{ ...F{i - 1} ...F{i - 1} }} ");
        document.Insert(0, "{ ...F59 } ");
        var (response, elapsed) = await TimedAsync(() => api.PostAsync(document.ToString()));
        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal([HttpErrors.TooManyFields], response.ErrorCodes);
        Assert.True(elapsed < TimeSpan.FromSeconds(2), elapsed.ToString());
    }

    [Fact]
    public async Task Depth_counts_through_fragments()
    {
        var api = await fixture.For(DatabaseProvider.Sqlite);
        // 16 levels of ofType, reached through a fragment.
        var nested = string.Concat(Enumerable.Repeat("ofType { ", 16)) + "name" + string.Concat(Enumerable.Repeat(" }", 16));
        var response = await api.PostAsync($"{{ __type(name: \"Query\") {{ ...T }} }} fragment T on __Type {{ {nested} }}");
        Assert.Equal([HttpErrors.QueryTooDeep], response.ErrorCodes);
    }

    // 4. Costly documents: aliased searches, huge documents, too many tokens.
    [Fact]
    public async Task Aliased_searches_cost_what_they_cost()
    {
        var api = await fixture.For(DatabaseProvider.Sqlite);
        var words = string.Join(' ', Enumerable.Repeat("formation", 900));
        var fields = string.Join(' ', Enumerable.Range(0, 87).Select(i => $"a{i}: organisms(first: 0, where: {{ search: $s, anyStatus: true }}) {{ totalCount }}"));
        var (response, elapsed) = await TimedAsync(() => api.PostAsync($"query($s: String) {{ {fields} }}", new { s = words }));
        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal([HttpErrors.Complexity], response.ErrorCodes);
        Assert.True(elapsed < TimeSpan.FromSeconds(2), elapsed.ToString());
        var cost = response.Json.GetProperty("extensions").GetProperty("cost");
        Assert.True(cost.GetProperty("requested").GetInt64() > CostModel.MaxCost);
        Assert.Equal(CostModel.MaxCost, cost.GetProperty("limit").GetInt32());
    }

    [Fact]
    public async Task Too_many_aliases_are_refused()
    {
        var api = await fixture.For(DatabaseProvider.Sqlite);
        var fields = string.Join(' ', Enumerable.Range(0, 101).Select(i => $"a{i}: __typename"));
        Assert.Equal([HttpErrors.TooManyAliases], (await api.PostAsync($"{{ {fields} }}")).ErrorCodes);
    }

    [Fact]
    public async Task A_huge_document_and_a_document_of_many_tokens_are_refused_before_parsing()
    {
        var api = await fixture.For(DatabaseProvider.Sqlite);
        var huge = "{ " + string.Concat(Enumerable.Repeat("__typename ", 20_000)) + "}";
        var (response, elapsed) = await TimedAsync(() => api.PostAsync(huge));
        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal([HttpErrors.DocumentTooLarge], response.ErrorCodes);
        Assert.True(elapsed < TimeSpan.FromSeconds(2), elapsed.ToString());

        var tokens = "{ " + string.Concat(Enumerable.Repeat("a ", 6_000)) + "}"; // 12 KB, 6,002 tokens
        Assert.Equal([HttpErrors.TooManyTokens], (await api.PostAsync(tokens)).ErrorCodes);
        var fields = "{ " + string.Concat(Enumerable.Repeat("__typename ", 2_500)) + "}"; // 28 KB, 2,500 fields
        Assert.Equal([HttpErrors.TooManyFields], (await api.PostAsync(fields)).ErrorCodes);
    }

    // 5. The document cache is bounded in bytes, and long documents are never kept.
    [Fact]
    public async Task The_document_cache_is_bounded_in_bytes_and_skips_long_documents()
    {
        await using var api = await CleaApi.StartAsync(DatabaseProvider.Sqlite, demo: false, new Dictionary<string, string?>
        {
            ["GraphQL:DocumentCacheBytes"] = "300000",
            ["GraphQL:MaxCacheableDocumentChars"] = "4000",
        });
        var cache = api.Services.GetServices<IConfigureExecution>().OfType<DocumentCache>().Single();
        for (var i = 0; i < 40; i++)
        {
            var response = await api.PostAsync("{ " + string.Concat(Enumerable.Repeat($"a{i}: __typename ", 20)) + $"{new string(' ', 3000)} }}");
            Assert.False(response.HasErrors, response.Body);
        }
        Assert.InRange(cache.Bytes, 1, 300_000);
        Assert.InRange(cache.Count, 1, 39);

        var before = cache.Count;
        await api.PostAsync("{ __typename" + new string(' ', 5000) + "}");
        Assert.Equal(before, cache.Count);
    }

    // 9. Introspection passes, is cheap and cached; every response reports its cost.
    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task The_standard_introspection_query_passes_and_reports_its_cost(DatabaseProvider provider)
    {
        var api = await fixture.For(provider);
        var first = await api.PostAsync(IntrospectionQuery);
        Assert.Equal(HttpStatusCode.OK, first.Status);
        Assert.False(first.HasErrors, first.Body[..Math.Min(first.Body.Length, 2000)]);
        Assert.Equal("Query", first.Data.GetProperty("__schema").GetProperty("queryType").GetProperty("name").GetString());
        var cost = first.Json.GetProperty("extensions").GetProperty("cost");
        Assert.InRange(cost.GetProperty("requested").GetInt64(), 1, CostModel.MaxCost);

        var (second, elapsed) = await TimedAsync(() => api.PostAsync(IntrospectionQuery));
        Assert.Equal(first.Data.GetRawText(), second.Data.GetRawText());
        Assert.Equal(cost.GetRawText(), second.Json.GetProperty("extensions").GetProperty("cost").GetRawText());
    }

    [Fact]
    public async Task Every_response_reports_extensions_cost_with_the_limit()
    {
        var api = await fixture.For(DatabaseProvider.Sqlite);
        var ok = await api.PostAsync("{ regions { code } }");
        Assert.Equal(CostModel.MaxCost, ok.Json.GetProperty("extensions").GetProperty("cost").GetProperty("limit").GetInt32());
        Assert.True(ok.Json.GetProperty("extensions").GetProperty("cost").GetProperty("requested").GetInt64() >= 1);
        var refused = await api.SendAsync(Post("{\"query\":1}"));
        Assert.Equal(CostModel.MaxCost, refused.Json.GetProperty("extensions").GetProperty("cost").GetProperty("limit").GetInt32());
    }

    // Calibration (issue 11): full pages with every nested public field pass.
    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task A_page_of_20_organisms_with_every_nested_public_field_passes(DatabaseProvider provider)
    {
        var api = await fixture.For(provider);
        var schema = api.Services.GetRequiredService<CleaSchema>();
        schema.Initialize();
        var selection = FullSelection.Of((IComplexGraphType)schema.AllTypes["Organism"]!, publicOnly: true, depth: 6);
        Assert.Contains("periods", selection);
        var response = await api.PostAsync($"query($s: String) {{ organisms(first: 20, where: {{ search: $s }}) {{ totalCount pageInfo {{ hasNextPage endCursor }} nodes {{ {selection} }} }} }}", new { s = "formation" });
        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.False(response.HasErrors, response.Body[..Math.Min(response.Body.Length, 2000)]);
        Assert.Equal(20, response.Data.GetProperty("organisms").GetProperty("nodes").GetArrayLength());
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task A_page_of_100_candidates_with_their_evaluations_and_results_passes(DatabaseProvider provider)
    {
        var api = await fixture.For(provider);
        var schema = api.Services.GetRequiredService<CleaSchema>();
        schema.Initialize();
        var selection = FullSelection.Of((IComplexGraphType)schema.AllTypes["Candidate"]!, publicOnly: false, depth: 4);
        Assert.Contains("results", selection);
        var token = await api.TokenForAsync(DemoAccounts.Organism);
        var response = await api.PostAsAsync(token, $"{{ candidates(siren: \"900000019\", first: 100) {{ totalCount pageInfo {{ hasNextPage }} nodes {{ {selection} }} }} }}");
        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.False(response.HasErrors, response.Body[..Math.Min(response.Body.Length, 2000)]);
    }

    /// <summary>The standard introspection query sent by GraphiQL, Apollo and graphql-codegen.</summary>
    public const string IntrospectionQuery = """
        query IntrospectionQuery {
          __schema {
            queryType { name } mutationType { name } subscriptionType { name }
            types { ...FullType }
            directives { name description locations args { ...InputValue } }
          }
        }
        fragment FullType on __Type {
          kind name description
          fields(includeDeprecated: true) { name description args { ...InputValue } type { ...TypeRef } isDeprecated deprecationReason }
          inputFields { ...InputValue }
          interfaces { ...TypeRef }
          enumValues(includeDeprecated: true) { name description isDeprecated deprecationReason }
          possibleTypes { ...TypeRef }
        }
        fragment InputValue on __InputValue { name description type { ...TypeRef } defaultValue }
        fragment TypeRef on __Type {
          kind name
          ofType { kind name ofType { kind name ofType { kind name ofType { kind name ofType { kind name ofType { kind name ofType { kind name } } } } } } }
        }
        """;
}

/// <summary>Every field of a type reachable without required arguments, nested to a depth (each type once per path).</summary>
internal static class FullSelection
{
    public static string Of(IComplexGraphType type, bool publicOnly, int depth) => Of(type, publicOnly, depth, [type.Name]);

    private static string Of(IComplexGraphType type, bool publicOnly, int depth, HashSet<string> path)
    {
        var parts = new List<string>();
        foreach (var field in type.Fields)
        {
            if (field.Arguments?.Any(a => a.ResolvedType is NonNullGraphType && a.DefaultValue is null) == true) continue;
            var named = field.ResolvedType!.GetNamedType();
            if (publicOnly && !IsPublic(field, named)) continue;
            // Oversight fields (withdrawal case and effect) are for Instance staff: the organism's page leaves them out.
            if (field.GetPolicies()?.Contains(Clea.Auth.Policies.CleaPolicies.Oversight) == true) continue;
            if (named is IComplexGraphType complex and not IAbstractGraphType)
            {
                if (depth <= 1 || !path.Add(complex.Name)) continue;
                var inner = Of(complex, publicOnly, depth - 1, path);
                path.Remove(complex.Name);
                if (inner.Length > 0) parts.Add($"{field.Name} {{ {inner} }}");
            }
            else if (named is not IComplexGraphType && named is not IAbstractGraphType)
            {
                parts.Add(field.Name);
            }
        }
        return string.Join(' ', parts);
    }

    private static bool IsPublic(FieldType field, IGraphType type)
        => !field.IsAuthorizationRequired() && (field.GetPolicies()?.Count ?? 0) == 0
           && !type.IsAuthorizationRequired() && (type.GetPolicies()?.Count ?? 0) == 0;
}

/// <summary>
/// Alone: the timeout is a timer whose callback needs a free thread-pool thread, and a fully synchronous request run while
/// other tests keep the pool busy can finish before the callback is scheduled.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class AloneCollection
{
    public const string Name = "Alone";
}

/// <summary>Issue 15, finding 4: the execution timeout stops the request and answers a coded 504.</summary>
[Collection(AloneCollection.Name)]
public sealed class ExecutionTimeoutTests
{
    [Fact]
    public async Task A_request_past_the_execution_timeout_is_stopped_with_a_code()
    {
        await using var api = await CleaApi.StartAsync(DatabaseProvider.Sqlite, demo: false,
            new Dictionary<string, string?> { ["GraphQL:ExecutionTimeout"] = "00:00:00.001" });
        // Work that surely outlasts the 1 ms timer: twenty walks of the whole schema.
        var walks = string.Join(' ', Enumerable.Range(0, 20).Select(i => $"s{i}: __schema {{ types {{ name fields {{ name args {{ name type {{ name kind }} }} type {{ name kind }} }} }} }}"));
        var response = await api.PostAsync("query { " + walks + " }");
        Assert.Equal(HttpStatusCode.GatewayTimeout, response.Status);
        Assert.Equal([HttpErrors.ExecutionTimeout], response.ErrorCodes);
        Assert.DoesNotContain("   at ", response.Body);
    }
}

/// <summary>Issue 11 (calibration): no document of the README is refused by a limit or by its cost.</summary>
[Collection(ApiCollection.Name)]
public sealed class ReadmeExampleCostTests(ApiFixture fixture, Xunit.Abstractions.ITestOutputHelper output)
{
    private static readonly string[] LimitCodes =
        [HttpErrors.Complexity, HttpErrors.TooManyFields, HttpErrors.TooManyAliases, HttpErrors.TooManyTokens, HttpErrors.QueryTooDeep, HttpErrors.DocumentTooLarge];

    [Fact]
    public async Task Every_README_example_is_within_the_limits()
    {
        var api = await fixture.For(DatabaseProvider.Sqlite);
        var operations = ReadmeOperations().ToList();
        Assert.True(operations.Count >= 30, $"{operations.Count} operations found");
        foreach (var (operation, variables) in operations)
        {
            // Anonymous: protected fields are refused, nothing executes.
            var response = await api.PostAsync(operation, variables);
            var cost = response.Json.GetProperty("extensions").GetProperty("cost").GetProperty("requested");
            output.WriteLine($"{(cost.ValueKind == JsonValueKind.Number ? cost.GetDouble() : -1),8} {operation[..Math.Min(100, operation.Length)]}");
            Assert.DoesNotContain(response.ErrorCodes, c => LimitCodes.Contains(c));
            if (cost.ValueKind == JsonValueKind.Number) Assert.InRange(cost.GetDouble(), 0, 2_000);
        }
    }

    private static IEnumerable<(string Query, JsonElement? Variables)> ReadmeOperations()
    {
        var readme = File.ReadAllText(Path.Combine(Hosting.ProductionStartTests.SourceRoot(), "README.md"));
        foreach (System.Text.RegularExpressions.Match curl in System.Text.RegularExpressions.Regex.Matches(readme, """-d '(\{"query":.*?\})'"""))
        {
            var body = JsonDocument.Parse(curl.Groups[1].Value).RootElement;
            yield return (body.GetProperty("query").GetString()!, body.TryGetProperty("variables", out var v) ? v.Clone() : null);
        }
        foreach (System.Text.RegularExpressions.Match block in System.Text.RegularExpressions.Regex.Matches(readme, "```graphql\n(.*?)```", System.Text.RegularExpressions.RegexOptions.Singleline))
        {
            // Elided list items ("…") are left out; each operation is sent on its own.
            var source = System.Text.RegularExpressions.Regex.Replace(block.Groups[1].Value, "#[^\n]*", "").Replace(", …", "").Replace(" … ", " ");
            var document = GraphQLParser.Parser.Parse(source);
            foreach (var definition in document.Definitions)
                yield return (source[definition.Location.Start..definition.Location.End], null);
        }
    }
}

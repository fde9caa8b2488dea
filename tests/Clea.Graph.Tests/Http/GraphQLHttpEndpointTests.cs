using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Clea.Data.Persistence;
using Clea.Graph.Http;
using Clea.Graph.Tests.Support;
using Clea.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Clea.Graph.Tests.Http;

/// <summary>The GraphQL-over-HTTP contract: methods, media types, status codes, limits, error codes.</summary>
[Collection(ApiCollection.Name)]
public sealed class GraphQLHttpEndpointTests(ApiFixture fixture)
{
    private const string RegionsQuery = "{ regions { code } }";

    private static HttpRequestMessage Post(string body, string contentType = "application/json", string? accept = CleaApi.GraphQLMediaType)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = new StringContent(body, Encoding.UTF8) };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        if (accept is not null) request.Headers.TryAddWithoutValidation("Accept", accept);
        return request;
    }

    private static HttpRequestMessage Get(string queryString, string? accept = CleaApi.GraphQLMediaType)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/graphql?" + queryString);
        if (accept is not null) request.Headers.TryAddWithoutValidation("Accept", accept);
        return request;
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task A_POSTed_query_answers_200_in_the_graphql_response_media_type(DatabaseProvider provider)
    {
        var api = await fixture.For(provider);
        var response = await api.SendAsync(Post("""{"query":"{ regions { code } }"}"""));
        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Equal(CleaApi.GraphQLMediaType, response.MediaType);
        Assert.Equal(18, response.Data.GetProperty("regions").GetArrayLength());
    }

    [Theory]
    [InlineData(null, "application/json")]
    [InlineData("application/json", "application/json")]
    [InlineData("*/*", CleaApi.GraphQLMediaType)]
    [InlineData("application/graphql-response+json, application/json;q=0.9", CleaApi.GraphQLMediaType)]
    [InlineData("application/graphql-response+json;q=0.5, application/json", "application/json")]
    [InlineData("text/html", CleaApi.GraphQLMediaType)]
    public async Task The_response_media_type_follows_the_accept_header(string? accept, string expected)
    {
        var api = await fixture.For(DatabaseProvider.Sqlite);
        var response = await api.SendAsync(Post("""{"query":"{ regions { code } }"}""", accept: accept));
        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Equal(expected, response.MediaType);
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task A_GET_query_with_variables_is_executed(DatabaseProvider provider)
    {
        var api = await fixture.For(provider);
        var query = Uri.EscapeDataString("query($code: CertificationCode!) { certification(code: $code) { rsCode } }");
        var variables = Uri.EscapeDataString("""{"code":"CLEA_NUMERIQUE"}""");
        var response = await api.SendAsync(Get($"query={query}&variables={variables}"));
        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Equal("RS5616", response.Data.GetProperty("certification").GetProperty("rsCode").GetString());
    }

    [Fact]
    public async Task A_mutation_over_GET_is_refused_with_405_and_Allow_POST_even_from_the_document_cache()
    {
        var api = await fixture.For(DatabaseProvider.Sqlite);
        var query = Uri.EscapeDataString("mutation { __typename }");
        // Once over POST so the document may be cached, then over GET: the GET rule must still run.
        await api.SendAsync(Post("""{"query":"mutation { __typename }"}"""));
        var response = await api.SendAsync(Get($"query={query}"));
        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.Status);
        Assert.Equal("POST", response.Allow);
        Assert.Contains(HttpErrors.MethodNotAllowed, response.ErrorCodes);
    }

    [Fact]
    public async Task Other_methods_get_405_with_the_allowed_ones()
    {
        var api = await fixture.For(DatabaseProvider.Sqlite);
        var response = await api.SendAsync(new HttpRequestMessage(HttpMethod.Put, "/graphql") { Content = new StringContent("{}") });
        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.Status);
        Assert.Equal("GET, POST", response.Allow);
        Assert.Equal([HttpErrors.MethodNotAllowed], response.ErrorCodes);
    }

    [Theory]
    [InlineData("{\"query\": ", HttpErrors.InvalidJson)]
    [InlineData("not json at all", HttpErrors.InvalidJson)]
    [InlineData("[{\"query\":\"{ regions { code } }\"}]", HttpErrors.InvalidJson)]
    [InlineData("{\"query\": 42}", HttpErrors.InvalidJson)]
    [InlineData("{\"query\":\"{ regions { code } }\",\"variables\":[1]}", HttpErrors.InvalidJson)]
    [InlineData("{\"operationName\":\"x\"}", HttpErrors.InvalidRequest)]
    [InlineData("{\"query\":\"   \"}", HttpErrors.InvalidRequest)]
    public async Task A_malformed_request_is_a_400_with_a_code_whatever_the_media_type(string body, string code)
    {
        var api = await fixture.For(DatabaseProvider.Sqlite);
        foreach (var accept in new[] { CleaApi.GraphQLMediaType, "application/json" })
        {
            var response = await api.SendAsync(Post(body, accept: accept));
            Assert.Equal(HttpStatusCode.BadRequest, response.Status);
            Assert.Equal([code], response.ErrorCodes);
        }
    }

    [Fact]
    public async Task Unknown_request_properties_are_ignored()
    {
        var api = await fixture.For(DatabaseProvider.Sqlite);
        var response = await api.SendAsync(Post("""{"query":"{ regions { code } }","somethingElse":{"a":1},"extensions":{"x":true}}"""));
        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.False(response.HasErrors);
    }

    [Theory]
    [InlineData("text/plain")]
    [InlineData("application/x-www-form-urlencoded")]
    [InlineData("application/json; charset=latin1")]
    public async Task Another_content_type_is_a_415(string contentType)
    {
        var api = await fixture.For(DatabaseProvider.Sqlite);
        var response = await api.SendAsync(Post("""{"query":"{ regions { code } }"}""", contentType));
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.Status);
        Assert.Equal([HttpErrors.UnsupportedMediaType], response.ErrorCodes);
    }

    [Fact]
    public async Task A_body_over_the_size_limit_is_a_413_and_nothing_is_executed()
    {
        var api = await fixture.For(DatabaseProvider.Sqlite);
        var limit = api.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<GraphQLHttpOptions>>().Value.MaxRequestBytes;
        var padding = new string(' ', limit);
        api.Sql.Reset();
        var response = await api.SendAsync(Post($$"""{"query":"{ regions { code } }{{padding}}"}"""));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.Status);
        Assert.Equal([HttpErrors.RequestTooLarge], response.ErrorCodes);
        Assert.Equal(0, api.Sql.Count);
    }

    [Fact]
    public async Task A_GET_without_a_query_is_a_400()
    {
        var api = await fixture.For(DatabaseProvider.Sqlite);
        var response = await api.SendAsync(Get("operationName=x"));
        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal([HttpErrors.InvalidRequest], response.ErrorCodes);
    }

    [Theory]
    [InlineData("{ regions { code nope } }", "FIELDS_ON_CORRECT_TYPE")]
    [InlineData("{ regions { code ", "SYNTAX_ERROR")]
    [InlineData("{ organisms(first: \"ten\") { totalCount } }", "ARGUMENTS_OF_CORRECT_TYPE")]
    public async Task Documents_that_do_not_parse_or_validate_are_400s_with_the_graphql_media_type_and_200s_with_legacy_json(string query, string code)
    {
        var api = await fixture.For(DatabaseProvider.Sqlite);
        var body = System.Text.Json.JsonSerializer.Serialize(new { query });
        var modern = await api.SendAsync(Post(body));
        Assert.Equal(HttpStatusCode.BadRequest, modern.Status);
        Assert.Contains(code, modern.ErrorCodes);
        Assert.False(modern.Json.TryGetProperty("data", out _));

        var legacy = await api.SendAsync(Post(body, accept: "application/json"));
        Assert.Equal(HttpStatusCode.OK, legacy.Status);
        Assert.Contains(code, legacy.ErrorCodes);
    }

    [Fact]
    public async Task A_variable_of_the_wrong_type_is_a_400_that_names_the_variable()
    {
        var api = await fixture.For(DatabaseProvider.Sqlite);
        var response = await api.PostAsync("query($n: Int) { organisms(first: $n) { totalCount } }", new { n = "ten" });
        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Contains("$n", response.Errors[0].GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Contains("INVALID_VALUE", response.ErrorCodes);
    }

    [Fact]
    public async Task A_query_deeper_than_the_limit_is_refused_before_execution()
    {
        var api = await fixture.For(DatabaseProvider.Sqlite);
        var nested = "{ organisms(first: 1) { nodes { sites { organism { sites { organism { sites { organism { sites { organism { sites { organism { sites { organism { name } } } } } } } } } } } } } } }";
        api.Sql.Reset();
        var response = await api.PostAsync(nested);
        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal(0, api.Sql.Count);
    }

    [Fact]
    public async Task A_repeated_document_is_parsed_and_validated_once()
    {
        var api = await fixture.For(DatabaseProvider.Sqlite);
        var cache = api.Services.GetServices<GraphQL.DI.IConfigureExecution>().OfType<DocumentCache>().Single();
        var unique = $"query Unique{Guid.NewGuid():N} {{ regions {{ code }} }}";
        var before = cache.Count;
        await api.QueryAsync(unique);
        Assert.Equal(before + 1, cache.Count);
        await api.QueryAsync(unique);
        Assert.Equal(before + 1, cache.Count);
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task A_rule_error_during_execution_is_a_200_with_its_code(DatabaseProvider provider)
    {
        var api = await fixture.For(provider);
        var response = await api.PostAsync("{ organism(siren: \"123\") { name } }");
        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Equal(["INVALID_SIREN"], response.ErrorCodes);
        Assert.Equal(System.Text.Json.JsonValueKind.Null, response.Data.GetProperty("organism").ValueKind);
    }
}

using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Clea.Data.Persistence;
using Clea.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Clea.Graph.Tests.Support;

/// <summary>
/// The real host (Program) on a fresh database of one provider, with demo data seeded for a fixed "today", reached over
/// in-memory HTTP. Counts the SQL statements each request costs.
/// </summary>
public sealed class CleaApi : IAsyncDisposable
{
    public const string GraphQLMediaType = "application/graphql-response+json";

    private readonly WebApplicationFactory<Program> _factory;
    private readonly TestDatabase _database;

    private CleaApi(TestDatabase database, WebApplicationFactory<Program> factory, FixedClock clock, SqlCounter sql)
    {
        _database = database;
        _factory = factory;
        Clock = clock;
        Sql = sql;
        Client = factory.CreateClient();
    }

    public DatabaseProvider Provider => _database.Provider;
    public HttpClient Client { get; }
    public FixedClock Clock { get; }
    public SqlCounter Sql { get; }
    public IServiceProvider Services => _factory.Services;

    public static async Task<CleaApi> StartAsync(DatabaseProvider provider, bool demo = true)
    {
        var database = await TestDatabase.CreateAsync(provider);
        var clock = new FixedClock();
        var sql = new SqlCounter();
        var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(web =>
        {
            web.UseEnvironment("Development");
            web.UseSetting("Database:Provider", provider.ToString());
            web.UseSetting("Database:ConnectionString", database.ConnectionString);
            web.UseSetting("Seed:Demo", demo ? "true" : "false");
            web.ConfigureTestServices(services =>
            {
                services.RemoveAll<TimeProvider>();
                services.AddSingleton<TimeProvider>(clock);
                services.AddSingleton<IInterceptor>(sql);
            });
        });
        var api = new CleaApi(database, factory, clock, sql);
        _ = api.Services; // starts the host: migrations and seeding happen here, not in the first test
        return api;
    }

    /// <summary>POSTs a GraphQL request and returns the parsed response; asserts nothing about its status.</summary>
    public async Task<GraphQLResponse> PostAsync(string query, object? variables = null, string accept = GraphQLMediaType)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql")
        {
            Content = new StringContent(JsonSerializer.Serialize(new { query, variables }), Encoding.UTF8, "application/json"),
        };
        request.Headers.Accept.Add(MediaTypeWithQualityHeaderValue.Parse(accept));
        return await SendAsync(request);
    }

    public async Task<GraphQLResponse> SendAsync(HttpRequestMessage request)
    {
        using var response = await Client.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        return new GraphQLResponse(response.StatusCode, response.Content.Headers.ContentType?.MediaType, string.Join(", ", response.Content.Headers.Allow), body);
    }

    /// <summary>Runs a query that must succeed (200, no errors) and returns its <c>data</c>.</summary>
    public async Task<JsonElement> QueryAsync(string query, object? variables = null)
    {
        var response = await PostAsync(query, variables);
        Assert.True(response.Status == System.Net.HttpStatusCode.OK && !response.HasErrors, $"Expected success, got {(int)response.Status}: {response.Body}");
        return response.Data;
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _factory.DisposeAsync();
        await _database.DisposeAsync();
    }
}

public sealed record GraphQLResponse(System.Net.HttpStatusCode Status, string? MediaType, string Allow, string Body)
{
    private readonly JsonElement _json = Body.Length == 0 ? default : JsonDocument.Parse(Body).RootElement.Clone();

    public JsonElement Json => _json;
    public JsonElement Data => _json.GetProperty("data");
    public bool HasErrors => _json.ValueKind == JsonValueKind.Object && _json.TryGetProperty("errors", out _);

    public IReadOnlyList<JsonElement> Errors => _json.TryGetProperty("errors", out var errors) ? [.. errors.EnumerateArray()] : [];

    /// <summary>The <c>extensions.code</c> of every error, in order.</summary>
    public IReadOnlyList<string?> ErrorCodes => [.. Errors.Select(e => e.TryGetProperty("extensions", out var x) && x.TryGetProperty("code", out var c) ? c.GetString() : null)];
}

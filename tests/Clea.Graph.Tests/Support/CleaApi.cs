using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Clea.Data.Persistence;
using Clea.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Clea.Graph.Tests.Support;

/// <summary>
/// The real host (Program) on a fresh database of one provider, with demo data seeded for a fixed "today", reached over
/// in-memory HTTP at <c>https://localhost</c> (the identity server requires HTTPS). Counts the SQL statements each
/// request costs. The password grant is enabled unless <c>settings</c> say otherwise, and a test-only route
/// <see cref="WhoAmIPath"/> shows the <c>HttpContext.User</c> the default authentication scheme produced.
/// </summary>
public sealed class CleaApi : IAsyncDisposable
{
    public const string GraphQLMediaType = "application/graphql-response+json";

    /// <summary>Test-only route: 401 when the caller is anonymous, else its claims as a JSON object of arrays.</summary>
    public const string WhoAmIPath = "/test/whoami";

    public static readonly Uri BaseAddress = new("https://localhost");

    private readonly WebApplicationFactory<Program> _factory;
    private readonly TestDatabase _database;

    private CleaApi(TestDatabase database, WebApplicationFactory<Program> factory, FixedClock clock, SqlCounter sql, bool kestrel)
    {
        _database = database;
        _factory = factory;
        Clock = clock;
        Sql = sql;
        if (kestrel)
        {
            // A real socket, for clients outside the process (a browser): the test server is in-memory only.
            factory.UseKestrel(0);
            factory.StartServer();
            ServerAddress = new Uri(factory.Services.GetRequiredService<Microsoft.AspNetCore.Hosting.Server.IServer>()
                .Features.Get<Microsoft.AspNetCore.Hosting.Server.Features.IServerAddressesFeature>()!.Addresses.First());
        }
        else factory.ClientOptions.BaseAddress = BaseAddress;
        Client = factory.CreateClient();
    }

    /// <summary>The Kestrel address (<c>http://127.0.0.1:port</c>) when started with <c>kestrel: true</c>.</summary>
    public Uri? ServerAddress { get; }

    public DatabaseProvider Provider => _database.Provider;
    /// <summary>The database this host runs on (a second host may share it: the two-node tests).</summary>
    public string ConnectionString => _database.ConnectionString;
    public HttpClient Client { get; }
    public FixedClock Clock { get; }
    public SqlCounter Sql { get; }
    public IServiceProvider Services => _factory.Services;

    /// <summary>Starts the host on a clone of a seeded template; <paramref name="services"/> adds test-only services (an interceptor).</summary>
    public static async Task<CleaApi> StartAsync(DatabaseProvider provider, bool demo = true,
        IReadOnlyDictionary<string, string?>? settings = null, Action<IServiceCollection>? services = null, bool kestrel = false)
    {
        var template = await Templates.GetOrAdd((provider, demo, DemoActivity(settings)),
            key => new Lazy<Task<TestDatabase>>(() => SeedTemplateAsync(key.Provider, demo, settings))).Value;
        var database = await TestDatabase.CloneAsync(template);
        var clock = new FixedClock();
        var sql = new SqlCounter();
        var api = new CleaApi(database, CreateFactory(database, clock, sql, demo, settings, services), clock, sql, kestrel);
        _ = api.Services; // starts the host: pending migrations and seeding (none on a clone) happen here, not in the first test
        return api;
    }

    /// <summary>
    /// Seeded databases to clone, one per provider and seeding choice, made by starting the host once on an empty database:
    /// the same start-up path as production, paid once per test run instead of once per test.
    /// </summary>
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<(DatabaseProvider Provider, bool Demo, bool Activity), Lazy<Task<TestDatabase>>> Templates = new();

    private static bool DemoActivity(IReadOnlyDictionary<string, string?>? settings)
        => settings is not null && settings.TryGetValue("Seed:DemoActivity", out var value) && string.Equals(value, "true", StringComparison.OrdinalIgnoreCase);

    private static async Task<TestDatabase> SeedTemplateAsync(DatabaseProvider provider, bool demo, IReadOnlyDictionary<string, string?>? settings)
    {
        var template = await TestDatabase.CreateAsync(provider);
        var seeding = DemoActivity(settings) ? new Dictionary<string, string?> { ["Seed:DemoActivity"] = "true" } : null;
        await using (var factory = CreateFactory(template, new FixedClock(), new SqlCounter(), demo, seeding))
            _ = factory.Services;
        if (provider == DatabaseProvider.Postgres) Npgsql.NpgsqlConnection.ClearAllPools();
        // Templates live as long as the test run: SQLite files are removed when it ends (the PostgreSQL server is thrown away).
        if (provider == DatabaseProvider.Sqlite)
        {
            AppDomain.CurrentDomain.ProcessExit += (_, _) => template.DisposeAsync().AsTask().GetAwaiter().GetResult();
            // The test host may be stopped before ProcessExit runs: files a run left behind are removed by a later one.
            foreach (var stale in Directory.EnumerateFiles(Path.GetTempPath(), "clea_test_*.db*")
                         .Where(f => File.GetLastWriteTimeUtc(f) < DateTime.UtcNow.AddHours(-6)))
                File.Delete(stale);
        }
        return template;
    }

    private static WebApplicationFactory<Program> CreateFactory(TestDatabase database, FixedClock clock, SqlCounter sql, bool demo,
        IReadOnlyDictionary<string, string?>? settings, Action<IServiceCollection>? testServices = null)
        => new WebApplicationFactory<Program>().WithWebHostBuilder(web =>
        {
            web.UseEnvironment("Development");
            web.UseSetting("Database:Provider", database.Provider.ToString());
            web.UseSetting("Database:ConnectionString", database.ConnectionString);
            web.UseSetting("Seed:Demo", demo ? "true" : "false");
            // Candidates and evaluations only where a test asks for them (the shared ApiFixture does): faster starts.
            web.UseSetting("Seed:DemoActivity", "false");
            web.UseSetting("Identity:AllowPasswordGrant", "true");
            // The suite sends hundreds of requests a minute from one in-memory client: limits are tested on their own.
            web.UseSetting("RateLimits:AnonymousPerMinute", "1000000");
            web.UseSetting("RateLimits:UserPerMinute", "1000000");
            web.UseSetting("RateLimits:IntegratorPerMinute", "1000000");
            web.UseSetting("Onboarding:SignUpsPerHourPerClient", "1000000");
            web.UseSetting("Onboarding:SignUpsPerHourPerAddress", "1000000");
            // Tests run the sweep themselves (HabilitationSweep.RunAsync) unless a setting turns the background one on.
            web.UseSetting("Sweep:Enabled", "false");
            // Tests run the notification sender themselves (NotificationSender.RunOnceAsync).
            web.UseSetting("Mail:Enabled", "false");
            // A loaded CI machine must not turn a slow answer into EXECUTION_TIMEOUT: the timeout has its own tests.
            web.UseSetting("GraphQL:ExecutionTimeout", "00:02:00");
            foreach (var (key, value) in settings ?? new Dictionary<string, string?>()) web.UseSetting(key, value);
            web.ConfigureTestServices(services =>
            {
                services.AddSingleton<IStartupFilter, WhoAmIRoute>();
                services.RemoveAll<TimeProvider>();
                services.AddSingleton<TimeProvider>(clock);
                services.AddSingleton<IInterceptor>(sql);
                testServices?.Invoke(services);
            });
        });

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

    /// <summary>A client that keeps cookies and does not follow redirects, like a browser driven step by step.</summary>
    public HttpClient CreateBrowser()
        => _factory.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = BaseAddress, AllowAutoRedirect = false, HandleCookies = true });

    /// <summary>POSTs a form to the token endpoint; asserts nothing.</summary>
    public async Task<TokenResponse> TokenAsync(IReadOnlyDictionary<string, string> form)
    {
        using var response = await Client.PostAsync("/connect/token", new FormUrlEncodedContent(form));
        return new TokenResponse(response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    public Task<TokenResponse> ClientCredentialsAsync(string clientId, string secret)
        => TokenAsync(new Dictionary<string, string> { ["grant_type"] = "client_credentials", ["client_id"] = clientId, ["client_secret"] = secret });

    public Task<TokenResponse> PasswordAsync(string email, string password, string clientId = "demo-web", string scope = "openid offline_access profile roles")
        => TokenAsync(new Dictionary<string, string>
        {
            ["grant_type"] = "password", ["client_id"] = clientId, ["username"] = email, ["password"] = password, ["scope"] = scope,
        });

    public Task<TokenResponse> RefreshAsync(string refreshToken, string clientId = "demo-web")
        => TokenAsync(new Dictionary<string, string> { ["grant_type"] = "refresh_token", ["client_id"] = clientId, ["refresh_token"] = refreshToken });

    /// <summary>Calls the test-only <see cref="WhoAmIPath"/> with a bearer token (or none).</summary>
    public async Task<(System.Net.HttpStatusCode Status, JsonElement Claims)> WhoAmIAsync(string? accessToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, WhoAmIPath);
        if (accessToken is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        using var response = await Client.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, body.Length == 0 ? default : JsonDocument.Parse(body).RootElement.Clone());
    }

    /// <summary>A GraphQL POST carrying a bearer token.</summary>
    public Task<GraphQLResponse> PostAsAsync(string accessToken, string query, object? variables = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/graphql")
        {
            Content = new StringContent(JsonSerializer.Serialize(new { query, variables }), Encoding.UTF8, "application/json"),
        };
        request.Headers.Accept.Add(MediaTypeWithQualityHeaderValue.Parse(GraphQLMediaType));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        return SendAsync(request);
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

/// <summary>An answer of the token endpoint.</summary>
public sealed record TokenResponse(System.Net.HttpStatusCode Status, string Body)
{
    public JsonElement Json { get; } = Body.Length == 0 ? default : JsonDocument.Parse(Body).RootElement.Clone();

    public string? AccessToken => Get("access_token");
    public string? RefreshToken => Get("refresh_token");
    public string? IdToken => Get("id_token");
    public string? Error => Get("error");

    private string? Get(string name)
        => Json.ValueKind == JsonValueKind.Object && Json.TryGetProperty(name, out var value) ? value.GetString() : null;
}

/// <summary>
/// Adds <see cref="CleaApi.WhoAmIPath"/> at the end of the real pipeline, so it sees the user exactly as /graphql does
/// (authentication by the default scheme, already run by the host).
/// </summary>
internal sealed class WhoAmIRoute : IStartupFilter
{
    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        next(app);
        app.Run(async context =>
        {
            if (context.Request.Path != CleaApi.WhoAmIPath)
            {
                context.Response.StatusCode = StatusCodes.Status404NotFound;
                return;
            }
            if (context.User.Identity?.IsAuthenticated != true)
            {
                context.Response.StatusCode = StatusCodes.Status401Unauthorized;
                return;
            }
            var claims = context.User.Claims.GroupBy(c => c.Type).ToDictionary(g => g.Key, g => g.Select(c => c.Value).ToArray());
            await context.Response.WriteAsJsonAsync(claims);
        });
    };
}

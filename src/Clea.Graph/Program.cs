using Clea.Auth.Administration;
using Clea.Auth.Server;
using Clea.Data;
using Microsoft.AspNetCore.DataProtection;
using Clea.Data.Persistence;
using Clea.Data.Seeding;
using Clea.Graph.Health;
using Clea.Graph.Audits;
using Clea.Graph.Hosting;
using Clea.Graph.Http;
using Clea.Graph.Ide;
using Clea.Graph.Notifications;
using Clea.Graph.Schema;
using Clea.Graph.Telemetry;

// `users …` and `clients …` are administration commands: they run against the database and exit, no web host.
var command = AdminCommandLine.IsCommand(args);
var builder = WebApplication.CreateBuilder(command ? [] : args);

ProductionSettings.EnsureComplete(builder.Configuration, builder.Environment);
var database = builder.Configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
builder.Services.AddSingleton(ConfiguredClock.From(builder.Configuration, builder.Environment));
builder.Services.AddCleaDatabase(database, builder.Environment.ContentRootPath);
builder.Services.Configure<SeedOptions>(builder.Configuration.GetSection(SeedOptions.Section));
builder.Services.Configure<GraphQLHttpOptions>(builder.Configuration.GetSection(GraphQLHttpOptions.Section));
builder.Services.Configure<Clea.Data.Registry.RegistryTotalsOptions>(builder.Configuration.GetSection(Clea.Data.Registry.RegistryTotalsOptions.Section));
builder.Services.AddCleaGraph();
builder.Services.AddCleaIdentity(builder.Configuration, builder.Environment);
builder.Services.AddCleaRateLimits(builder.Configuration);
builder.Services.AddCleaHealthChecks();
builder.Services.AddCleaTelemetry(builder.Configuration);
builder.Services.AddCleaNotifications(builder.Configuration, builder.Environment);
// One key ring for every node, in the database: cookies and protected payloads made by one node open on another.
builder.Services.AddDataProtection().SetApplicationName("CleaGraph").PersistKeysToDbContext<CleaDbContext>();
// Production logs are JSON lines for the collector; Development keeps the readable console.
if (!builder.Environment.IsDevelopment()) builder.Logging.AddJsonConsole(o => o.UseUtcTimestamp = true);
builder.Services.Configure<SweepOptions>(builder.Configuration.GetSection(SweepOptions.Section));
builder.Services.AddSingleton(new SweepLeadership(database.Provider,
    DatabaseRegistration.ResolveConnectionString(database, builder.Environment.ContentRootPath)));
if (!command) builder.Services.AddHostedService<HabilitationSweepService>();

var app = builder.Build();

// Administration commands never seed demo data or accounts, whatever the configuration says.
await app.InitializeDatabaseAsync(database, allowDemo: !command);
if (command) return await AdminCommandLine.RunAsync(app.Services, args, Console.Out, Console.Error);

app.UseFailureAnswers();
app.UseAuthentication();
app.UseRateLimiter();
app.UseAuthorization();
app.MapCleaIdentity();
app.MapCleaHealthChecks();
app.MapCleaMetrics();
app.UseCleaGraphQLIde("/graphql");
app.MapCleaGraphQL("/graphql");
app.MapAuditEvidenceExport();
app.Lifetime.ApplicationStarted.Register(() =>
{
    foreach (var url in app.Urls) app.Logger.LogInformation("GraphQL endpoint: {Url}/graphql", url.TrimEnd('/'));
});

await app.RunAsync();
return 0;

/// <summary>The host; public so integration tests can start it with <c>WebApplicationFactory&lt;Program&gt;</c>.</summary>
public partial class Program;

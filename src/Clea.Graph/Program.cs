using Clea.Auth.Administration;
using Clea.Auth.Server;
using Clea.Data.Persistence;
using Clea.Data.Seeding;
using Clea.Graph.Audits;
using Clea.Graph.Hosting;
using Clea.Graph.Http;
using Clea.Graph.Schema;

// `users …` and `clients …` are administration commands: they run against the database and exit, no web host.
var command = AdminCommandLine.IsCommand(args);
var builder = WebApplication.CreateBuilder(command ? [] : args);

var database = builder.Configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
builder.Services.AddSingleton(ConfiguredClock.From(builder.Configuration, builder.Environment));
builder.Services.AddCleaDatabase(database, builder.Environment.ContentRootPath);
builder.Services.Configure<SeedOptions>(builder.Configuration.GetSection(SeedOptions.Section));
builder.Services.Configure<GraphQLHttpOptions>(builder.Configuration.GetSection(GraphQLHttpOptions.Section));
builder.Services.AddCleaGraph();
builder.Services.AddCleaIdentity(builder.Configuration, builder.Environment);
builder.Services.AddCleaRateLimits(builder.Configuration);
builder.Services.Configure<SweepOptions>(builder.Configuration.GetSection(SweepOptions.Section));
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

using Clea.Data.Persistence;
using Clea.Data.Seeding;
using Clea.Graph.Hosting;
using Clea.Graph.Http;
using Clea.Graph.Schema;

var builder = WebApplication.CreateBuilder(args);

var database = builder.Configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddCleaDatabase(database, builder.Environment.ContentRootPath);
builder.Services.Configure<SeedOptions>(builder.Configuration.GetSection(SeedOptions.Section));
builder.Services.Configure<GraphQLHttpOptions>(builder.Configuration.GetSection(GraphQLHttpOptions.Section));
builder.Services.AddCleaGraph();

var app = builder.Build();

await app.InitializeDatabaseAsync(database);
app.MapCleaGraphQL("/graphql");
app.Lifetime.ApplicationStarted.Register(() =>
{
    foreach (var url in app.Urls) app.Logger.LogInformation("GraphQL endpoint: {Url}/graphql", url.TrimEnd('/'));
});

await app.RunAsync();

/// <summary>The host; public so integration tests can start it with <c>WebApplicationFactory&lt;Program&gt;</c>.</summary>
public partial class Program;

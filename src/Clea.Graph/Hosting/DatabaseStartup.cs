using Clea.Data;
using Clea.Data.Persistence;
using Clea.Data.Seeding;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Clea.Graph.Hosting;

public static class DatabaseStartup
{
    /// <summary>
    /// Applies the migrations, loads the reference data and, when <c>Seed:Demo</c> is true, the demo data — before the
    /// endpoint serves anything. Logs where the data lives (never a password).
    /// </summary>
    public static async Task InitializeDatabaseAsync(this WebApplication app, DatabaseOptions database)
    {
        var location = Describe(database, app.Environment.ContentRootPath);
        app.Logger.LogInformation("Database: {Provider} at {Location}", database.Provider, location);
        await using var scope = app.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        await DatabaseInitializer.InitializeAsync(services.GetRequiredService<CleaDbContext>(),
            services.GetRequiredService<IOptions<SeedOptions>>().Value, services.GetRequiredService<TimeProvider>(),
            app.Logger, app.Lifetime.ApplicationStopping);
    }

    private static string Describe(DatabaseOptions database, string contentRoot)
    {
        var connectionString = DatabaseRegistration.ResolveConnectionString(database, contentRoot);
        if (database.Provider == DatabaseProvider.Sqlite)
            return Path.GetFullPath(new SqliteConnectionStringBuilder(connectionString).DataSource);
        var postgres = new NpgsqlConnectionStringBuilder(connectionString);
        return $"{postgres.Host}:{postgres.Port}/{postgres.Database}";
    }
}

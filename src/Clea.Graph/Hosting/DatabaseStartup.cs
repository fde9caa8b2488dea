using Clea.Auth.Clients;
using Clea.Auth.Demo;
using Clea.Auth.Users;
using Clea.Data;
using Clea.Data.Common;
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
    /// endpoint serves anything; in Development with demo data, also the demo accounts (<see cref="DemoAccounts"/>).
    /// Logs where the data lives (never a password). Demo data and accounts need all three: <paramref name="allowDemo"/>
    /// (false for administration commands), the Development environment and <c>Seed:Demo=true</c>; a production host
    /// configured with <c>Seed:Demo=true</c> refuses to start rather than plant known passwords.
    /// </summary>
    public static async Task InitializeDatabaseAsync(this WebApplication app, DatabaseOptions database, bool allowDemo = true)
    {
        var location = Describe(database, app.Environment.ContentRootPath);
        app.Logger.LogInformation("Database: {Provider} at {Location}", database.Provider, location);
        await using var scope = app.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var seed = services.GetRequiredService<IOptions<SeedOptions>>().Value;
        if (seed.Demo && !app.Environment.IsDevelopment())
            throw new InvalidOperationException(
                $"Seed:Demo=true is refused in the {app.Environment.EnvironmentName} environment: demo data and accounts (published passwords) exist only in Development.");
        if (!allowDemo) seed = new SeedOptions { Demo = false };
        await DatabaseInitializer.InitializeAsync(services.GetRequiredService<CleaDbContext>(),
            seed, services.GetRequiredService<TimeProvider>(), app.Logger, app.Lifetime.ApplicationStopping);

        // Known passwords exist only on a developer's demo database, never elsewhere.
        if (!seed.Demo) return;
        var created = await DemoAccountsSeeder.SeedAsync(services.GetRequiredService<UserAccounts>(),
            services.GetRequiredService<ClientRegistrations>(), app.Lifetime.ApplicationStopping);
        if (created > 0) app.Logger.LogInformation("Demo accounts created: {Count} (password in docs/identity.md).", created);
        // The demo auditor reads the Suspended demo organism through an open audit, as any auditor does.
        await Clea.Data.Audits.DemoAudit.EnsureAsync(services.GetRequiredService<CleaDbContext>(), DemoAccounts.Auditor, DemoFixtures.Suspended,
            services.GetRequiredService<TimeProvider>().Today(), app.Lifetime.ApplicationStopping);
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

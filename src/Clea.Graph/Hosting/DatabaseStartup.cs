using Clea.Auth.Clients;
using Clea.Auth.Demo;
using Clea.Auth.Users;
using Clea.Data;
using Clea.Data.Audits;
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
        var db = services.GetRequiredService<CleaDbContext>();
        var time = services.GetRequiredService<TimeProvider>();
        // Known passwords exist only on a developer's demo database, never elsewhere. The accounts and the demo auditor's
        // open audit (their access comes from it, as any auditor's) are seeded with the demo data: nothing is e-mailed.
        var created = 0;
        await DatabaseInitializer.InitializeAsync(db, seed, time, app.Logger, app.Lifetime.ApplicationStopping, async ct =>
        {
            created = await DemoAccountsSeeder.SeedAsync(services.GetRequiredService<UserAccounts>(), services.GetRequiredService<ClientRegistrations>(), ct);
            await DemoAudit.EnsureAsync(db, DemoAccounts.Auditor, DemoFixtures.Suspended, time.Today(), ct);
        });
        if (created > 0) app.Logger.LogInformation("Demo accounts created: {Count} (password in docs/identity.md).", created);
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

using Clea.Data.Events;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace Clea.Data.Persistence;

public static class DatabaseRegistration
{
    /// <summary>
    /// Registers <see cref="CleaDbContext"/> (scoped) and <see cref="IDbContextFactory{CleaDbContext}"/> for the
    /// configured provider. Each provider's context type carries its own migration set. Every
    /// <see cref="IInterceptor"/> registered in the container is added (tests count SQL statements this way).
    /// </summary>
    public static IServiceCollection AddCleaDatabase(this IServiceCollection services, DatabaseOptions options, string contentRoot)
    {
        var connectionString = ResolveConnectionString(options, contentRoot);
        switch (options.Provider)
        {
            case DatabaseProvider.Sqlite:
                services.AddDbContextFactory<SqliteCleaDbContext>((sp, o) => ConfigureSqlite(o.AddInterceptors(sp.GetServices<IInterceptor>()), connectionString));
                services.AddScoped<IDbContextFactory<CleaDbContext>>(sp => new Upcast<SqliteCleaDbContext>(sp.GetRequiredService<IDbContextFactory<SqliteCleaDbContext>>()));
                break;
            case DatabaseProvider.Postgres:
                services.AddDbContextFactory<PostgresCleaDbContext>((sp, o) => ConfigurePostgres(o.AddInterceptors(sp.GetServices<IInterceptor>()), connectionString));
                services.AddScoped<IDbContextFactory<CleaDbContext>>(sp => new Upcast<PostgresCleaDbContext>(sp.GetRequiredService<IDbContextFactory<PostgresCleaDbContext>>()));
                break;
            default:
                throw new InvalidOperationException($"Unknown Database:Provider '{options.Provider}'. Use Sqlite or Postgres.");
        }
        services.AddScoped<CleaDbContext>(sp =>
        {
            var db = sp.GetRequiredService<IDbContextFactory<CleaDbContext>>().CreateDbContext();
            // Events saved through the request's context are attributed to its caller and stamped by the app's clock.
            db.Actor = sp.GetService<IEventActorAccessor>()?.Current ?? EventActor.System;
            db.Clock = sp.GetService<TimeProvider>() ?? TimeProvider.System;
            return db;
        });
        return services;
    }

    /// <summary>A context outside dependency injection (tests, tools) for a provider and connection string.</summary>
    public static CleaDbContext CreateContext(DatabaseProvider provider, string connectionString, params IInterceptor[] interceptors)
    {
        switch (provider)
        {
            case DatabaseProvider.Sqlite:
                var sqlite = new DbContextOptionsBuilder<SqliteCleaDbContext>().AddInterceptors(interceptors);
                ConfigureSqlite(sqlite, connectionString);
                return new SqliteCleaDbContext(sqlite.Options);
            case DatabaseProvider.Postgres:
                var postgres = new DbContextOptionsBuilder<PostgresCleaDbContext>().AddInterceptors(interceptors);
                ConfigurePostgres(postgres, connectionString);
                return new PostgresCleaDbContext(postgres.Options);
            default:
                throw new InvalidOperationException($"Unknown Database:Provider '{provider}'. Use Sqlite or Postgres.");
        }
    }

    public static string ResolveConnectionString(DatabaseOptions options, string contentRoot)
    {
        if (!string.IsNullOrWhiteSpace(options.ConnectionString)) return options.ConnectionString;
        if (options.Provider == DatabaseProvider.Postgres)
            throw new InvalidOperationException("Database:Provider is Postgres but Database:ConnectionString is empty. " +
                "Set it, e.g. Database__ConnectionString='Host=localhost;Database=clea;Username=clea;Password=…'.");
        var folder = Path.Combine(contentRoot, "data");
        Directory.CreateDirectory(folder);
        return new SqliteConnectionStringBuilder { DataSource = Path.Combine(folder, "clea.db") }.ToString();
    }

    internal static void ConfigureSqlite(DbContextOptionsBuilder builder, string connectionString)
        => builder.UseSqlite(connectionString, o => o.MigrationsHistoryTable("__EFMigrationsHistory"));

    // Reads retry transient failures (ReadRetryingExecutionStrategy); SQLite has no such strategy and needs none: there is
    // no connection to lose, and a busy database is already waited on for the command timeout by Microsoft.Data.Sqlite.
    internal static void ConfigurePostgres(DbContextOptionsBuilder builder, string connectionString)
        => builder.UseNpgsql(connectionString, o => o.ExecutionStrategy(d => new ReadRetryingExecutionStrategy(d)));

    private sealed class Upcast<T>(IDbContextFactory<T> inner) : IDbContextFactory<CleaDbContext> where T : CleaDbContext
    {
        public CleaDbContext CreateDbContext() => inner.CreateDbContext();
    }
}

using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Clea.Data.Persistence;

public static class DatabaseRegistration
{
    /// <summary>
    /// Registers <see cref="CleaDbContext"/> (scoped) and <see cref="IDbContextFactory{CleaDbContext}"/> for the
    /// configured provider. Each provider's context type carries its own migration set.
    /// </summary>
    public static IServiceCollection AddCleaDatabase(this IServiceCollection services, DatabaseOptions options, string contentRoot)
    {
        var connectionString = ResolveConnectionString(options, contentRoot);
        switch (options.Provider)
        {
            case DatabaseProvider.Sqlite:
                services.AddDbContextFactory<SqliteCleaDbContext>(o => ConfigureSqlite(o, connectionString));
                services.AddScoped<IDbContextFactory<CleaDbContext>>(sp => new Upcast<SqliteCleaDbContext>(sp.GetRequiredService<IDbContextFactory<SqliteCleaDbContext>>()));
                break;
            case DatabaseProvider.Postgres:
                services.AddDbContextFactory<PostgresCleaDbContext>(o => ConfigurePostgres(o, connectionString));
                services.AddScoped<IDbContextFactory<CleaDbContext>>(sp => new Upcast<PostgresCleaDbContext>(sp.GetRequiredService<IDbContextFactory<PostgresCleaDbContext>>()));
                break;
            default:
                throw new InvalidOperationException($"Unknown Database:Provider '{options.Provider}'. Use Sqlite or Postgres.");
        }
        services.AddScoped<CleaDbContext>(sp => sp.GetRequiredService<IDbContextFactory<CleaDbContext>>().CreateDbContext());
        return services;
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

    internal static void ConfigurePostgres(DbContextOptionsBuilder builder, string connectionString)
        => builder.UseNpgsql(connectionString);

    private sealed class Upcast<T>(IDbContextFactory<T> inner) : IDbContextFactory<CleaDbContext> where T : CleaDbContext
    {
        public CleaDbContext CreateDbContext() => inner.CreateDbContext();
    }
}

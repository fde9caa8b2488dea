using Clea.Data;
using Clea.Data.Persistence;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Clea.Bench;

/// <summary>A throwaway database for one benchmark run: a SQLite file in the temp folder, or a new PostgreSQL database.</summary>
internal sealed class BenchDatabase : IAsyncDisposable
{
    private readonly DatabaseProvider _provider;
    private readonly string _connectionString;
    private readonly string? _adminConnectionString;
    private readonly string _name;

    private BenchDatabase(DatabaseProvider provider, string connectionString, string? adminConnectionString, string name)
    {
        _provider = provider;
        _connectionString = connectionString;
        _adminConnectionString = adminConnectionString;
        _name = name;
    }

    public static async Task<BenchDatabase> CreateAsync(DatabaseProvider provider, string? postgresAdmin)
    {
        var name = "clea_bench_" + Guid.NewGuid().ToString("N")[..12];
        if (provider == DatabaseProvider.Sqlite)
            return new BenchDatabase(provider, new SqliteConnectionStringBuilder { DataSource = Path.Combine(Path.GetTempPath(), name + ".db") }.ToString(), null, name);
        await using var admin = new NpgsqlConnection(postgresAdmin);
        await admin.OpenAsync();
        await using (var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\" TEMPLATE template0 ENCODING 'UTF8'", admin))
            await create.ExecuteNonQueryAsync();
        return new BenchDatabase(provider, new NpgsqlConnectionStringBuilder(postgresAdmin) { Database = name }.ToString(), postgresAdmin, name);
    }

    public CleaDbContext NewContext(params Microsoft.EntityFrameworkCore.Diagnostics.IInterceptor[] interceptors)
        => DatabaseRegistration.CreateContext(_provider, _connectionString, interceptors);

    public async ValueTask DisposeAsync()
    {
        if (_provider == DatabaseProvider.Sqlite)
        {
            SqliteConnection.ClearAllPools();
            var path = new SqliteConnectionStringBuilder(_connectionString).DataSource;
            foreach (var file in new[] { path, path + "-wal", path + "-shm" }) File.Delete(file);
            return;
        }
        NpgsqlConnection.ClearAllPools();
        await using var admin = new NpgsqlConnection(_adminConnectionString);
        await admin.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_name}\" WITH (FORCE)", admin);
        await drop.ExecuteNonQueryAsync();
    }
}

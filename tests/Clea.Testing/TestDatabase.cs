using Clea.Data;
using Clea.Data.Persistence;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Npgsql;

namespace Clea.Testing;

/// <summary>
/// A fresh, empty database for one test or one fixture: a SQLite file in the temp folder, or a new database on the
/// throwaway PostgreSQL server. Disposing it deletes it.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private readonly string? _postgresName;

    private TestDatabase(DatabaseProvider provider, string connectionString, string? postgresName)
    {
        Provider = provider;
        ConnectionString = connectionString;
        _postgresName = postgresName;
    }

    public DatabaseProvider Provider { get; }
    public string ConnectionString { get; }

    public static async Task<TestDatabase> CreateAsync(DatabaseProvider provider)
    {
        var name = "clea_test_" + Guid.NewGuid().ToString("N")[..12];
        if (provider == DatabaseProvider.Sqlite)
        {
            var path = Path.Combine(Path.GetTempPath(), name + ".db");
            return new TestDatabase(provider, new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString(), null);
        }

        await using (var admin = new NpgsqlConnection(PostgresServer.AdminConnectionString))
        {
            await admin.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\" TEMPLATE template0 ENCODING 'UTF8'", admin);
            await create.ExecuteNonQueryAsync();
        }
        var connection = new NpgsqlConnectionStringBuilder(PostgresServer.AdminConnectionString) { Database = name }.ToString();
        return new TestDatabase(provider, connection, name);
    }

    /// <summary>
    /// A new database holding a copy of <paramref name="template"/> (a file copy on SQLite, <c>CREATE DATABASE … TEMPLATE</c>
    /// on PostgreSQL): migrating and seeding once, then cloning, keeps a suite of host-per-test HTTP tests fast. Nothing may
    /// be connected to the template while it is copied.
    /// </summary>
    public static async Task<TestDatabase> CloneAsync(TestDatabase template)
    {
        var name = "clea_test_" + Guid.NewGuid().ToString("N")[..12];
        if (template.Provider == DatabaseProvider.Sqlite)
        {
            var source = new SqliteConnectionStringBuilder(template.ConnectionString).DataSource;
            var path = Path.Combine(Path.GetTempPath(), name + ".db");
            File.Copy(source, path);
            if (File.Exists(source + "-wal")) File.Copy(source + "-wal", path + "-wal");
            return new TestDatabase(template.Provider, new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString(), null);
        }

        await CloneGate.WaitAsync();
        try
        {
            await using var admin = new NpgsqlConnection(PostgresServer.AdminConnectionString);
            await admin.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\" TEMPLATE \"{template._postgresName}\"", admin);
            await create.ExecuteNonQueryAsync();
        }
        finally
        {
            CloneGate.Release();
        }
        var connection = new NpgsqlConnectionStringBuilder(PostgresServer.AdminConnectionString) { Database = name }.ToString();
        return new TestDatabase(template.Provider, connection, name);
    }

    // PostgreSQL refuses to copy a template another session is reading: clones are made one at a time.
    private static readonly SemaphoreSlim CloneGate = new(1, 1);

    public CleaDbContext NewContext(params IInterceptor[] interceptors)
        => DatabaseRegistration.CreateContext(Provider, ConnectionString, interceptors);

    public async ValueTask DisposeAsync()
    {
        if (_postgresName is null)
        {
            var path = new SqliteConnectionStringBuilder(ConnectionString).DataSource;
            foreach (var file in new[] { path, path + "-wal", path + "-shm" }) File.Delete(file);
            return;
        }
        NpgsqlConnection.ClearAllPools();
        await using var admin = new NpgsqlConnection(PostgresServer.AdminConnectionString);
        await admin.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_postgresName}\" WITH (FORCE)", admin);
        await drop.ExecuteNonQueryAsync();
    }
}

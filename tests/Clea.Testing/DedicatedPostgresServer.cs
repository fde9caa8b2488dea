using Npgsql;

namespace Clea.Testing;

/// <summary>
/// A PostgreSQL server of one test's own, which the test may stop and start again (an outage) without disturbing the
/// shared <see cref="PostgresServer"/>. Same binaries and settings; its folder follows the same naming, so one left by a
/// killed run is cleaned by the next. Disposing it stops it and deletes its folder.
/// </summary>
public sealed class DedicatedPostgresServer : IDisposable
{
    private readonly string _bin = Environment.GetEnvironmentVariable("PG_BIN") ?? "/usr/lib/postgresql/15/bin";
    private readonly string _root;
    private readonly bool _asRoot = Environment.UserName == "root";

    public DedicatedPostgresServer()
    {
        if (!File.Exists(Path.Combine(_bin, "initdb")))
            throw new InvalidOperationException($"PostgreSQL 15 binaries not found in {_bin}: install them with `apt-get install -y postgresql-15`.");
        _root = Path.Combine(Path.GetTempPath(), $"{PostgresServer.FolderPrefix}{Environment.ProcessId}-{Guid.NewGuid():N}"[..(PostgresServer.FolderPrefix.Length + 20)]);
        Directory.CreateDirectory(_root);
        if (_asRoot) PostgresServer.Run("chown", ["postgres:postgres", _root], asPostgres: false);
        PostgresServer.Run(Path.Combine(_bin, "initdb"), ["-D", Data, "-U", "postgres", "--auth=trust", "--encoding=UTF8", "--locale=C", "--no-sync"], _asRoot);
        Start();
        ConnectionString = new NpgsqlConnectionStringBuilder { Host = _root, Username = "postgres", Database = "clea", MaxPoolSize = 20 }.ToString();
        using var admin = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(ConnectionString) { Database = "postgres", Pooling = false }.ToString());
        admin.Open();
        using var create = new NpgsqlCommand("CREATE DATABASE clea TEMPLATE template0 ENCODING 'UTF8'", admin);
        create.ExecuteNonQuery();
    }

    /// <summary>The <c>clea</c> database (empty at first), as superuser over the server's Unix socket.</summary>
    public string ConnectionString { get; }

    private string Data => Path.Combine(_root, "data");

    public void Start()
    {
        var settings = string.Join(' ', $"-k {_root}", "-c listen_addresses=''", "-c fsync=off", "-c synchronous_commit=off", "-c max_connections=100");
        PostgresServer.Run(Path.Combine(_bin, "pg_ctl"), ["-D", Data, "-o", settings, "-l", Path.Combine(_root, "server.log"), "-w", "-t", "60", "start"], _asRoot);
    }

    /// <summary>An abrupt outage: the server is killed (<c>immediate</c>), as a crash or a network cut would look.</summary>
    public void Stop()
    {
        NpgsqlConnection.ClearAllPools();
        PostgresServer.Run(Path.Combine(_bin, "pg_ctl"), ["-D", Data, "-m", "immediate", "-w", "stop"], _asRoot);
    }

    public void Dispose()
    {
        try
        {
            Stop();
        }
        catch (InvalidOperationException)
        {
            // Already stopped.
        }
        for (var attempt = 0; attempt < 10 && Directory.Exists(_root); attempt++)
        {
            try
            {
                Directory.Delete(_root, recursive: true);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                Thread.Sleep(100);
            }
        }
    }
}

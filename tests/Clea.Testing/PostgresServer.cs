using System.Diagnostics;
using System.Globalization;
using Npgsql;

namespace Clea.Testing;

/// <summary>
/// A throwaway PostgreSQL server for this test process, started once from the PostgreSQL 15 binaries on the machine
/// (no Docker): its own data folder under the temp directory, a Unix socket only (no TCP port to collide with), durability
/// off for speed, stopped and deleted when the process exits. Folders left by a killed run are cleaned on the next start.
/// <c>CLEA_TEST_POSTGRES</c> (an admin connection string) uses an existing server instead; <c>PG_BIN</c> overrides the binaries.
/// </summary>
public static class PostgresServer
{
    internal const string FolderPrefix = "clea-pg-";
    private static readonly Lazy<string> AdminConnection = new(Start, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>A connection string to the server's <c>postgres</c> database, as superuser.</summary>
    public static string AdminConnectionString => AdminConnection.Value;

    private static string Start()
    {
        var external = Environment.GetEnvironmentVariable("CLEA_TEST_POSTGRES");
        if (!string.IsNullOrWhiteSpace(external)) return external;

        var bin = Bin;
        if (!File.Exists(Path.Combine(bin, "initdb")))
            throw new InvalidOperationException($"PostgreSQL 15 binaries not found in {bin}: install them with " +
                "`apt-get install -y postgresql-15` (or set PG_BIN, or CLEA_TEST_POSTGRES to an existing server).");

        CleanLeftovers(bin);
        var server = Dedicated.Create(bin);
        AppDomain.CurrentDomain.ProcessExit += (_, _) => server.Dispose();
        return server.ConnectionString;
    }

    private static string Bin => Environment.GetEnvironmentVariable("PG_BIN") ?? "/usr/lib/postgresql/15/bin";

    /// <summary>
    /// A server of its own that a test may stop and start again (the database outage test), so the shared one never
    /// goes down under other tests. Dispose stops and deletes it.
    /// </summary>
    public static Dedicated StartDedicated() => Dedicated.Create(Bin);

    public sealed class Dedicated : IDisposable
    {
        private readonly string _bin;
        private readonly string _root;
        private readonly bool _asRoot;

        private Dedicated(string bin, string root, bool asRoot)
        {
            _bin = bin;
            _root = root;
            _asRoot = asRoot;
        }

        /// <summary>Superuser connection string to the <c>postgres</c> database.</summary>
        public string ConnectionString => new NpgsqlConnectionStringBuilder { Host = _root, Username = "postgres", Database = "postgres", MaxPoolSize = 50 }.ToString();

        internal static Dedicated Create(string bin)
        {
            var root = Path.Combine(Path.GetTempPath(), $"{FolderPrefix}{Environment.ProcessId}-{Guid.NewGuid():N}"[..(FolderPrefix.Length + 20)]);
            Directory.CreateDirectory(root);
            // initdb refuses to run as root: as root, the server runs as the 'postgres' system user.
            var asRoot = Environment.UserName == "root";
            if (asRoot) Run("chown", ["postgres:postgres", root], asPostgres: false);
            Run(Path.Combine(bin, "initdb"), ["-D", Path.Combine(root, "data"), "-U", "postgres", "--auth=trust", "--encoding=UTF8", "--locale=C", "--no-sync"], asRoot);
            var server = new Dedicated(bin, root, asRoot);
            server.Start();
            return server;
        }

        public void Start()
        {
            var settings = string.Join(' ', $"-k {_root}", "-c listen_addresses=''", "-c fsync=off", "-c synchronous_commit=off",
                "-c full_page_writes=off", "-c max_connections=300", "-c shared_buffers=64MB");
            Run(Path.Combine(_bin, "pg_ctl"), ["-D", Path.Combine(_root, "data"), "-o", settings, "-l", Path.Combine(_root, "server.log"), "-w", "-t", "60", "start"], _asRoot);
        }

        /// <summary>Stops the server at once, as a crash or an operator would: open connections break.</summary>
        public void Stop()
            => Run(Path.Combine(_bin, "pg_ctl"), ["-D", Path.Combine(_root, "data"), "-m", "immediate", "-w", "stop"], _asRoot);

        public void Dispose() => PostgresServer.Stop(_bin, _root, _asRoot);
    }

    private static void Stop(string bin, string root, bool asRoot)
    {
        try
        {
            NpgsqlConnection.ClearAllPools();
            Run(Path.Combine(bin, "pg_ctl"), ["-D", Path.Combine(root, "data"), "-m", "immediate", "-w", "stop"], asRoot);
        }
        catch (InvalidOperationException)
        {
            // Already stopped: nothing to do but remove the folder.
        }
        // The server may still be removing its own files for a moment after pg_ctl returns: retry briefly.
        for (var attempt = 0; attempt < 10 && Directory.Exists(root); attempt++)
        {
            try
            {
                Directory.Delete(root, recursive: true);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                Thread.Sleep(100);
            }
        }
    }

    /// <summary>Stops servers of test processes that died without cleaning up, and removes their folders.</summary>
    private static void CleanLeftovers(string bin)
    {
        foreach (var folder in Directory.EnumerateDirectories(Path.GetTempPath(), FolderPrefix + "*"))
        {
            var name = Path.GetFileName(folder)[FolderPrefix.Length..];
            var dash = name.IndexOf('-', StringComparison.Ordinal);
            if (dash <= 0 || !int.TryParse(name[..dash], NumberStyles.None, CultureInfo.InvariantCulture, out var pid) || IsAlive(pid)) continue;
            Stop(bin, folder, Environment.UserName == "root");
        }
    }

    private static bool IsAlive(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    internal static void Run(string program, IReadOnlyList<string> arguments, bool asPostgres)
    {
        var start = new ProcessStartInfo(asPostgres ? "runuser" : program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (asPostgres)
        {
            foreach (var a in new[] { "-u", "postgres", "--", program }) start.ArgumentList.Add(a);
        }
        foreach (var a in arguments) start.ArgumentList.Add(a);
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {program}.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromSeconds(90)))
        {
            process.Kill(entireProcessTree: true);
            throw new InvalidOperationException($"{program} did not finish in 90 s.");
        }
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{program} {string.Join(' ', arguments)} failed ({process.ExitCode}): {error.Result}{output.Result}");
    }
}

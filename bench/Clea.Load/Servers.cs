using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace Clea.Load;

/// <summary>The processes under test: the real API host (Release build, PostgreSQL, rate limits raised) and the baseline.</summary>
internal sealed class Servers : IAsyncDisposable
{
    private readonly List<Process> _processes = [];
    private readonly System.Text.StringBuilder _apiLog = new();

    /// <summary>What the API wrote since the last call (its SQL with durations under <c>--profile</c>).</summary>
    public string DrainApiLog()
    {
        lock (_apiLog)
        {
            var text = _apiLog.ToString();
            _apiLog.Clear();
            return text;
        }
    }

    public static string RepositoryRoot { get; } = FindRoot();

    /// <summary>Release or Debug: the API runs in the configuration this benchmark was built in.</summary>
    public static string Configuration { get; } = AppContext.BaseDirectory.Contains("/Release/", StringComparison.Ordinal) ? "Release" : "Debug";

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public static async Task<string> CreateDatabaseAsync(string admin, string prefix)
    {
        var name = prefix + Guid.NewGuid().ToString("N")[..8];
        await using var connection = new NpgsqlConnection(admin);
        await connection.OpenAsync();
        await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\" TEMPLATE template0 ENCODING 'UTF8'", connection);
        await create.ExecuteNonQueryAsync();
        return new NpgsqlConnectionStringBuilder(admin) { Database = name, MaxPoolSize = 100 }.ToString();
    }

    /// <summary>Starts Program (src/Clea.Graph) on the database and waits until it answers; seeding the demo happens first.</summary>
    public async Task<Uri> StartApiAsync(string connectionString, IReadOnlyDictionary<string, string>? settings = null, string? otherBuild = null)
    {
        var port = FreePort();
        var dll = otherBuild ?? Path.Combine(RepositoryRoot, "src", "Clea.Graph", "bin", Configuration, "net10.0", "Clea.Graph.dll");
        if (!File.Exists(dll)) throw new InvalidOperationException($"{dll} is missing: build bench/Clea.Load (it builds the API too).");
        var start = new ProcessStartInfo("dotnet", [dll])
        {
            WorkingDirectory = otherBuild is null ? Path.Combine(RepositoryRoot, "src", "Clea.Graph") : Path.GetDirectoryName(otherBuild)!,
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        var environment = new Dictionary<string, string>
        {
            // Development: demo accounts and the password grant (for the dashboard's token); Release binaries all the same.
            ["ASPNETCORE_ENVIRONMENT"] = "Development",
            ["DOTNET_gcServer"] = "1",
            ["Database__Provider"] = "Postgres",
            ["Database__ConnectionString"] = connectionString,
            ["Urls"] = $"http://127.0.0.1:{port}",
            ["RateLimits__AnonymousPerMinute"] = "100000000",
            ["RateLimits__UserPerMinute"] = "100000000",
            ["RateLimits__IntegratorPerMinute"] = "100000000",
            ["Sweep__Enabled"] = "false",
            ["Logging__LogLevel__Default"] = "Warning",
            ["Logging__LogLevel__Microsoft.Hosting.Lifetime"] = "Warning",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string>()) environment[key] = value;
        foreach (var (key, value) in environment) start.Environment[key] = value;
        var uri = new Uri($"http://127.0.0.1:{port}/graphql");
        await StartAsync(start, uri, "{\"query\":\"{ __typename }\"}", _apiLog);
        return uri;
    }

    public async Task<Uri> StartBaselineAsync(string connectionString)
    {
        var port = FreePort();
        var url = $"http://127.0.0.1:{port}";
        var self = Environment.ProcessPath!;
        var start = self.EndsWith("dotnet", StringComparison.Ordinal)
            ? new ProcessStartInfo(self, [typeof(Servers).Assembly.Location, "--baseline", connectionString, url])
            : new ProcessStartInfo(self, ["--baseline", connectionString, url]);
        start.UseShellExecute = false;
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        start.Environment["DOTNET_gcServer"] = "1";
        await StartAsync(start, new Uri(url + "/verify"), "{\"keys\":[\"000000000\"],\"certification\":\"CLEA_NUMERIQUE\"}", new System.Text.StringBuilder());
        return new Uri(url);
    }

    private async Task StartAsync(ProcessStartInfo start, Uri probe, string body, System.Text.StringBuilder log)
    {
        var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {start.FileName}.");
        _processes.Add(process);
        process.OutputDataReceived += (_, e) => { lock (log) log.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { lock (log) log.AppendLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow.AddMinutes(15);
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited) throw new InvalidOperationException($"{start.FileName} exited ({process.ExitCode}):\n{log}");
            try
            {
                using var response = await client.PostAsync(probe, new StringContent(body, System.Text.Encoding.UTF8, "application/json"));
                if (response.IsSuccessStatusCode) return;
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                // Not listening yet (migrations and demo seeding run first).
            }
            await Task.Delay(500);
        }
        throw new TimeoutException($"{start.FileName} did not answer within 15 minutes:\n{log}");
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var process in _processes)
        {
            try
            {
                if (!process.HasExited)
                {
                    process.Kill(entireProcessTree: true);
                    await process.WaitForExitAsync();
                }
            }
            catch (InvalidOperationException)
            {
                // Already gone.
            }
            process.Dispose();
        }
        _processes.Clear();
    }

    private static string FindRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
            if (File.Exists(Path.Combine(folder.FullName, "CleaGraph.sln"))) return folder.FullName;
        throw new InvalidOperationException("Run the benchmark from the repository (CleaGraph.sln not found above it).");
    }
}

// Starts the built host (src/Clea.Graph, Release) on an empty SQLite database, sends 2,000 distinct large documents per
// scenario and prints the host's resident memory (VmRSS) before, during and after. Linux only (/proc).
using System.Diagnostics;
using System.Text;

var root = args.Length > 0 ? args[0] : FindRoot();
var dll = Path.Combine(root, "src/Clea.Graph/bin/Release/net10.0/Clea.Graph.dll");
if (!File.Exists(dll)) { Console.Error.WriteLine($"Build first: dotnet build -c Release src/Clea.Graph ({dll} missing)"); return 1; }
var data = Path.Combine(Path.GetTempPath(), $"clea-memorybench-{Environment.ProcessId}.db");
const string url = "http://127.0.0.1:5097";
var start = new ProcessStartInfo("dotnet", [dll]) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
foreach (var (k, v) in new Dictionary<string, string>
{
    ["ASPNETCORE_ENVIRONMENT"] = "Development", ["Seed__Demo"] = "false", ["Urls"] = url, ["Sweep__Enabled"] = "false",
    ["Database__ConnectionString"] = $"Data Source={data}", ["RateLimits__AnonymousPerMinute"] = "100000000",
    ["Logging__LogLevel__Default"] = "Warning",
}) start.Environment[k] = v;
using var host = Process.Start(start)!;
_ = host.StandardOutput.ReadToEndAsync();
_ = host.StandardError.ReadToEndAsync();
using var http = new HttpClient { BaseAddress = new Uri(url), Timeout = TimeSpan.FromSeconds(30) };
try
{
    for (var i = 0; ; i++)
    {
        try { if ((await http.GetAsync("/graphql?query=%7B__typename%7D")).IsSuccessStatusCode) break; }
        catch (HttpRequestException) when (i < 120) { }
        await Task.Delay(500);
    }
    Console.WriteLine($"| scenario | documents | body | answers | RSS before | RSS peak | RSS after |");
    Console.WriteLine($"|---|---|---|---|---|---|---|");
    // 250 KB: the issue's documents (refused before parsing); 30 KB: parsed and executed, not cacheable;
    // 15 KB: cacheable, so the cache's byte bound decides; 15 KB of 1,400 fields: the fattest cacheable syntax tree.
    await Scenario("250 KB `{ __typename … }`", i => "{ " + string.Concat(Enumerable.Repeat("__typename ", 22_700)) + $"}} # {i}");
    await Scenario("30 KB, one field and a comment", i => "{ __typename } #" + new string('x', 30_000) + i);
    await Scenario("15 KB, one field and a comment", i => "{ __typename } #" + new string('x', 15_000) + i);
    await Scenario("15 KB, 1,400 fields", i => "{ " + string.Concat(Enumerable.Repeat("__typename ", 1_400)) + $"}} # {i}");
}
finally
{
    host.Kill(entireProcessTree: true);
    await host.WaitForExitAsync();
    foreach (var f in Directory.EnumerateFiles(Path.GetTempPath(), Path.GetFileName(data) + "*")) File.Delete(f);
}
return 0;

async Task Scenario(string name, Func<int, string> document)
{
    var before = Rss();
    var peak = before;
    var statuses = new Dictionary<int, int>();
    var body = 0;
    for (var i = 0; i < 2_000; i++)
    {
        var json = System.Text.Json.JsonSerializer.Serialize(new { query = document(i) });
        body = json.Length;
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        request.Headers.TryAddWithoutValidation("Accept", "application/graphql-response+json"); // refusals answer 400, not legacy 200
        using var response = await http.SendAsync(request);
        statuses[(int)response.StatusCode] = statuses.GetValueOrDefault((int)response.StatusCode) + 1;
        if (i % 100 == 99) peak = Math.Max(peak, Rss());
    }
    GC.Collect();
    await Task.Delay(2000);
    var after = Rss();
    Console.WriteLine($"| {name} | 2,000 | {body / 1024} KB | {string.Join(", ", statuses.Select(s => $"{s.Value}×{s.Key}"))} | {before} MB | {Math.Max(peak, after)} MB | {after} MB |");
}

long Rss()
{
    var line = File.ReadLines($"/proc/{host.Id}/status").First(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
    return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]) / 1024;
}

static string FindRoot()
{
    var d = new DirectoryInfo(AppContext.BaseDirectory);
    while (d is not null && !File.Exists(Path.Combine(d.FullName, "CleaGraph.sln"))) d = d.Parent;
    return d?.FullName ?? throw new InvalidOperationException("CleaGraph.sln not found");
}

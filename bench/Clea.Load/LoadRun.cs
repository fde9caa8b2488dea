using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Clea.Testing;
using Npgsql;

namespace Clea.Load;

/// <summary>A request mix sent to one server: a URL path, bodies picked at random per request, extra headers.</summary>
internal sealed record Target(string Path, IReadOnlyList<string> Bodies, IReadOnlyDictionary<string, string> Headers);

/// <summary>One line of the result table: the API's requests, and the baseline's answering the same question (if any).</summary>
internal sealed record Scenario(string Name, int Connections, Target Api, Target? Baseline);

internal sealed record LoadOptions(int Seconds, int Rounds, int Connections, IReadOnlyList<string> Only, bool Profile, string? Compare = null);

/// <summary>
/// The load benchmark: a throwaway PostgreSQL with the demo data, the API host (Release, rate limits raised) and the
/// baseline, then for each scenario a warm-up and alternating rounds API / baseline under the same wrk settings.
/// </summary>
internal static class LoadRun
{
    private const string Certification = "CLEA_NUMERIQUE";

    private const string VerifySelection =
        "habilitated status validFrom validUntil scope qualiopi edofEligible reason edofReason instance { code name } professionalField organism { siren name }";

    public static async Task RunAsync(LoadOptions options)
    {
        Wrk.EnsureInstalled();
        using var cancel = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            cancel.Cancel();
        };
        var connectionString = await Servers.CreateDatabaseAsync(PostgresServer.AdminConnectionString, "clea_load_");
        await using var servers = new Servers();
        var started = System.Diagnostics.Stopwatch.StartNew();
        var api = await servers.StartApiAsync(connectionString, options.Profile
            ? new Dictionary<string, string> { ["Logging__LogLevel__Microsoft.EntityFrameworkCore.Database.Command"] = "Information", ["Logging__Console__FormatterName"] = "systemd" }
            : null);
        Console.WriteLine($"API ({Servers.Configuration}) on {api}, demo seeded in {started.Elapsed.TotalSeconds:F0} s");
        // --compare <Clea.Graph.dll>: another build of the API (e.g. main's) takes the baseline's place, same requests.
        var baseline = options.Compare is null ? await servers.StartBaselineAsync(connectionString)
            : new Uri(await servers.StartApiAsync(connectionString, otherBuild: options.Compare), "/");
        Console.WriteLine($"{(options.Compare is null ? "baseline" : "other build " + options.Compare)} on {baseline}");

        var scenarios = await BuildScenariosAsync(connectionString, api, options);
        // Tokens are signed by each host's own development keys: the other build gets the anonymous scenarios only.
        if (options.Compare is not null) scenarios = [.. scenarios.Where(s => s.Api.Headers.Count == 0).Select(s => s with { Baseline = s.Api })];
        var folder = Directory.CreateTempSubdirectory("clea-load-");
        try
        {
            using var client = new HttpClient();
            var rows = new List<string>();
            foreach (var scenario in scenarios.Where(s => options.Only.Count == 0 || options.Only.Contains(s.Name)))
            {
                cancel.Token.ThrowIfCancellationRequested();
                var apiBodies = await WriteBodiesAsync(folder, scenario.Name + "-api", scenario.Api);
                var baselineBodies = scenario.Baseline is null ? null : await WriteBodiesAsync(folder, scenario.Name + "-baseline", scenario.Baseline);
                await SmokeAsync(client, new Uri(api, scenario.Api.Path), scenario.Api, graphQL: true);
                if (scenario.Baseline is not null) await SmokeAsync(client, new Uri(baseline, scenario.Baseline.Path), scenario.Baseline, graphQL: options.Compare is not null);

                if (options.Profile)
                {
                    await ProfileAsync(client, servers, scenario, api, baseline);
                    continue;
                }
                var apiUrl = new Uri(api, scenario.Api.Path).ToString();
                var baselineUrl = scenario.Baseline is null ? null : new Uri(baseline, scenario.Baseline.Path).ToString();
                // Warm-up (JIT, pools, caches), not counted.
                await Wrk.RunAsync(apiUrl, apiBodies, scenario.Api.Headers, scenario.Connections, 3, cancel.Token);
                if (baselineUrl is not null) await Wrk.RunAsync(baselineUrl, baselineBodies!, scenario.Baseline!.Headers, scenario.Connections, 3, cancel.Token);

                var apiRuns = new List<WrkResult>();
                var baselineRuns = new List<WrkResult>();
                for (var round = 0; round < options.Rounds; round++)
                {
                    apiRuns.Add(await Wrk.RunAsync(apiUrl, apiBodies, scenario.Api.Headers, scenario.Connections, options.Seconds, cancel.Token));
                    if (baselineUrl is not null)
                        baselineRuns.Add(await Wrk.RunAsync(baselineUrl, baselineBodies!, scenario.Baseline!.Headers, scenario.Connections, options.Seconds, cancel.Token));
                    Console.WriteLine($"  {scenario.Name} round {round + 1}: API {Describe(apiRuns[^1])}" +
                        (baselineRuns.Count > round ? $" | baseline {Describe(baselineRuns[^1])}" : ""));
                }
                rows.Add(Row(scenario, apiRuns, baselineRuns));
            }

            Console.WriteLine();
            Console.WriteLine($"{DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, {Environment.ProcessorCount} cores, load average {LoadAverage()}, " +
                $"{options.Rounds} alternating rounds of {options.Seconds} s, wrk closed loop; ranges are min–max over rounds, ratio = median API / median baseline");
            Console.WriteLine("| scenario | conns | API rps | API p50 ms | API p99 ms | baseline rps | baseline p50 ms | baseline p99 ms | rps ratio | p99 ratio |");
            Console.WriteLine("|---|---|---|---|---|---|---|---|---|---|");
            foreach (var row in rows) Console.WriteLine(row);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    /// <summary>
    /// <c>--profile</c>: sequential requests, one client, median latency of each server; then the API's SQL statements with
    /// their durations for one request (EF Core's command log), to see how much of the time the database takes.
    /// </summary>
    private static async Task ProfileAsync(HttpClient client, Servers servers, Scenario scenario, Uri api, Uri baseline)
    {
        async Task<double> MedianAsync(Uri url, Target target)
        {
            var times = new List<double>();
            for (var i = 0; i < 40; i++)
            {
                using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new StringContent(target.Bodies[i % target.Bodies.Count], Encoding.UTF8, "application/json") };
                foreach (var (name, value) in target.Headers) request.Headers.TryAddWithoutValidation(name, value);
                var watch = System.Diagnostics.Stopwatch.StartNew();
                using var response = await client.SendAsync(request);
                await response.Content.ReadAsByteArrayAsync();
                if (i >= 10) times.Add(watch.Elapsed.TotalMilliseconds);
            }
            times.Sort();
            return times[times.Count / 2];
        }
        var apiMedian = await MedianAsync(new Uri(api, scenario.Api.Path), scenario.Api);
        var baselineMedian = scenario.Baseline is null ? double.NaN : await MedianAsync(new Uri(baseline, scenario.Baseline.Path), scenario.Baseline);
        servers.DrainApiLog();
        using (var request = new HttpRequestMessage(HttpMethod.Post, new Uri(api, scenario.Api.Path)) { Content = new StringContent(scenario.Api.Bodies[0], Encoding.UTF8, "application/json") })
        {
            foreach (var (name, value) in scenario.Api.Headers) request.Headers.TryAddWithoutValidation(name, value);
            using var response = await client.SendAsync(request);
        }
        await Task.Delay(300);
        Console.WriteLine(FormattableString.Invariant($"## {scenario.Name}: API median {apiMedian:F2} ms, baseline median {baselineMedian:F2} ms (one client)"));
        Console.WriteLine(servers.DrainApiLog());
    }

    private static string Describe(WrkResult r)
        => FormattableString.Invariant($"{r.Rps:F0} rps p50 {r.P50Ms:F1} p99 {r.P99Ms:F1} ms{(r.Errors > 0 ? $" ({r.Errors} errors)" : "")}");

    private static string Row(Scenario scenario, List<WrkResult> api, List<WrkResult> baseline)
    {
        static string Range(IEnumerable<double> values, string format)
        {
            var list = values.ToList();
            var (min, max) = (list.Min(), list.Max());
            return min.ToString(format, CultureInfo.InvariantCulture) + (list.Count > 1 ? "–" + max.ToString(format, CultureInfo.InvariantCulture) : "");
        }
        static double Median(IEnumerable<double> values)
        {
            var sorted = values.Order().ToList();
            return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
        }
        var errors = api.Sum(r => r.Errors) + baseline.Sum(r => r.Errors);
        var text = $"| {scenario.Name}{(errors > 0 ? $" ({errors} non-2xx/socket errors)" : "")} | {scenario.Connections} | {Range(api.Select(r => r.Rps), "F0")} | " +
            $"{Range(api.Select(r => r.P50Ms), "F1")} | {Range(api.Select(r => r.P99Ms), "F1")} | ";
        if (baseline.Count == 0) return text + "— | — | — | — | — |";
        return text + $"{Range(baseline.Select(r => r.Rps), "F0")} | {Range(baseline.Select(r => r.P50Ms), "F1")} | {Range(baseline.Select(r => r.P99Ms), "F1")} | " +
            FormattableString.Invariant($"{Median(api.Select(r => r.Rps)) / Median(baseline.Select(r => r.Rps)):F2} | {Median(api.Select(r => r.P99Ms)) / Median(baseline.Select(r => r.P99Ms)):F2} |");
    }

    private static string LoadAverage()
    {
        try
        {
            return string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3));
        }
        catch (IOException)
        {
            return "?";
        }
    }

    private static async Task<string> WriteBodiesAsync(DirectoryInfo folder, string name, Target target)
    {
        var path = Path.Combine(folder.FullName, name + ".jsonl");
        // One body per line: JSON never contains a raw newline.
        await File.WriteAllLinesAsync(path, target.Bodies);
        return path;
    }

    /// <summary>Sends one request of the mix and fails loudly unless it is a 200 without GraphQL errors.</summary>
    private static async Task SmokeAsync(HttpClient client, Uri url, Target target, bool graphQL)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new StringContent(target.Bodies[0], Encoding.UTF8, "application/json") };
        foreach (var (name, value) in target.Headers) request.Headers.TryAddWithoutValidation(name, value);
        using var response = await client.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        using var json = JsonDocument.Parse(body);
        if (!response.IsSuccessStatusCode || (graphQL && json.RootElement.TryGetProperty("errors", out _)))
            throw new InvalidOperationException($"{url} answered {(int)response.StatusCode}: {body[..Math.Min(body.Length, 2000)]}");
    }

    private static string Body(string query, object variables) => JsonSerializer.Serialize(new { query, variables });

    private static async Task<IReadOnlyList<Scenario>> BuildScenariosAsync(string connectionString, Uri api, LoadOptions options)
    {
        var today = Clea.Data.Common.LegalClock.Today(TimeProvider.System).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        List<string> sirens = [], sirets = [];
        await using (var connection = new NpgsqlConnection(connectionString))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand("""
                SELECT o."Siren", s."Siret" FROM "Organisms" o JOIN "Sites" s ON s."OrganismId" = o."Id" AND s."HeadOffice"
                WHERE EXISTS (SELECT 1 FROM "Habilitations" h WHERE h."OrganismId" = o."Id" AND h."Certification" = 'CleaNumerique')
                ORDER BY o."Id"
                """, connection);
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                sirens.Add(reader.GetString(0));
                sirets.Add(reader.GetString(1));
            }
        }
        Console.WriteLine($"{sirens.Count} organisms with a CléA Numérique file");
        var random = new Random(20261205);
        var none = new Dictionary<string, string>();
        var integrator = new Dictionary<string, string> { ["Authorization"] = "Bearer " + await TokenAsync(api, "grant_type=client_credentials&client_id=demo-integrator&client_secret=demo-integrator-secret") };
        var staff = new Dictionary<string, string> { ["Authorization"] = "Bearer " + await TokenAsync(api, "grant_type=password&client_id=demo-web&username=certifpro%40demo.clea&password=Demo-2026%21&scope=openid") };

        var bySiren = $"query($siren: String, $on: Date) {{ verifyHabilitation(siren: $siren, certification: {Certification}, on: $on) {{ {VerifySelection} }} }}";
        var bySiret = $"query($siret: String, $on: Date) {{ verifyHabilitation(siret: $siret, certification: {Certification}, on: $on) {{ {VerifySelection} }} }}";
        var many = $"query($requests: [VerificationRequest!]!, $on: Date) {{ verifyHabilitations(requests: $requests, certification: {Certification}, on: $on) {{ {VerifySelection} }} }}";
        // The same batch selecting one field: the difference to the full selection is what resolving and writing the other 7,000 fields costs.
        var manyBare = $"query($requests: [VerificationRequest!]!, $on: Date) {{ verifyHabilitations(requests: $requests, certification: {Certification}, on: $on) {{ habilitated }} }}";
        string BaselineVerify(IEnumerable<string> keys) => JsonSerializer.Serialize(new { keys = keys.ToArray(), certification = Certification, on = today });

        var batches = Enumerable.Range(0, 20).Select(_ => Enumerable.Range(0, 500)
            .Select(i => i % 2 == 0 ? new Key(sirens[random.Next(sirens.Count)], null) : new Key(null, sirets[random.Next(sirets.Count)])).ToList()).ToList();
        string[] regions = ["11", "24", "27", "28", "32", "44", "52", "53", "75", "76", "84", "93", "94"];
        const string RegionPage = "query($region: String!, $first: Int) { organisms(where: { region: $region, certification: CLEA_NUMERIQUE }, first: $first) { totalCount pageInfo { hasNextPage endCursor } nodes { siren name qualiopi sites { name siret address { street city postalCode } } habilitations { certification status validUntil instance { code } } } } }";
        string[] words = ["formation", "competences", "Compétences", "savoirs", "métiers", "emploi", "Élan", "avenir", "greta", "académie", "lyon", "paris"];
        const string Search = "query($search: String!) { organisms(where: { search: $search, anyStatus: true }, first: 20) { totalCount nodes { siren name sites { address { city } } } } }";
        var threeYearsAgo = DateOnly.ParseExact(today, "yyyy-MM-dd", CultureInfo.InvariantCulture).AddYears(-3).AddDays(1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        const string Dashboard = "query($siren: String!, $from: Date!, $to: Date!) { organism(siren: $siren) { name activity(from: $from, to: $to) { registrations priorEvaluations finalEvaluations certified priorEvaluatedAndCertified successRate medianDaysToCertificate feesNotInvoiced monthly { month registrations priorEvaluations finalEvaluations certified } } } }";

        var c = options.Connections;
        return
        [
            new("verify by SIREN", c,
                new("/graphql", sirens.Select(s => Body(bySiren, new { siren = s, on = today })).ToList(), none),
                new("/verify", sirens.Select(s => BaselineVerify([s])).ToList(), none)),
            new("verify by SIRET", c,
                new("/graphql", sirets.Select(s => Body(bySiret, new { siret = s, on = today })).ToList(), none),
                new("/verify", sirets.Select(s => BaselineVerify([s])).ToList(), none)),
            // Each body a document never seen: parsing and validation on every request (the cache holds 2,000).
            new("verify by SIREN, distinct documents", c,
                new("/graphql", Enumerable.Range(0, 20_000).Select(i => Body(bySiren.Replace("query(", $"query V{i}(", StringComparison.Ordinal),
                    new { siren = sirens[i % sirens.Count], on = today })).ToList(), none),
                new("/verify", sirens.Select(s => BaselineVerify([s])).ToList(), none)),
            new("verify by SIREN, 1 connection", 1,
                new("/graphql", sirens.Select(s => Body(bySiren, new { siren = s, on = today })).ToList(), none),
                new("/verify", sirens.Select(s => BaselineVerify([s])).ToList(), none)),
            new("verifyHabilitations × 500, 1 connection", 1,
                new("/graphql", batches.Select(b => Body(many, new { requests = b.Select(r => r.Siren is null ? (object)new { siret = r.Siret } : new { siren = r.Siren }), on = today })).ToList(), integrator),
                new("/verify", batches.Select(b => BaselineVerify(b.Select(r => r.Value))).ToList(), none)),
            new("verifyHabilitations × 500, `habilitated` only, 1 connection", 1,
                new("/graphql", batches.Select(b => Body(manyBare, new { requests = b.Select(r => r.Siren is null ? (object)new { siret = r.Siret } : new { siren = r.Siren }), on = today })).ToList(), integrator),
                new("/verify", batches.Select(b => BaselineVerify(b.Select(r => r.Value))).ToList(), none)),
            new("verifyHabilitations × 500", c,
                new("/graphql", batches.Select(b => Body(many, new { requests = b.Select(r => r.Siren is null ? (object)new { siret = r.Siret } : new { siren = r.Siren }), on = today })).ToList(), integrator),
                new("/verify", batches.Select(b => BaselineVerify(b.Select(r => r.Value))).ToList(), none)),
            new("region page (20 organisms)", c,
                new("/graphql", regions.Select(r => Body(RegionPage, new { region = r, first = 20 })).ToList(), none),
                new("/region", regions.Select(r => JsonSerializer.Serialize(new { region = r, certification = Certification, first = 20, on = today })).ToList(), none)),
            new("name search (accents ignored)", c,
                new("/graphql", words.Select(w => Body(Search, new { search = w })).ToList(), none), null),
            new("organism dashboard (3 years, GRETA demo)", c,
                new("/graphql", [Body(Dashboard, new { siren = "900000092", from = threeYearsAgo, to = today })], staff), null),
            new("{ __typename } (GraphQL pipeline alone)", c,
                new("/graphql", [Body("{ __typename }", new { })], none), null),
        ];
    }

    private sealed record Key(string? Siren, string? Siret)
    {
        public string Value => Siren ?? Siret!;
    }

    private static async Task<string> TokenAsync(Uri api, string form)
    {
        using var client = new HttpClient();
        using var content = new StringContent(form, Encoding.UTF8);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/x-www-form-urlencoded");
        using var response = await client.PostAsync(new Uri(api, "/connect/token"), content);
        var body = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"token: {(int)response.StatusCode} {body}");
        using var json = JsonDocument.Parse(body);
        return json.RootElement.GetProperty("access_token").GetString()!;
    }
}

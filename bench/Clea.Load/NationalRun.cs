using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Clea.Testing;
using Npgsql;

namespace Clea.Load;

/// <summary>
/// <c>--national</c>: the demo plus <see cref="NationalVolume"/> on a throwaway PostgreSQL, then the hot requests one
/// client at a time (p50/p95/max), then each one once more with <c>auto_explain</c> (EXPLAIN ANALYZE of every statement
/// the API sends) to show the plans.
/// </summary>
internal static class NationalRun
{
    public static async Task RunAsync(double scale, int samples)
    {
        var admin = PostgresServer.AdminConnectionString;
        var connectionString = await Servers.CreateDatabaseAsync(admin, "clea_national_");
        var today = Clea.Data.Common.LegalClock.Today(TimeProvider.System);
        var watch = Stopwatch.StartNew();
        await using (var seeding = new Servers())
            await seeding.StartApiAsync(connectionString); // the demo with its activity: intervenants, GRETA's own candidates
        Console.WriteLine($"demo seeded in {watch.Elapsed.TotalSeconds:F0} s; national volume × {scale.ToString(CultureInfo.InvariantCulture)}:");
        NpgsqlConnection.ClearAllPools();
        var volume = await NationalVolume.FillAsync(connectionString, scale, today);
        Console.WriteLine($"generated {volume.Organisms:N0} organisms, {volume.Sites:N0} sites, {volume.Habilitations:N0} habilitations, " +
            $"{volume.Evaluations:N0} evaluations ({volume.RichEvaluations:N0} in {NationalVolume.RichOrganismSiren}) in {volume.Took.TotalMinutes:F1} min");

        var requests = await RequestsAsync(connectionString, today, scale);
        await using (var servers = new Servers())
        {
            var api = await servers.StartApiAsync(connectionString);
            var staff = await StaffTokenAsync(api);
            using var client = new HttpClient { Timeout = TimeSpan.FromMinutes(2) };
            Console.WriteLine();
            Console.WriteLine($"{DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, one client, load average {File.ReadAllText("/proc/loadavg").Split(' ')[0]}");
            Console.WriteLine("cold = the first request of each distinct body after the restart (a search total's first count);");
            Console.WriteLine("after a change = each request preceded by a new registry version (a cache miss with warm plans); warm = the rest.");
            Console.WriteLine("| request | cold n | cold p50 | cold p95 | after a change n | p50 | p95 | warm n | warm p50 ms | warm p95 ms | warm max ms |");
            Console.WriteLine("|---|---|---|---|---|---|---|---|---|---|---|");
            await using var bumper = new NpgsqlConnection(connectionString);
            await bumper.OpenAsync();
            foreach (var (name, bodies, needsToken) in requests)
            {
                var token = needsToken ? staff : null;
                var cold = new List<double>();
                foreach (var body in bodies.Take(20)) cold.Add(await SendAsync(client, api, body, token));
                var count = name.StartsWith("Organism.activity", StringComparison.Ordinal) ? Math.Max(5, samples / 10) : samples;
                var times = new List<double>();
                for (var i = 0; i < count + 3; i++)
                {
                    var elapsed = await SendAsync(client, api, bodies[i % bodies.Count], token);
                    if (i >= 3) times.Add(elapsed); // the first requests warm the JIT and the plan caches
                }
                var changed = new List<double>();
                if (name.StartsWith("region", StringComparison.Ordinal) || name.StartsWith("name search", StringComparison.Ordinal))
                    for (var i = 0; i < Math.Min(count, 40); i++)
                    {
                        await new NpgsqlCommand(Clea.Data.Registry.RegistryStamp.BumpSql.Replace("{0}", "@v", StringComparison.Ordinal), bumper)
                        {
                            Parameters = { new NpgsqlParameter("v", Clea.Data.Registry.RegistryStamp.NewVersion()) },
                        }.ExecuteNonQueryAsync();
                        changed.Add(await SendAsync(client, api, bodies[i % bodies.Count], token));
                    }
                Console.WriteLine(FormattableString.Invariant(
                    $"| {name} | {cold.Count} | {P(cold, 0.5)} | {P(cold, 0.95)} | {changed.Count} | {P(changed, 0.5)} | {P(changed, 0.95)} | {times.Count} | {P(times, 0.5)} | {P(times, 0.95)} | {P(times, 1)} |"));
            }
        }

        await ExplainAnyStatusAsync(connectionString, today);

        // EXPLAIN ANALYZE of what the API actually sends, from the server's log.
        await using (var connection = new NpgsqlConnection(connectionString))
        {
            await connection.OpenAsync();
            var database = connection.Database;
            foreach (var setting in new[] { "session_preload_libraries = 'auto_explain'", "auto_explain.log_min_duration = 0", "auto_explain.log_analyze = on",
                         "auto_explain.log_buffers = on" })
                await new NpgsqlCommand($"ALTER DATABASE \"{database}\" SET {setting}", connection).ExecuteNonQueryAsync();
        }
        var log = Path.Combine(new NpgsqlConnectionStringBuilder(admin).Host!, "server.log");
        await using (var servers = new Servers())
        {
            var api = await servers.StartApiAsync(connectionString);
            var staff = await StaffTokenAsync(api);
            using var client = new HttpClient { Timeout = TimeSpan.FromMinutes(2) };
            foreach (var (name, bodies, needsToken) in requests)
            {
                var offset = new FileInfo(log).Length;
                await SendAsync(client, api, bodies[0], needsToken ? staff : null);
                await Task.Delay(500);
                await using var stream = new FileStream(log, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
                stream.Seek(offset, SeekOrigin.Begin);
                var text = await new StreamReader(stream).ReadToEndAsync();
                Console.WriteLine($"\n### {name}\n```");
                Console.WriteLine(string.Join('\n', text.Split('\n').Where(l => !l.Contains("DISCARD ALL", StringComparison.Ordinal))));
                Console.WriteLine("```");
            }
        }
    }

    /// <summary>
    /// The public name search's total before and after <c>Organisms.FirstDecidedFiledOn</c>: the same count with the
    /// habilitation semi-join it replaced, and with the organism's column (each run twice, the second plan printed).
    /// </summary>
    private static async Task ExplainAnyStatusAsync(string connectionString, DateOnly today)
    {
        var on = today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var matches = $"""
            (o."NameSearch" LIKE '%formation%' OR o."Id" IN (SELECT s."OrganismId" FROM "Sites" s
              WHERE s."OpenedOn" <= DATE '{on}' AND (s."ClosedOn" IS NULL OR s."ClosedOn" > DATE '{on}') AND s."CitySearch" LIKE '%formation%'))
            """;
        (string Name, string Sql)[] counts =
        [
            ("before: EXISTS over the habilitations", $"""SELECT count(*) FROM "Organisms" o WHERE {matches} AND EXISTS (SELECT 1 FROM "Habilitations" h WHERE h."OrganismId" = o."Id" AND h."FiledOn" <= DATE '{on}' AND h."Outcome" <> 'Pending')"""),
            ("after: the organism's FirstDecidedFiledOn", $"""SELECT count(*) FROM "Organisms" o WHERE {matches} AND o."FirstDecidedFiledOn" <= DATE '{on}'"""),
        ];
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        foreach (var (name, sql) in counts)
        {
            var plan = new List<string>();
            for (var run = 0; run < 2; run++)
            {
                plan.Clear();
                await using var reader = await new NpgsqlCommand("EXPLAIN (ANALYZE, BUFFERS) " + sql, connection).ExecuteReaderAsync();
                while (await reader.ReadAsync()) plan.Add(reader.GetString(0));
            }
            Console.WriteLine($"\n### name search total, {name}\n```\n{string.Join('\n', plan)}\n```");
        }
    }

    /// <summary>The <paramref name="q"/> quantile (nearest rank) in ms, or a dash without samples.</summary>
    private static string P(List<double> times, double q)
    {
        if (times.Count == 0) return "—";
        var sorted = times.Order().ToList();
        return sorted[Math.Max(0, (int)Math.Ceiling(sorted.Count * q) - 1)].ToString("F1", CultureInfo.InvariantCulture);
    }

    private static async Task<double> SendAsync(HttpClient client, Uri api, string body, string? token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, api) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        if (token is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var watch = Stopwatch.StartNew();
        using var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        var elapsed = watch.Elapsed.TotalMilliseconds;
        if (!response.IsSuccessStatusCode || text.Contains("\"errors\"", StringComparison.Ordinal))
            throw new InvalidOperationException($"{(int)response.StatusCode}: {text[..Math.Min(text.Length, 1000)]}");
        return elapsed;
    }

    private static async Task<string> StaffTokenAsync(Uri api)
    {
        using var client = new HttpClient();
        using var content = new StringContent("grant_type=password&client_id=demo-web&username=certifpro%40demo.clea&password=Demo-2026%21&scope=openid", Encoding.UTF8);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/x-www-form-urlencoded");
        using var response = await client.PostAsync(new Uri(api, "/connect/token"), content);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return json.RootElement.GetProperty("access_token").GetString()!;
    }

    private static async Task<List<(string Name, List<string> Bodies, bool NeedsToken)>> RequestsAsync(string connectionString, DateOnly today, double scale)
    {
        string Body(string query, object variables) => JsonSerializer.Serialize(new { query, variables });
        var random = new Random(7);
        var organisms = (int)(60_000 * scale);
        var sirens = Enumerable.Range(0, 200).Select(_ => NationalVolume.SirenOf(random.Next(organisms))).ToList();
        var sirets = sirens.Select(s => Clea.Data.Registry.Siret.Compose(Clea.Data.Registry.Siren.Parse(s), 1).Value).ToList();
        string[] regions = ["11", "24", "27", "28", "32", "44", "52", "53", "75", "76", "84", "93", "94"];
        string[] words = ["formation", "Compétences", "métiers", "élan avenir", "lyon", "académie numérique", "insertion", "clés", "réseau"];
        const string Verify = "query($siren: String, $siret: String) { verifyHabilitation(siren: $siren, siret: $siret, certification: CLEA_NUMERIQUE) { habilitated status validFrom validUntil scope qualiopi edofEligible reason edofReason instance { code name } professionalField organism { siren name } } }";
        const string Region = "query($region: String!) { organisms(where: { region: $region, certification: CLEA_NUMERIQUE }, first: 20) { totalCount pageInfo { hasNextPage endCursor } nodes { siren name qualiopi sites { name siret address { street city postalCode } } habilitations { certification status validUntil instance { code } } } } }";
        const string Search = "query($search: String!) { organisms(where: { search: $search, anyStatus: true }, first: 20) { totalCount nodes { siren name sites { address { city } } } } }";
        const string Activity = "query($siren: String!, $from: Date!, $to: Date!) { organism(siren: $siren) { activity(from: $from, to: $to) { registrations priorEvaluations finalEvaluations certified priorEvaluatedAndCertified successRate medianDaysToCertificate feesNotInvoiced monthly { month registrations priorEvaluations finalEvaluations certified } } } }";
        await Task.CompletedTask;
        return
        [
            ("verifyHabilitation by SIREN", sirens.Select(s => Body(Verify, new { siren = s })).ToList(), false),
            ("verifyHabilitation by SIRET", sirets.Select(s => Body(Verify, new { siret = s })).ToList(), false),
            ("region page, 20 organisms with sites and habilitations", regions.Select(r => Body(Region, new { region = r })).ToList(), false),
            ("name search, accents ignored", words.Select(w => Body(Search, new { search = w })).ToList(), false),
            ($"Organism.activity, 3 years, {NationalVolume.RichOrganismSiren}", [Body(Activity, new
            {
                siren = NationalVolume.RichOrganismSiren,
                from = today.AddYears(-3).AddDays(1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                to = today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            })], true),
        ];
    }
}

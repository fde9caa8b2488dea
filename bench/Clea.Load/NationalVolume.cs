using System.Diagnostics;
using Clea.Data.Common;
using Clea.Data.Registry;
using Npgsql;

namespace Clea.Load;

/// <summary>
/// Fills a demo database with a national volume by binary COPY (never EF Core): 60,000 organisms, 200,000 sites,
/// 150,000 habilitations and 5,000,000 evaluations — 1,000,000 of them in one organism (the demo's GRETA Paris Est,
/// <see cref="RichOrganismSiren"/>, with juries, certificates and fee lines for its dashboard), the rest spread over
/// the organisms holding an active habilitation. Deterministic: a fixed seed, dates relative to <c>today</c>.
/// <c>scale</c> multiplies every count (0.1 for a quick run).
/// </summary>
internal static class NationalVolume
{
    public const string RichOrganismSiren = "900000092";

    private static readonly string[] Words =
    [
        "Formation", "Compétences", "Savoirs", "Avenir", "Métiers", "Élan", "Horizon", "Trajectoires", "Passerelles", "Atelier",
        "Académie", "Institut", "Centre", "Réussite", "Emploi", "Insertion", "Numérique", "Langues", "Progrès", "Réseau",
        "Développement", "Qualification", "Orientation", "Éducation", "Apprentissage", "Énergie", "Clés", "Parcours",
    ];

    private static readonly string[] Streets = ["rue de la République", "avenue Jean Jaurès", "boulevard Victor Hugo", "place de l'Église", "rue Pasteur", "chemin des Écoliers"];

    public sealed record Result(int Organisms, int Sites, int Habilitations, long Evaluations, long RichEvaluations, TimeSpan Took);

    public static async Task<Result> FillAsync(string connectionString, double scale, DateOnly today)
    {
        var watch = Stopwatch.StartNew();
        var random = new Random(20261205);
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();

        async Task<int> ScalarAsync(string sql) => Convert.ToInt32(await new NpgsqlCommand(sql, connection).ExecuteScalarAsync() ?? 0);
        var firstOrganism = await ScalarAsync("SELECT max(\"Id\") FROM \"Organisms\"") + 1;
        var firstSite = await ScalarAsync("SELECT max(\"Id\") FROM \"Sites\"") + 1;
        var firstHabilitation = await ScalarAsync("SELECT max(\"Id\") FROM \"Habilitations\"") + 1;
        var evaluator = await ScalarAsync("SELECT min(\"Id\") FROM \"Intervenants\" WHERE \"Evaluator\"");
        var instances = new List<int>();
        await using (var reader = await new NpgsqlCommand("SELECT \"Id\" FROM \"Instances\" ORDER BY \"Id\"", connection).ExecuteReaderAsync())
            while (await reader.ReadAsync()) instances.Add(reader.GetInt32(0));
        var towns = new List<(string City, string PostalCode, string Department)>();
        await using (var reader = await new NpgsqlCommand("SELECT DISTINCT \"City\", \"PostalCode\", \"DepartmentCode\" FROM \"Sites\" ORDER BY 3, 1", connection).ExecuteReaderAsync())
            while (await reader.ReadAsync()) towns.Add((reader.GetString(0), reader.GetString(1), reader.GetString(2)));

        var organismCount = (int)(60_000 * scale);
        var siteCount = (int)(200_000 * scale);
        var habilitationCount = (int)(150_000 * scale);
        var spreadEvaluations = (long)(4_000_000 * scale);
        var richEvaluations = (long)(1_000_000 * scale);

        // Organisms: a home town each; Luhn-valid SIRENs starting with 1 (the demo's start with 9).
        var homes = new (string City, string PostalCode, string Department)[organismCount];
        await using (var copy = await connection.BeginBinaryImportAsync("""
            COPY "Organisms" ("Id", "Siren", "Name", "NameSearch", "Qualiopi", "NafCode", "IsDemo", "BillingContactEmail", "BillingContactName",
                              "MainContactEmail", "MainContactName") FROM STDIN (FORMAT BINARY)
            """))
        {
            for (var i = 0; i < organismCount; i++)
            {
                homes[i] = towns[random.Next(towns.Count)];
                var name = $"{Words[random.Next(Words.Length)]} {Words[random.Next(Words.Length)]} {homes[i].City} {i}";
                await copy.StartRowAsync();
                Write(copy, firstOrganism + i, SirenOf(i), name, SearchText.Normalize(name), random.NextDouble() < 0.8, "8559A", false,
                    $"facturation{i}@exemple.fr", "Service facturation", $"contact{i}@exemple.fr", "Direction");
            }
            await copy.CompleteAsync();
        }
        Console.WriteLine($"  {organismCount:N0} organisms ({watch.Elapsed.TotalSeconds:F0} s)");

        // Sites: a head office per organism in its home town, the others mostly in the same département.
        var siteOrganisms = new int[siteCount];
        await using (var copy = await connection.BeginBinaryImportAsync("""
            COPY "Sites" ("Id", "OrganismId", "Siret", "Name", "HeadOffice", "OpenedOn", "ClosedOn", "Street", "City", "CitySearch", "PostalCode", "DepartmentCode")
            FROM STDIN (FORMAT BINARY)
            """))
        {
            var nextEstablishment = new int[organismCount];
            for (var s = 0; s < siteCount; s++)
            {
                var o = s < organismCount ? s : random.Next(organismCount);
                siteOrganisms[s] = o;
                var town = s < organismCount || random.NextDouble() < 0.7 ? homes[o] : towns[random.Next(towns.Count)];
                var closed = s >= organismCount && random.NextDouble() < 0.05 ? today.AddDays(-random.Next(1, 400)) : (DateOnly?)null;
                await copy.StartRowAsync();
                Write(copy, firstSite + s, firstOrganism + o, Siret.Compose(Siren.Parse(SirenOf(o)), ++nextEstablishment[o]).Value,
                    s < organismCount ? "Siège" : $"Antenne {town.City}", s < organismCount, today.AddDays(-random.Next(1500, 6000)), closed,
                    $"{random.Next(1, 200)} {Streets[random.Next(Streets.Length)]}", town.City, SearchText.Normalize(town.City), town.PostalCode, town.Department);
            }
            await copy.CompleteAsync();
        }
        Console.WriteLine($"  {siteCount:N0} sites ({watch.Elapsed.TotalSeconds:F0} s)");

        // Habilitations: one per organism, then more for other certifications; three in four active today.
        string[] certifications = ["CleaNumerique", "CleaSocle", "CleaManagement"];
        var active = new List<(int Organism, int Habilitation, string Certification, DateOnly ValidFrom)>();
        var suspended = new List<(int Habilitation, DateOnly From)>();
        await using (var copy = await connection.BeginBinaryImportAsync("""
            COPY "Habilitations" ("Id", "OrganismId", "Certification", "InstanceId", "Scope", "Outcome", "FiledOn", "DecidedOn", "RefusedOn", "ValidFrom",
                                  "InitialUntil", "EndedOn", "EndKind") FROM STDIN (FORMAT BINARY)
            """))
        {
            for (var h = 0; h < habilitationCount; h++)
            {
                var o = h < organismCount ? h : random.Next(organismCount);
                var certification = certifications[(h / Math.Max(1, organismCount) + o) % certifications.Length];
                var filed = today.AddDays(-random.Next(60, 1400));
                var decided = filed.AddDays(random.Next(20, 50));
                var roll = random.NextDouble();
                var outcome = roll < 0.06 ? "Pending" : roll < 0.11 ? "Refused" : "Accepted";
                DateOnly? validFrom = outcome == "Accepted" ? decided.AddDays(random.Next(1, 10)) : null;
                if (validFrom > today) (outcome, validFrom) = ("Pending", null);
                DateOnly? until = validFrom?.AddYears(3).AddDays(-1);
                DateOnly? ended = null;
                string? endKind = null;
                if (validFrom is not null && roll > 0.96 && today.DayNumber - validFrom.Value.DayNumber > 30)
                {
                    ended = validFrom.Value.AddDays(random.Next(10, today.DayNumber - validFrom.Value.DayNumber));
                    endKind = "Withdrawn";
                }
                var id = firstHabilitation + h;
                if (validFrom is not null && ended is null && until >= today)
                {
                    if (roll > 0.94) suspended.Add((id, today.AddDays(-random.Next(1, 30))));
                    else active.Add((o, id, certification, validFrom.Value));
                }
                await copy.StartRowAsync();
                Write(copy, id, firstOrganism + o, certification, instances[random.NextDouble() < 0.9 ? 0 : 1 + random.Next(instances.Count - 1)],
                    random.NextDouble() < 0.85 ? "TrainAndEvaluate" : "Evaluate", outcome, filed, outcome == "Pending" ? null : decided,
                    outcome == "Refused" ? decided : null, validFrom, until, ended, endKind);
            }
            await copy.CompleteAsync();
        }
        await using (var copy = await connection.BeginBinaryImportAsync("COPY \"Suspensions\" (\"HabilitationId\", \"From\") FROM STDIN (FORMAT BINARY)"))
        {
            foreach (var (habilitation, from) in suspended)
            {
                await copy.StartRowAsync();
                Write(copy, habilitation, from);
            }
            await copy.CompleteAsync();
        }
        Console.WriteLine($"  {habilitationCount:N0} habilitations, {active.Count:N0} active, {suspended.Count:N0} suspended ({watch.Elapsed.TotalSeconds:F0} s)");

        var sitesByOrganism = siteOrganisms.Select((o, s) => (o, s)).GroupBy(p => p.o).ToDictionary(g => g.Key, g => firstSite + g.First().s);
        var ids = new Ids(await ScalarAsync("SELECT coalesce(max(\"Id\"), 0) FROM \"Candidates\""), await ScalarAsync("SELECT coalesce(max(\"Id\"), 0) FROM \"Evaluations\""),
            await ScalarAsync("SELECT coalesce(max(\"Id\"), 0) FROM \"JuryDecisions\""));

        // The rich organism first (its dashboard is measured), then the spread.
        int richId, richSite, richHabilitation;
        await using (var reader = await new NpgsqlCommand($"""
            SELECT o."Id", s."Id", h."Id" FROM "Organisms" o JOIN "Sites" s ON s."OrganismId" = o."Id" AND s."HeadOffice"
            JOIN "Habilitations" h ON h."OrganismId" = o."Id" AND h."Outcome" = 'Accepted' WHERE o."Siren" = '{RichOrganismSiren}' LIMIT 1
            """, connection).ExecuteReaderAsync())
        {
            await reader.ReadAsync();
            (richId, richSite, richHabilitation) = (reader.GetInt32(0), reader.GetInt32(1), reader.GetInt32(2));
        }
        var writer = await FactWriter.OpenAsync(connection, evaluator);
        var rich = 0L;
        var start = today.AddYears(-3);
        while (rich < richEvaluations)
            rich += await writer.CandidateAsync(random, ids, richId, richSite, richHabilitation, "CleaNumerique", start, today, withCertificates: true);
        Console.WriteLine($"  {rich:N0} evaluations in {RichOrganismSiren} ({watch.Elapsed.TotalSeconds:F0} s)");
        var spread = 0L;
        while (spread < spreadEvaluations)
        {
            var (o, habilitation, certification, validFrom) = active[random.Next(active.Count)];
            spread += await writer.CandidateAsync(random, ids, firstOrganism + o, sitesByOrganism[o], habilitation, certification,
                validFrom > start ? validFrom : start, today, withCertificates: false);
            if (spread % 500_000 < 2) Console.WriteLine($"  {spread:N0} evaluations spread ({watch.Elapsed.TotalSeconds:F0} s)");
        }
        await writer.CompleteAsync();
        Console.WriteLine($"  {spread:N0} evaluations spread over {active.Count:N0} habilitations ({watch.Elapsed.TotalSeconds:F0} s)");

        foreach (var table in new[] { "Organisms", "Sites", "Habilitations", "Suspensions", "Candidates", "Evaluations", "JuryDecisions", "FeeLines" })
            await new NpgsqlCommand($"SELECT setval(pg_get_serial_sequence('\"{table}\"', 'Id'), (SELECT max(\"Id\") FROM \"{table}\"))", connection).ExecuteScalarAsync();
        // COPY bypasses ActivityLedger: the dashboard ledger is counted from the facts, as the migration does.
        await new NpgsqlCommand(Clea.Data.Dashboard.ActivityDay.RebuildSql, connection) { CommandTimeout = 0 }.ExecuteNonQueryAsync();
        Console.WriteLine($"  dashboard ledger rebuilt ({watch.Elapsed.TotalSeconds:F0} s)");
        await new NpgsqlCommand(Clea.Data.Dashboard.CertificateLedger.RebuildSql(Clea.Data.Persistence.DatabaseProvider.Postgres), connection) { CommandTimeout = 0 }
            .ExecuteNonQueryAsync();
        Console.WriteLine($"  certificate ledgers rebuilt ({watch.Elapsed.TotalSeconds:F0} s)");
        // COPY bypasses RegistryChanges too: the organisms' earliest filings from their habilitations, and a new registry
        // version (search totals cached by a running API at the old one are not read again).
        await new NpgsqlCommand(Clea.Data.Registry.Organism.FirstFilingsSql, connection) { CommandTimeout = 0 }.ExecuteNonQueryAsync();
        await new NpgsqlCommand(Clea.Data.Registry.RegistryStamp.BumpSql.Replace("{0}", "@version", StringComparison.Ordinal), connection)
        {
            Parameters = { new NpgsqlParameter("version", Clea.Data.Registry.RegistryStamp.NewVersion()) },
        }.ExecuteNonQueryAsync();
        Console.WriteLine($"  registry: earliest filings and version ({watch.Elapsed.TotalSeconds:F0} s)");
        await new NpgsqlCommand("VACUUM ANALYZE", connection) { CommandTimeout = 0 }.ExecuteNonQueryAsync();
        Console.WriteLine($"  vacuum analyze done ({watch.Elapsed.TotalSeconds:F0} s)");
        return new Result(organismCount, siteCount, habilitationCount, rich + spread, rich, watch.Elapsed);
    }

    /// <summary>A Luhn-valid SIREN for the i-th generated organism: 1 followed by seven digits and the check digit.</summary>
    public static string SirenOf(int i)
    {
        var stem = (10_000_000 + i).ToString("D8", System.Globalization.CultureInfo.InvariantCulture);
        for (var check = 0; check < 10; check++)
            if (Siren.TryParse(stem + check, out var siren, out _)) return siren.Value;
        throw new InvalidOperationException("unreachable: one check digit always passes");
    }

    private static void Write(NpgsqlBinaryImporter copy, params object?[] values)
    {
        foreach (var value in values)
        {
            switch (value)
            {
                case null: copy.WriteNull(); break;
                case int i: copy.Write(i, NpgsqlTypes.NpgsqlDbType.Integer); break;
                case string s: copy.Write(s, NpgsqlTypes.NpgsqlDbType.Text); break;
                case bool b: copy.Write(b, NpgsqlTypes.NpgsqlDbType.Boolean); break;
                case DateOnly d: copy.Write(d, NpgsqlTypes.NpgsqlDbType.Date); break;
                case Guid g: copy.Write(g, NpgsqlTypes.NpgsqlDbType.Uuid); break;
                case decimal m: copy.Write(m, NpgsqlTypes.NpgsqlDbType.Numeric); break;
                default: throw new NotSupportedException(value.GetType().Name);
            }
        }
    }

    private sealed class Ids(int candidate, int evaluation, int decision)
    {
        public int Candidate = candidate;
        public int Evaluation = evaluation;
        public int Decision = decision;
    }

    /// <summary>
    /// Candidates with their prior and final evaluations (and, for the rich organism, jury decisions, certificates and
    /// fee lines) on five COPY streams, each table on its own connection so the streams run side by side.
    /// </summary>
    private sealed class FactWriter
    {
        private readonly List<NpgsqlConnection> _connections = [];
        private NpgsqlBinaryImporter _candidates = null!, _evaluations = null!, _decisions = null!, _certificates = null!, _fees = null!;
        private int _evaluator;

        public static async Task<FactWriter> OpenAsync(NpgsqlConnection template, int evaluator)
        {
            var writer = new FactWriter { _evaluator = evaluator };
            async Task<NpgsqlBinaryImporter> Open(string copy)
            {
                var connection = new NpgsqlConnection(template.ConnectionString);
                await connection.OpenAsync();
                writer._connections.Add(connection);
                // The streams reference each other's rows before they commit: foreign-key triggers off for this session
                // (superuser, throwaway server); the generator writes consistent rows.
                await new NpgsqlCommand("SET session_replication_role = replica", connection).ExecuteNonQueryAsync();
                return await connection.BeginBinaryImportAsync(copy);
            }
            writer._candidates = await Open("""
                COPY "Candidates" ("Id", "Reference", "OrganismId", "SiteId", "Certification", "RegisteredOn", "HabilitationId", "Funding", "FirstName", "LastName", "BirthDate")
                FROM STDIN (FORMAT BINARY)
                """);
            writer._evaluations = await Open("""
                COPY "Evaluations" ("Id", "CandidateId", "Kind", "HeldOn", "Modality", "EvaluatorId", "IdentityChecked", "AttendanceSigned", "FeasibilityChecked",
                                    "ReinforcedSupport", "SynchronousPhases", "ReferentialVersion", "Outcome", "HabilitationId") FROM STDIN (FORMAT BINARY)
                """);
            writer._decisions = await Open("COPY \"JuryDecisions\" (\"Id\", \"CandidateId\", \"DecidedOn\", \"Validated\", \"HabilitationId\") FROM STDIN (FORMAT BINARY)");
            writer._certificates = await Open("""
                COPY "Certificates" ("Id", "CandidateId", "OrganismId", "Certification", "Number", "IssuedOn", "PriorEvaluatedOn", "Delivery", "LastNameHash", "JuryDecisionId")
                FROM STDIN (FORMAT BINARY)
                """);
            writer._fees = await Open("COPY \"FeeLines\" (\"OrganismId\", \"Kind\", \"Certification\", \"AccruedOn\", \"Amount\", \"SourceKey\") FROM STDIN (FORMAT BINARY)");
            return writer;
        }

        /// <summary>One candidate registered between <paramref name="from"/> and today and what followed; returns the evaluations written.</summary>
        public async Task<int> CandidateAsync(Random random, Ids ids, int organism, int site, int habilitation, string certification,
            DateOnly from, DateOnly today, bool withCertificates)
        {
            var candidate = ++ids.Candidate;
            var registered = from.AddDays(random.Next(Math.Max(1, today.AddDays(-30).DayNumber - from.DayNumber)));
            var bytes = new byte[16];
            random.NextBytes(bytes);
            await _candidates.StartRowAsync();
            Write(_candidates, candidate, new Guid(bytes), organism, site, certification, registered, habilitation, "Cpf", "Volume", "Candidat", new DateOnly(1990, 1, 1));
            var last = registered.AddDays(random.Next(22));
            var priorOn = last;
            var admissible = random.NextDouble() < 0.15;
            await EvaluationAsync(ids, candidate, "Prior", last, admissible ? "Admissible" : "TrainingRecommended", habilitation);
            var written = 1;
            for (var n = 0; !admissible && n < 1 + (random.NextDouble() < 0.15 ? 1 : 0); n++)
            {
                var final = last.AddDays(random.Next(30, 200));
                if (final > today) break;
                last = final;
                await EvaluationAsync(ids, candidate, "Final", last, "AllAcquired", habilitation);
                written++;
            }
            if (!withCertificates) return written;
            var jury = last.AddDays(random.Next(5, 31));
            if (jury > today || random.NextDouble() < 0.35) return written;
            var decision = ++ids.Decision;
            await _decisions.StartRowAsync();
            Write(_decisions, decision, candidate, jury, true, habilitation);
            var number = $"VOLUME-{candidate}";
            await _certificates.StartRowAsync();
            Write(_certificates, candidate, candidate, organism, certification, number, jury, priorOn, "Pdf", new string('0', 64), decision);
            await _fees.StartRowAsync();
            Write(_fees, organism, "Certificate", certification, jury, 11m, $"certificate:{number}");
            return written;
        }

        private async Task EvaluationAsync(Ids ids, int candidate, string kind, DateOnly on, string outcome, int habilitation)
        {
            await _evaluations.StartRowAsync();
            Write(_evaluations, ++ids.Evaluation, candidate, kind, on, "OnSite", _evaluator, true, true, false, false, false, "volume", outcome, habilitation);
        }

        public async Task CompleteAsync()
        {
            foreach (var copy in new[] { _candidates, _evaluations, _decisions, _certificates, _fees })
            {
                await copy.CompleteAsync();
                await copy.DisposeAsync();
            }
            foreach (var connection in _connections) await connection.DisposeAsync();
        }
    }
}

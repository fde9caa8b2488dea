using System.Data.Common;
using Clea.Data;
using Clea.Data.Evaluations;
using Clea.Data.Habilitations;
using Microsoft.EntityFrameworkCore;

namespace Clea.Bench;

/// <summary>
/// Adds candidates with prior and final evaluations, jury decisions, certificates and fee lines to one demo organism until
/// it holds the wanted number of evaluations, by multi-row INSERTs in one transaction (the domain path through EF Core
/// would take minutes at this volume). Rows are plausible (dates in order, within the habilitation, up to today) but skip
/// the per-sub-competence results, which the dashboard never reads.
/// </summary>
internal static class VolumeGenerator
{
    private const int RowsPerStatement = 200;

    public static async Task<int> AddAsync(CleaDbContext db, int organismId, int wantedEvaluations, DateOnly today)
    {
        var existing = await db.Evaluations.CountAsync(e => db.Candidates.Any(c => c.Id == e.CandidateId && c.OrganismId == organismId));
        var habilitation = await db.Habilitations.SingleAsync(h => h.OrganismId == organismId && h.Outcome == DecisionOutcome.Accepted);
        var siteId = await db.Sites.Where(s => s.OrganismId == organismId && s.HeadOffice).Select(s => s.Id).SingleAsync();
        var evaluatorId = await db.Intervenants.Where(i => i.OrganismId == organismId && i.Evaluator).Select(i => i.Id).FirstAsync();
        var ids = new NextIds(
            await db.Candidates.MaxAsync(c => (int?)c.Id) ?? 0, await db.Evaluations.MaxAsync(e => (int?)e.Id) ?? 0,
            await db.JuryDecisions.MaxAsync(d => (int?)d.Id) ?? 0);
        var sqlite = db.Database.IsSqlite();
        var random = new Random(20261125);
        var first = habilitation.ValidFrom!.Value > new DateOnly(2024, 1, 1) ? habilitation.ValidFrom.Value : new DateOnly(2024, 1, 1);
        var span = today.AddDays(-30).DayNumber - first.DayNumber;

        var candidates = new List<object?[]>();
        var evaluations = new List<object?[]>();
        var decisions = new List<object?[]>();
        var certificates = new List<object?[]>();
        var fees = new List<object?[]>();
        var certification = habilitation.Certification.ToString();
        object?[] Evaluation(int candidateId, EvaluationKind kind, DateOnly on, EvaluationOutcome outcome) =>
            [
                ++ids.Evaluation, candidateId, kind.ToString(), on, nameof(EvaluationModality.OnSite), evaluatorId, true, true, false, false, false,
                "bench", null, outcome.ToString(), habilitation.Id,
            ];
        while (existing + evaluations.Count < wantedEvaluations)
        {
            var candidateId = ++ids.Candidate;
            var registeredOn = first.AddDays(random.Next(span));
            var reference = Guid.NewGuid();
            candidates.Add([candidateId, sqlite ? reference.ToString().ToUpperInvariant() : reference, organismId, siteId, certification, registeredOn,
                habilitation.Id, nameof(FundingScheme.Cpf), "Bench", "Candidat", new DateOnly(1990, 1, 1), null, null, null, null]);
            var last = registeredOn.AddDays(random.Next(22));
            var priorOn = last;
            var admissible = random.NextDouble() < 0.15;
            evaluations.Add(Evaluation(candidateId, EvaluationKind.Prior, last, admissible ? EvaluationOutcome.Admissible : EvaluationOutcome.TrainingRecommended));
            for (var n = 0; !admissible && n < 1 + (random.NextDouble() < 0.15 ? 1 : 0); n++)
            {
                var finalOn = last.AddDays(random.Next(30, 200));
                if (finalOn > today) break;
                last = finalOn;
                evaluations.Add(Evaluation(candidateId, EvaluationKind.Final, last, EvaluationOutcome.AllAcquired));
            }
            var juryOn = last.AddDays(random.Next(5, 31));
            if (juryOn > today || random.NextDouble() < 0.35) continue;
            var decisionId = ++ids.Decision;
            decisions.Add([decisionId, candidateId, juryOn, true, null, habilitation.Id]);
            var number = $"BENCH-{candidateId}";
            certificates.Add([candidateId, candidateId, organismId, certification, number, juryOn, priorOn, nameof(CertificateDelivery.Pdf), new string('0', 64), decisionId]);
            fees.Add([organismId, "Certificate", certification, juryOn, 11m, $"certificate:{number}", null]);
        }

        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await InsertAsync(connection, transaction, "Candidates", ["Id", "Reference", "OrganismId", "SiteId", "Certification", "RegisteredOn", "HabilitationId",
            "Funding", "FirstName", "LastName", "BirthDate", "Email", "Phone", "Accommodations", "PersonalDataErasedOn"], candidates);
        await InsertAsync(connection, transaction, "Evaluations", ["Id", "CandidateId", "Kind", "HeldOn", "Modality", "EvaluatorId", "IdentityChecked",
            "AttendanceSigned", "FeasibilityChecked", "ReinforcedSupport", "SynchronousPhases", "ReferentialVersion", "ReferentialContext", "Outcome",
            "HabilitationId"], evaluations);
        await InsertAsync(connection, transaction, "JuryDecisions", ["Id", "CandidateId", "DecidedOn", "Validated", "MinutesReference", "HabilitationId"], decisions);
        // Certificate ids are not referenced by other rows here: the candidate id is free to use.
        await InsertAsync(connection, transaction, "Certificates", ["Id", "CandidateId", "OrganismId", "Certification", "Number", "IssuedOn", "PriorEvaluatedOn", "Delivery",
            "LastNameHash", "JuryDecisionId"], certificates);
        await InsertAsync(connection, transaction, "FeeLines", ["OrganismId", "Kind", "Certification", "AccruedOn", "Amount", "SourceKey", "InvoiceId"], fees);
        // The dashboard ledgers, as the migrations build them (raw inserts bypass ActivityLedger).
        await using (var rebuild = connection.CreateCommand())
        {
            rebuild.Transaction = transaction;
            rebuild.CommandText = Clea.Data.Dashboard.ActivityDay.RebuildSql
                + Clea.Data.Dashboard.CertificateLedger.RebuildSql(sqlite ? Clea.Data.Persistence.DatabaseProvider.Sqlite : Clea.Data.Persistence.DatabaseProvider.Postgres);
            rebuild.CommandTimeout = 0;
            await rebuild.ExecuteNonQueryAsync();
        }
        await transaction.CommitAsync();
        // Fresh statistics for the query planners, as a database in service has.
        await db.Database.ExecuteSqlRawAsync("ANALYZE");
        return evaluations.Count;
    }

    private static async Task InsertAsync(DbConnection connection, DbTransaction transaction, string table, string[] columns, List<object?[]> rows)
    {
        foreach (var chunk in rows.Chunk(RowsPerStatement))
        {
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            var values = new List<string>();
            var p = 0;
            foreach (var row in chunk)
            {
                var names = new List<string>();
                foreach (var value in row)
                {
                    var parameter = command.CreateParameter();
                    parameter.ParameterName = $"@p{p}";
                    parameter.Value = value ?? DBNull.Value;
                    command.Parameters.Add(parameter);
                    names.Add($"@p{p++}");
                }
                values.Add($"({string.Join(", ", names)})");
            }
            command.CommandText = $"INSERT INTO \"{table}\" ({string.Join(", ", columns.Select(c => $"\"{c}\""))}) VALUES {string.Join(", ", values)}";
            await command.ExecuteNonQueryAsync();
        }
    }

    private sealed class NextIds(int candidate, int evaluation, int decision)
    {
        public int Candidate = candidate;
        public int Evaluation = evaluation;
        public int Decision = decision;
    }
}

using System.Text.Json;
using Clea.Auth.Demo;
using Clea.Data.Persistence;
using Clea.Data.Seeding;
using Clea.Graph.Tests.Support;
using Clea.Testing;
using Microsoft.EntityFrameworkCore;
using static Clea.Graph.Tests.Evaluations.EvaluationWorld;

namespace Clea.Graph.Tests.Evaluations;

/// <summary>Bulk recording: per-item results, idempotent retries, reused keys refused, bounded SQL.</summary>
public sealed class BulkRecordingTests
{
    private const string Bulk = "mutation($items: [BulkCandidateInput!]!) { recordCandidates(items: $items) { clientKey replayed errorCode errorMessage candidate { id lastName evaluations { outcome } } } }";

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task A_batch_reports_each_item_and_a_retry_never_records_twice(DatabaseProvider provider)
    {
        await using var api = await CleaApi.StartAsync(provider);
        var token = await api.TokenForAsync(DemoAccounts.Organism);
        var evaluator = await DeclareAsync(api, token, "Evaluatrice", evaluator: true, trainer: false);
        var siret = await HeadOfficeAsync(api, DemoFixtures.ActiveQualiopi);
        object[] items =
        [
            new { clientKey = "crm-1", candidate = Candidate(siret, lastName: "Alpha") },
            new { clientKey = "crm-2", candidate = Candidate(siret, "CLEA_SOCLE", lastName: "Beta") },
            new { clientKey = "crm-3", candidate = Candidate(siret, lastName: "Gamma"), priorEvaluation = Evaluation(evaluator, AllBut(Numerique, "4.3")) },
            new { clientKey = "crm-4", candidate = Candidate(siret, lastName: "Delta"), priorEvaluation = Evaluation(evaluator, [("1.1", true)]) },
        ];

        var first = Field(await api.PostAsAsync(token, Bulk, new { items }), "recordCandidates").EnumerateArray().ToList();
        Assert.Equal([null, "ORGANISM_NOT_HABILITATED", null, "RESULTS_INCOMPLETE"], first.Select(r => r.GetProperty("errorCode").GetString()));
        Assert.Equal(JsonValueKind.Null, first[1].GetProperty("candidate").ValueKind);
        Assert.Equal("TRAINING_RECOMMENDED", first[2].GetProperty("candidate").GetProperty("evaluations")[0].GetProperty("outcome").GetString());
        // All or nothing per item: Delta's registration was not kept without its refused evaluation.
        Assert.Equal(["Alpha", "Gamma"], await WithDbAsync(api, db => db.Candidates.OrderBy(c => c.Id).Select(c => c.LastName).ToListAsync()));

        // The same batch again (a retry after a lost response): same answers, nothing new.
        var retry = Field(await api.PostAsAsync(token, Bulk, new { items }), "recordCandidates").EnumerateArray().ToList();
        Assert.Equal([true, false, true, false], retry.Select(r => r.GetProperty("replayed").GetBoolean()));
        Assert.Equal(first[0].GetProperty("candidate").GetProperty("id").GetString(), retry[0].GetProperty("candidate").GetProperty("id").GetString());
        Assert.Equal(first[2].GetProperty("candidate").GetProperty("id").GetString(), retry[2].GetProperty("candidate").GetProperty("id").GetString());
        Assert.Equal(2, await WithDbAsync(api, db => db.Candidates.CountAsync()));

        // A key reused for other content is refused; a key repeated within one call with the same content is answered once.
        object[] again =
        [
            new { clientKey = "crm-1", candidate = Candidate(siret, lastName: "Autre") },
            new { clientKey = "crm-5", candidate = Candidate(siret, lastName: "Epsilon") },
            new { clientKey = "crm-5", candidate = Candidate(siret, lastName: "Epsilon") },
            new { clientKey = "crm-6", candidate = Candidate(siret, lastName: "Zeta") },
            new { clientKey = "crm-6", candidate = Candidate(siret, lastName: "Eta") },
        ];
        var mixed = Field(await api.PostAsAsync(token, Bulk, new { items = again }), "recordCandidates").EnumerateArray().ToList();
        Assert.Equal(["CLIENT_KEY_REUSED", null, null, null, "CLIENT_KEY_REUSED"], mixed.Select(r => r.GetProperty("errorCode").GetString()));
        Assert.Equal([false, false, true, false, false], mixed.Select(r => r.GetProperty("replayed").GetBoolean()));
        Assert.Equal(["Alpha", "Gamma", "Epsilon", "Zeta"], await WithDbAsync(api, db => db.Candidates.OrderBy(c => c.Id).Select(c => c.LastName).ToListAsync()));

        var tooMany = await api.PostAsAsync(token, Bulk, new { items = Enumerable.Range(0, 501).Select(i => new { clientKey = $"k{i}", candidate = Candidate(siret) }).ToArray() });
        Assert.Equal(["TOO_MANY_ITEMS"], tooMany.ErrorCodes);
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task A_batch_of_100_costs_no_more_reads_than_a_batch_of_10(DatabaseProvider provider)
    {
        await using var api = await CleaApi.StartAsync(provider);
        var token = await api.TokenForAsync(DemoAccounts.Organism);
        var evaluator = await DeclareAsync(api, token, "Evaluatrice", evaluator: true, trainer: false);
        var siret = await HeadOfficeAsync(api, DemoFixtures.ActiveQualiopi);
        object[] Batch(string prefix, int count) => [.. Enumerable.Range(0, count).Select(i => new
        {
            clientKey = $"{prefix}-{i}",
            candidate = Candidate(siret, lastName: $"Nom{i}"),
            priorEvaluation = Evaluation(evaluator, AllBut(Numerique, "2.1")),
        })];
        await api.PostAsAsync(token, Bulk, new { items = Batch("warm", 1) }); // reference data snapshot

        int Reads() => api.Sql.Commands.Count(c => c.TrimStart().StartsWith("SELECT", StringComparison.OrdinalIgnoreCase));
        api.Sql.Reset();
        Field(await api.PostAsAsync(token, Bulk, new { items = Batch("small", 10) }), "recordCandidates");
        var (smallReads, smallTotal) = (Reads(), api.Sql.Count);
        api.Sql.Reset();
        Field(await api.PostAsAsync(token, Bulk, new { items = Batch("large", 100) }), "recordCandidates");
        var (largeReads, largeTotal) = (Reads(), api.Sql.Count);
        api.Sql.Reset();
        var replay = Field(await api.PostAsAsync(token, Bulk, new { items = Batch("large", 100) }), "recordCandidates");
        var replayTotal = api.Sql.Count;

        Assert.All(replay.EnumerateArray(), r => Assert.True(r.GetProperty("replayed").GetBoolean()));
        Assert.Equal(smallReads, largeReads);
        Assert.True(replayTotal <= 16, $"a replay of 100 items took {replayTotal} statements:\n{string.Join("\n---\n", api.Sql.Commands)}");
        // PostgreSQL batches the inserts: far fewer statements than rows (100 candidates, 100 evaluations, 1,000 results,
        // 100 receipts). EF Core's SQLite provider sends one in-process command per inserted row (no batching there), all in
        // one transaction: only the reads are constant on SQLite.
        if (provider == DatabaseProvider.Postgres)
            Assert.True(largeTotal <= smallTotal + 60, $"10 items: {smallTotal} statements, 100 items: {largeTotal}");
        else
            Assert.True(largeTotal - largeReads <= 10 * (smallTotal - smallReads), $"writes: 10 items {smallTotal - smallReads}, 100 items {largeTotal - largeReads}");
    }
}

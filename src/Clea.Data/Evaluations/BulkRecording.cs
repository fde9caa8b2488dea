using Clea.Data.Access;
using Clea.Data.Common;
using Clea.Data.Fees;
using Clea.Data.Habilitations;
using Clea.Data.Intervenants;
using Clea.Data.Registry;
using Microsoft.EntityFrameworkCore;

namespace Clea.Data.Evaluations;

/// <summary>
/// One item of a bulk recording: the client's key, the hash of its content (a faithful retry hashes alike), the
/// registration, and its prior evaluation built as of today (building it may refuse the item, e.g. a malformed evaluator id).
/// </summary>
public sealed record BulkItem(string ClientKey, string ContentHash, RegisterCandidateInput Candidate, Func<DateOnly, EvaluationInput>? PriorEvaluation);

/// <summary>One item's answer: the candidate, or the rule that refused the item (and then nothing of it was recorded).</summary>
public sealed record BulkItemResult(string ClientKey, Candidate? Candidate, bool Replayed, string? ErrorCode, string? ErrorMessage);

/// <summary>
/// Bulk recording for organisms' own tools: up to <see cref="MaxItems"/> candidates (each with its optional prior
/// evaluation), idempotent by the client's key. Each item is all-or-nothing; the batch is loaded and saved with a
/// constant number of queries whatever its size.
/// </summary>
public sealed class BulkRecording(CleaDbContext db, CandidateFiles files, TimeProvider time)
{
    public const int MaxItems = 500;

    /// <summary>Records the items in order for the caller's organism; answers the organism and one result per item.</summary>
    public async Task<(Organism Organism, List<BulkItemResult> Results)> RecordAsync(IReadOnlyList<BulkItem> items, ICurrentCaller caller, CancellationToken ct)
    {
        if (items.Count > MaxItems)
            throw new DomainRuleException(InputErrors.TooManyItems, $"At most {MaxItems} items per call; {items.Count} were sent.");
        var organism = await CallerOrganism.LoadTrackedAsync(db, caller, ct);
        var today = time.Today();
        var keys = items.Select(i => i.ClientKey).Distinct().ToList();
        var receipts = await db.BulkReceipts.AsNoTracking().Where(r => r.OrganismId == organism.Id && keys.Contains(r.ClientKey))
            .ToDictionaryAsync(r => r.ClientKey, ct);
        var recordedIds = receipts.Values.Select(r => r.CandidateId).Distinct().ToList();
        var recorded = recordedIds.Count == 0 ? [] : await files.WithPath(tracked: false).Where(c => recordedIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, ct);
        var session = new Session(organism, await files.HabilitationsAsync(organism.Id, ct), await files.IntervenantsAsync(organism.Id, ct),
            await files.FeesAsync(ct), files, today);

        var results = new List<BulkItemResult>(items.Count);
        var inThisCall = new Dictionary<string, (string Hash, BulkItemResult Result)>();
        foreach (var item in items)
        {
            var hash = item.ContentHash;
            if (receipts.TryGetValue(item.ClientKey, out var receipt))
            {
                results.Add(receipt.ContentHash == hash
                    ? new BulkItemResult(item.ClientKey, recorded[receipt.CandidateId], true, null, null)
                    : Reused(item.ClientKey));
                continue;
            }
            if (inThisCall.TryGetValue(item.ClientKey, out var earlier))
            {
                results.Add(earlier.Hash == hash ? earlier.Result with { Replayed = true } : Reused(item.ClientKey));
                continue;
            }
            BulkItemResult result;
            try
            {
                var (candidate, fee) = await session.RecordAsync(item);
                db.Candidates.Add(candidate);
                if (fee is not null) db.FeeLines.Add(fee);
                db.BulkReceipts.Add(new BulkReceipt(organism.Id, item.ClientKey, hash,
                    item.PriorEvaluation is null ? BulkItemKind.Registration : BulkItemKind.PriorEvaluation, candidate, candidate.PriorEvaluation));
                result = new BulkItemResult(item.ClientKey, candidate, false, null, null);
            }
            catch (DomainRuleException rule)
            {
                result = new BulkItemResult(item.ClientKey, null, false, rule.Code, rule.Message);
            }
            inThisCall[item.ClientKey] = (hash, result);
            results.Add(result);
        }
        await db.SaveChangesAsync(ct);
        return (organism, results);
    }

    private static BulkItemResult Reused(string key) => new(key, null, false, EvaluationErrors.ClientKeyReused,
        $"Client key '{key}' was already used by your organism for different content: use a new key for a new item.");

    /// <summary>What every item of one call shares: loaded once.</summary>
    private sealed class Session(Organism organism, List<Habilitation> habilitations, List<Intervenant> intervenants,
        FeeSchedule fees, CandidateFiles files, DateOnly today)
    {
        public async Task<(Candidate, FeeLine?)> RecordAsync(BulkItem item)
        {
            if (string.IsNullOrWhiteSpace(item.ClientKey) || item.ClientKey.Length > BulkReceipt.ClientKeyMaxLength)
                throw new DomainRuleException(EvaluationErrors.InvalidCandidate, $"A client key has 1 to {BulkReceipt.ClientKeyMaxLength} characters.");
            var candidate = CandidatePath.Register(organism, item.Candidate, habilitations, today);
            if (item.PriorEvaluation is null) return (candidate, null);
            var (_, fee) = candidate.RecordPriorEvaluation(item.PriorEvaluation(today), await files.ReferentialAsync(candidate.Certification),
                habilitations, intervenants, organism, fees);
            return (candidate, fee);
        }
    }
}

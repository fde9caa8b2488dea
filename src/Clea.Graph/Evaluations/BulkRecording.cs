using System.Security.Cryptography;
using System.Text.Json;
using Clea.Auth.Policies;
using Clea.Data;
using Clea.Data.Common;
using Clea.Data.Evaluations;
using Clea.Data.Fees;
using Clea.Data.Habilitations;
using Clea.Data.Intervenants;
using Clea.Data.Registry;
using Clea.Graph.Common;
using Clea.Graph.Privacy;
using Clea.Graph.Registry;
using Clea.Graph.Schema;
using GraphQL;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;

namespace Clea.Graph.Evaluations;

public sealed class BulkCandidateInput
{
    public string ClientKey { get; set; } = "";
    public RegisterCandidateInput Candidate { get; set; } = new();
    public EvaluationGraphInput? PriorEvaluation { get; set; }
}

public sealed class BulkCandidateInputType : InputObjectGraphType<BulkCandidateInput>
{
    public BulkCandidateInputType()
    {
        Name = "BulkCandidateInput";
        Field(i => i.ClientKey).Description("Your own key for this item, unique within your organism: a retry with the same key never records twice.");
        Field(i => i.Candidate, type: typeof(NonNullGraphType<RegisterCandidateInputType>));
        Field(i => i.PriorEvaluation, type: typeof(EvaluationInputType)).Description("The candidate's prior evaluation, recorded with the registration.");
    }
}

/// <summary>One item's answer: the candidate, or the rule that refused the item (and then nothing of it was recorded).</summary>
public sealed record BulkItemResult(string ClientKey, Candidate? Candidate, bool Replayed, string? ErrorCode, string? ErrorMessage);

public sealed class BulkItemResultType : ObjectGraphType<BulkItemResult>
{
    public BulkItemResultType()
    {
        Name = "BulkCandidateResult";
        this.AuthorizeWithPolicy(CleaPolicies.OrganismStaff);
        Field(r => r.ClientKey);
        Field<CandidateType>("candidate").Description("Null when the item was refused.").Resolve(ctx => ctx.Source.Candidate);
        Field(r => r.Replayed).Description("True when this key was already recorded with the same content: nothing new was recorded.");
        Field(r => r.ErrorCode, nullable: true).Description("The rule that refused the item (e.g. ORGANISM_NOT_HABILITATED, CLIENT_KEY_REUSED).");
        Field(r => r.ErrorMessage, nullable: true);
    }
}

/// <summary>
/// Bulk recording for organisms' own tools: up to <see cref="MaxItems"/> candidates (each with its optional prior
/// evaluation), idempotent by the client's key. Each item is all-or-nothing; the batch is loaded and saved with a
/// constant number of queries whatever its size.
/// </summary>
public sealed class BulkRecordingMutations : IMutationFields
{
    public const int MaxItems = 500;

    private static readonly JsonSerializerOptions CanonicalJson = new() { WriteIndented = false };

    public void AddTo(ObjectGraphType mutation)
        => mutation.Field<NonNullGraphType<ListGraphType<NonNullGraphType<BulkItemResultType>>>>("recordCandidates")
            .Description($"Records up to {MaxItems} candidates (with their prior evaluations) in one call, idempotently by your client keys. Answers in order, one result per item.")
            .AuthorizeWithPolicy(CleaPolicies.OrganismStaff)
            .Argument<NonNullGraphType<ListGraphType<NonNullGraphType<BulkCandidateInputType>>>>("items")
            .ResolveAsync(async ctx =>
            {
                var items = ctx.GetArgument<List<BulkCandidateInput>>("items");
                if (items.Count > MaxItems)
                    throw GraphErrors.Argument(GraphErrors.TooManyItems, $"At most {MaxItems} items per call; {items.Count} were sent.");
                var organism = await OwnOrganism.LoadTrackedAsync(ctx);
                var results = await RecordAsync(ctx, organism, items);
                var readable = results.Count(r => r.Candidate is not null);
                if (readable > 0) ctx.RequestServices!.GetRequiredService<PersonalDataAccessLog>().Record(ctx.User, organism.Id, "Mutation.recordCandidates", readable);
                return results;
            });

    private static async Task<List<BulkItemResult>> RecordAsync(IResolveFieldContext ctx, Organism organism, List<BulkCandidateInput> items)
    {
        var db = ctx.RequestServices!.GetRequiredService<CleaDbContext>();
        var files = ctx.RequestServices!.GetRequiredService<CandidateFiles>();
        var ct = ctx.CancellationToken;
        var today = ctx.Today();
        var keys = items.Select(i => i.ClientKey).Distinct().ToList();
        var receipts = await db.BulkReceipts.AsNoTracking().Where(r => r.OrganismId == organism.Id && keys.Contains(r.ClientKey))
            .ToDictionaryAsync(r => r.ClientKey, ct);
        var recordedIds = receipts.Values.Select(r => r.CandidateId).Distinct().ToList();
        var recorded = recordedIds.Count == 0 ? [] : await files.WithPath(tracked: false).Where(c => recordedIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, ct);
        var session = new BulkSession(organism, await files.HabilitationsAsync(organism.Id, ct), await files.IntervenantsAsync(organism.Id, ct),
            await files.FeesAsync(ct), files, today);

        var results = new List<BulkItemResult>(items.Count);
        var inThisCall = new Dictionary<string, (string Hash, BulkItemResult Result)>();
        foreach (var item in items)
        {
            var hash = ContentHash(item);
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
            catch (ExecutionError error)
            {
                result = new BulkItemResult(item.ClientKey, null, false, error.Code, error.Message);
            }
            inThisCall[item.ClientKey] = (hash, result);
            results.Add(result);
        }
        await db.SaveChangesAsync(ct);
        return results;
    }

    private static BulkItemResult Reused(string key) => new(key, null, false, EvaluationErrors.ClientKeyReused,
        $"Client key '{key}' was already used by your organism for different content: use a new key for a new item.");

    /// <summary>SHA-256 of the item's canonical JSON (the input's fixed property order), so a faithful retry hashes alike.</summary>
    internal static string ContentHash(BulkCandidateInput item)
        => Convert.ToHexStringLower(SHA256.HashData(JsonSerializer.SerializeToUtf8Bytes(item, CanonicalJson)));

    /// <summary>What every item of one call shares: loaded once.</summary>
    private sealed class BulkSession(Organism organism, List<Habilitation> habilitations, List<Intervenant> intervenants,
        FeeSchedule fees, CandidateFiles files, DateOnly today)
    {
        public async Task<(Candidate, FeeLine?)> RecordAsync(BulkCandidateInput item)
        {
            if (string.IsNullOrWhiteSpace(item.ClientKey) || item.ClientKey.Length > BulkReceipt.ClientKeyMaxLength)
                throw new DomainRuleException(EvaluationErrors.InvalidCandidate, $"A client key has 1 to {BulkReceipt.ClientKeyMaxLength} characters.");
            var candidate = EvaluationMutations.Register(organism, item.Candidate, habilitations, today);
            if (item.PriorEvaluation is null) return (candidate, null);
            var (_, fee) = candidate.RecordPriorEvaluation(item.PriorEvaluation.ToInput(today), await files.ReferentialAsync(candidate.Certification),
                habilitations, intervenants, organism, fees);
            return (candidate, fee);
        }
    }
}

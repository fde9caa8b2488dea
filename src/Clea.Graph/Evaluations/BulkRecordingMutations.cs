using System.Security.Cryptography;
using System.Text.Json;
using Clea.Auth.Policies;
using Clea.Data.Evaluations;
using Clea.Graph.Common;
using Clea.Graph.Privacy;
using Clea.Graph.Schema;
using GraphQL;
using GraphQL.Types;

namespace Clea.Graph.Evaluations;

/// <summary>
/// <c>recordCandidates</c>: up to <see cref="BulkRecording.MaxItems"/> candidates in one call, idempotent by the client's
/// keys (<see cref="BulkRecording"/>). Each item carries the hash of its canonical JSON, so a faithful retry hashes alike.
/// </summary>
public sealed class BulkRecordingMutations : IMutationFields
{
    private static readonly JsonSerializerOptions CanonicalJson = new() { WriteIndented = false };

    public void AddTo(ObjectGraphType mutation)
        => mutation.Field<NonNullGraphType<ListGraphType<NonNullGraphType<BulkItemResultType>>>>("recordCandidates")
            .Description($"Records up to {BulkRecording.MaxItems} candidates (with their prior evaluations) in one call, idempotently by your client keys. Answers in order, one result per item.")
            .AuthorizeWithPolicy(CleaPolicies.OrganismStaff)
            .Argument<NonNullGraphType<ListGraphType<NonNullGraphType<BulkCandidateInputType>>>>("items")
            .ResolveAsync(async ctx =>
            {
                var items = ctx.GetArgument<List<BulkCandidateInput>>("items").Select(i => new BulkItem(i.ClientKey, ContentHash(i), i.Candidate,
                    i.PriorEvaluation is { } prior ? prior.ToInput : null)).ToList();
                var (organism, results) = await ctx.Service<BulkRecording>().RecordAsync(items, ctx.Caller(), ctx.CancellationToken);
                var readable = results.Count(r => r.Candidate is not null);
                if (readable > 0) ctx.Service<PersonalDataAccessLog>().Record(organism.Id, "Mutation.recordCandidates", readable);
                return results;
            });

    /// <summary>SHA-256 of the item's canonical JSON (the input's fixed property order), so a faithful retry hashes alike.</summary>
    internal static string ContentHash(BulkCandidateInput item)
        => Convert.ToHexStringLower(SHA256.HashData(JsonSerializer.SerializeToUtf8Bytes(item, CanonicalJson)));
}

namespace Clea.Data.Evaluations;

/// <summary>What a bulk item recorded.</summary>
public enum BulkItemKind
{
    Registration,
    PriorEvaluation,
    FinalEvaluation,
}

/// <summary>
/// The memory of one bulk item, by the organism's own key (unique per organism): a retry with the same key and the
/// same content gets the same answer without recording anything again; the same key with other content is refused.
/// </summary>
public sealed class BulkReceipt
{
    public const int ClientKeyMaxLength = 100;
    public const int ContentHashLength = 64;

    public long Id { get; private set; }
    public int OrganismId { get; private set; }
    public string ClientKey { get; private set; } = null!;
    /// <summary>SHA-256 (hex) of the item's canonical content.</summary>
    public string ContentHash { get; private set; } = null!;
    public BulkItemKind Kind { get; private set; }
    public int CandidateId { get; private set; }
    public int? EvaluationId { get; private set; }
    public Candidate? Candidate { get; private set; }
    public Evaluation? Evaluation { get; private set; }

    private BulkReceipt() { }

    public BulkReceipt(int organismId, string clientKey, string contentHash, BulkItemKind kind, Candidate candidate, Evaluation? evaluation)
    {
        OrganismId = organismId;
        ClientKey = clientKey;
        ContentHash = contentHash;
        Kind = kind;
        if (candidate.Id != 0) CandidateId = candidate.Id; else Candidate = candidate;
        if (evaluation is null) return;
        if (evaluation.Id != 0) EvaluationId = evaluation.Id; else Evaluation = evaluation;
    }
}

using Clea.Auth.Policies;
using Clea.Data.Evaluations;
using GraphQL;
using GraphQL.Types;

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

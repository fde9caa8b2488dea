using Clea.Auth.Policies;
using Clea.Data.Evaluations;
using Clea.Data.Referentials;
using Clea.Data.Registry;
using Clea.Graph.Common;
using Clea.Graph.Referentials;
using Clea.Graph.Schema;
using GraphQL;
using GraphQL.Types;

namespace Clea.Graph.Evaluations;

public sealed class CandidateDataErasureType : ObjectGraphType<CandidateDataErasure>
{
    public CandidateDataErasureType()
    {
        Name = "CandidateDataErasure";
        this.AuthorizeWithPolicy(CleaPolicies.InstanceStaff);
        Description = "An erasure of candidates' personal data ordered by an Instance (certificates stay verifiable).";
        Field<NonNullGraphType<CertificationCodeEnum>>("certification").Resolve(ctx => ctx.Source.Certification);
        Field<NonNullGraphType<IsoDateGraphType>>("orderedOn").Resolve(ctx => ctx.Source.OrderedOn);
        Field(e => e.CandidatesErased).Description("How many candidates' personal data was erased.");
        Field(e => e.Reason, nullable: true);
    }
}

/// <summary>Instance staff order the erasure of an organism's candidates' personal data once its habilitation has ended.</summary>
public sealed class CandidateDataErasureMutations : IMutationFields
{
    public void AddTo(ObjectGraphType mutation)
        => mutation.Field<NonNullGraphType<CandidateDataErasureType>>("eraseCandidateData")
            .Description("Erases the personal data of an organism's candidates for a certification whose habilitation has ended (GDPR); refused while one is in force. Certificates stay verifiable.")
            .AuthorizeWithPolicy(CleaPolicies.InstanceStaff)
            .Argument<NonNullGraphType<StringGraphType>>("siren")
            .Argument<NonNullGraphType<CertificationCodeEnum>>("certification")
            .Argument<StringGraphType>("reason")
            .ResolveAsync(async ctx => await ctx.Service<CandidateDataErasures>().OrderAsync(Siren.Parse(ctx.GetArgument<string>("siren")),
                ctx.GetArgument<CertificationCode>("certification"), ctx.GetArgument<string?>("reason"), ctx.Caller(), ctx.CancellationToken));
}

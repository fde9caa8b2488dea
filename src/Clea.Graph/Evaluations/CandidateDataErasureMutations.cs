using Clea.Auth.Policies;
using Clea.Data;
using Clea.Data.Evaluations;
using Clea.Data.Referentials;
using Clea.Data.Registry;
using Clea.Graph.Authorization;
using Clea.Graph.Common;
using Clea.Graph.Referentials;
using Clea.Graph.Schema;
using GraphQL;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;

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
            .ResolveAsync(async ctx =>
            {
                var siren = Siren.Parse(ctx.GetArgument<string>("siren"));
                var certification = ctx.GetArgument<CertificationCode>("certification");
                var db = ctx.RequestServices!.GetRequiredService<CleaDbContext>();
                var organism = await db.Organisms.SingleOrDefaultAsync(o => o.Siren == siren, ctx.CancellationToken);
                var habilitations = organism is null ? [] : await db.Habilitations.AsNoTracking().Include(h => h.Suspensions)
                    .Where(h => h.OrganismId == organism.Id).ToListAsync(ctx.CancellationToken);
                var reference = await ctx.RequestServices!.GetRequiredService<ReferenceData>().GetAsync();
                if (organism is null || !OrganismAccess.Decide(ctx.User, organism, habilitations, reference))
                    throw OrganismAccess.Denied($"organism {siren}");
                var candidates = await db.Candidates.Include(c => c.Certificate)
                    .Where(c => c.OrganismId == organism.Id && c.Certification == certification && c.PersonalDataErasedOn == null)
                    .ToListAsync(ctx.CancellationToken);
                var erasure = CandidateDataErasure.Order(organism, certification, ctx.Today(), habilitations, candidates, ctx.GetArgument<string?>("reason"));
                db.CandidateDataErasures.Add(erasure);
                await db.SaveChangesAsync(ctx.CancellationToken);
                return erasure;
            });
}

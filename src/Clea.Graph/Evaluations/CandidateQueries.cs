using Clea.Auth.Policies;
using Clea.Data.Common;
using Clea.Data.Evaluations;
using Clea.Data.Referentials;
using Clea.Data.Registry;
using Clea.Graph.Authorization;
using Clea.Graph.Common;
using Clea.Graph.Privacy;
using Clea.Graph.Referentials;
using Clea.Graph.Schema;
using GraphQL;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;

namespace Clea.Graph.Evaluations;

public sealed class CandidateConnectionType() : ConnectionGraphType<CandidateType, CandidateEdgeType, Candidate>("Candidate");

public sealed class CandidateEdgeType() : EdgeGraphType<CandidateType, Candidate>("Candidate");

/// <summary>
/// An organism's candidates, for its own staff and the auditors of its open audits only; every read is logged in the
/// personal-data access log.
/// </summary>
public sealed class CandidateQueries : IQueryFields
{
    public void AddTo(ObjectGraphType query)
    {
        query.Field<NonNullGraphType<CandidateConnectionType>>("candidates")
            .Description("An organism's candidates, oldest registration first (personal data: the organism's staff and its auditors; reads are logged).")
            .AuthorizeWithPolicy(CleaPolicies.CandidateData)
            .Argument<NonNullGraphType<StringGraphType>>("siren")
            .Argument<CertificationCodeEnum>("certification")
            .Paging()
            .ResolveAsync(async ctx =>
            {
                var page = PageRequest.From(ctx);
                var organism = await VisibleOrganismAsync(ctx, ctx.GetArgument<string>("siren"));
                var rows = ctx.Service<CandidateFiles>().WithPath(tracked: false).Where(c => c.OrganismId == organism.Id);
                if (ctx.GetArgument<CertificationCode?>("certification") is { } certification) rows = rows.Where(c => c.Certification == certification);
                SortKey<Candidate>[] keys = [new SortKey<Candidate, int>(c => c.Id)];
                var result = await KeysetPaging.PageAsync(rows, keys, "registration", page, ctx.CancellationToken);
                ctx.Service<PersonalDataAccessLog>().Record(organism.Id, "Query.candidates", result.Edges.Count);
                return new ConnectionPage<Candidate>(result, ct => rows.CountAsync(ct));
            });

        query.Field<CandidateType>("candidate")
            .Description("One candidate with the whole path and the results matrix (the organism's staff and its auditors; the read is logged).")
            .AuthorizeWithPolicy(CleaPolicies.CandidateData)
            .Argument<NonNullGraphType<IdGraphType>>("id")
            .ResolveAsync(async ctx =>
            {
                var id = NodeIds.Parse(NodeIds.Candidate, ctx.GetArgument<string>("id"));
                var siren = await ctx.Service<CandidateFiles>().OrganismSirenAsync(id, ctx.CancellationToken);
                // A candidate the caller may not see is indistinguishable from a missing one.
                if (siren is null || !(await ctx.ScopeAsync()).SeesCandidatesOf(siren.Value))
                    throw new DomainRuleException(EvaluationErrors.CandidateNotFound, "No candidate with this id is visible to you.");
                var candidate = await ctx.Service<CandidateFiles>().WithPath(tracked: false)
                    .SingleAsync(c => c.Id == id, ctx.CancellationToken);
                ctx.Service<PersonalDataAccessLog>().Record(candidate.OrganismId, "Query.candidate", 1);
                return candidate;
            });
    }

    private static async Task<Organism> VisibleOrganismAsync(IResolveFieldContext ctx, string sirenText)
    {
        var siren = Siren.Parse(sirenText);
        if (!(await ctx.ScopeAsync()).SeesCandidatesOf(siren)) throw OrganismAccess.Denied($"the candidates of organism {siren}");
        return await ctx.Service<CandidateFiles>().OrganismAsync(siren, ctx.CancellationToken)
               ?? throw OrganismAccess.Denied($"the candidates of organism {siren}");
    }
}

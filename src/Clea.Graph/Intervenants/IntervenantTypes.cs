using GraphQL;
using Clea.Auth.Policies;
using Clea.Data;
using Clea.Data.Intervenants;
using Clea.Graph.Common;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;

namespace Clea.Graph.Intervenants;

public sealed class IntervenantType : ObjectGraphType<Intervenant>
{
    public IntervenantType()
    {
        Name = "Intervenant";
        this.AuthorizeWithPolicy(CleaPolicies.OrganismData);
        Description = "An evaluator and/or trainer of an organism (personal data).";
        this.ImplementNode("Intervenant", i => i.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Field(i => i.FirstName);
        Field(i => i.LastName);
        Field(i => i.Evaluator);
        Field(i => i.Trainer);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("qualifications").Resolve(ctx => ctx.Source.Qualifications);
        Field(i => i.RemoteEvaluation).Description("Able to run remote evaluations.");
        Field<NonNullGraphType<IsoDateGraphType>>("declaredOn").Resolve(ctx => ctx.Source.DeclaredOn);
        Field<IsoDateGraphType>("withdrawnOn").Resolve(ctx => ctx.Source.WithdrawnOn);
    }
}

/// <summary>The intervenants of organisms, batched.</summary>
public sealed class IntervenantsByOrganismLoader(CleaDbContext db) : BatchListLoader<int, Intervenant>
{
    protected override async Task<IReadOnlyDictionary<int, IReadOnlyList<Intervenant>>> FetchAsync(IReadOnlyList<int> keys, CancellationToken ct)
        => Group(await db.Intervenants.AsNoTracking().Where(i => keys.Contains(i.OrganismId))
            .OrderBy(i => i.LastName).ThenBy(i => i.FirstName).ThenBy(i => i.Id).ToListAsync(ct), i => i.OrganismId);
}

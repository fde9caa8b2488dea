using Clea.Auth.Policies;
using Clea.Data.Registry;
using Clea.Graph.Common;
using Clea.Graph.Schema;
using GraphQL;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;

namespace Clea.Graph.Registry;

/// <summary>Certif Pro's list of registrations (<see cref="OrganismRegistrations"/>).</summary>
public sealed class RegistrationOversightQueries : IQueryFields
{
    public void AddTo(ObjectGraphType query)
        => query.Field<NonNullGraphType<OrganismRegistrationConnectionType>>("organismRegistrations")
            .Description("Organisms registered on the platform (declared or imported), newest first, public or not. Certif Pro staff and administrators (AUTH_NOT_AUTHORIZED for a CPNE).")
            .AuthorizeWithPolicy(CleaPolicies.Oversight)
            .ForwardPaging()
            .Argument<OrganismRegistrationFilterInput>("where")
            .ResolveAsync(async ctx =>
            {
                var page = PageRequest.From(ctx);
                var filter = ctx.GetArgument<OrganismRegistrationFilter?>("where") ?? new OrganismRegistrationFilter();
                var rows = await ctx.Service<OrganismRegistrations>().ListAsync(new RegistrationFilter(filter.Status, filter.RegisteredSince, filter.Search),
                    ctx.Caller(), ctx.CancellationToken);
                SortKey<Organism>[] keys = [new SortKey<Organism, int>(o => o.Id) { Descending = true }];
                var result = await KeysetPaging.PageAsync(rows, keys, "newest", page, ctx.CancellationToken);
                return new ConnectionPage<Organism>(result, ct => rows.CountAsync(ct));
            });
}

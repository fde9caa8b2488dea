using Clea.Auth.Policies;
using Clea.Data.Registry;
using Clea.Data.Situations;
using Clea.Graph.Common;
using Clea.Graph.Schema;
using GraphQL;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;

namespace Clea.Graph.Situations;

/// <summary>Instance staff list the declared changes of situation, late ones first to chase (<see cref="SituationChangeList"/>).</summary>
public sealed class SituationChangeQueries : IQueryFields
{
    public void AddTo(ObjectGraphType query)
        => query.Field<NonNullGraphType<SituationChangeConnectionType>>("situationChanges")
            .Description("Declared changes of situation, newest first. Instance staff (a CPNE: organisms of its field) and administrators.")
            .AuthorizeWithPolicy(CleaPolicies.Oversight)
            .ForwardPaging()
            .Argument<BooleanGraphType>("late", "Only late (true) or only timely (false) declarations.")
            .Argument<StringGraphType>("siren", "Only this organism's.")
            .ResolveAsync(async ctx =>
            {
                var page = PageRequest.From(ctx);
                var siren = ctx.GetArgument<string?>("siren") is { } text ? Siren.Parse(text) : (Siren?)null;
                var changes = await ctx.Service<SituationChangeList>().VisibleAsync(ctx.GetArgument<bool?>("late"), siren, ctx.Caller(), ctx.CancellationToken);
                SortKey<SituationChange>[] keys = [new SortKey<SituationChange, int>(c => c.Id) { Descending = true }];
                var result = await KeysetPaging.PageAsync(changes, keys, "newest", page, ctx.CancellationToken);
                return new ConnectionPage<SituationChange>(result, ct => changes.CountAsync(ct));
            });
}

using Clea.Auth.Policies;
using Clea.Data.Events;
using Clea.Data.Registry;
using Clea.Graph.Common;
using Clea.Graph.Schema;
using GraphQL;
using GraphQL.Builders;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;

namespace Clea.Graph.Events;

/// <summary>
/// The event log, paged in SQL by id: <c>lifecycleEvents</c> for those who may see organisms' records (each its own
/// scope, <see cref="Clea.Data.Access.OrganismScope"/>), <c>publicDecisions</c> for everyone.
/// </summary>
public sealed class EventQueries : IQueryFields
{
    public void AddTo(ObjectGraphType query)
    {
        var events = query.Field<NonNullGraphType<LifecycleEventConnectionType>>("lifecycleEvents")
            .Description("The event log: organism staff see their organism's; Certif Pro staff and administrators all; a CPNE the organisms of its field; auditors their audited organisms.")
            .AuthorizeWithPolicy(CleaPolicies.OrganismData);
        Filters(events).Argument<ListGraphType<NonNullGraphType<LifecycleEventKindEnum>>>("kinds", "Only these kinds.");
        events.ResolveAsync(async ctx => await PageAsync(ctx, await ctx.Service<EventLog>().VisibleAsync(Filter(ctx),
            ctx.GetArgument<List<LifecycleEventKind>?>("kinds"), ctx.Caller(), ctx.CancellationToken)));

        var decisions = query.Field<NonNullGraphType<PublicDecisionConnectionType>>("publicDecisions")
            .Description("Public decisions and status changes of habilitations (accepted, refused, suspended, lifted, withdrawn, renounced, renewed), without reasons nor actors.")
            .AllowAnonymous();
        Filters(decisions);
        decisions.ResolveAsync(async ctx => await PageAsync(ctx, ctx.Service<EventLog>().PublicDecisions(Filter(ctx))));
    }

    private static FieldBuilder<object?, object> Filters(FieldBuilder<object?, object> field)
        => field.ForwardPaging()
            .Argument<StringGraphType>("siren", "Only this organism's.")
            .Argument<IsoDateGraphType>("from", "Effective on or after this date.")
            .Argument<IsoDateGraphType>("to", "Effective on or before this date.")
            .Argument<EventOrderEnum>("order", "NEWEST_FIRST (default) or OLDEST_FIRST, by recording order.");

    private static EventFilter Filter(IResolveFieldContext ctx)
        => new(ctx.GetArgument<string?>("siren") is { } text ? Siren.Parse(text) : null, ctx.GetArgument<DateOnly?>("from"), ctx.GetArgument<DateOnly?>("to"));

    private static async Task<ConnectionPage<LifecycleEvent>> PageAsync(IResolveFieldContext ctx, IQueryable<LifecycleEvent> rows)
    {
        var page = PageRequest.From(ctx);
        var newest = (ctx.GetArgument<EventOrder?>("order") ?? EventOrder.NewestFirst) == EventOrder.NewestFirst;
        SortKey<LifecycleEvent>[] keys = [new SortKey<LifecycleEvent, long>(e => e.Id) { Descending = newest }];
        var result = await KeysetPaging.PageAsync(rows, keys, newest ? "newest" : "oldest", page, ctx.CancellationToken);
        return new ConnectionPage<LifecycleEvent>(result, ct => rows.CountAsync(ct));
    }
}

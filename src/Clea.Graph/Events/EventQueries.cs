using Clea.Auth.Policies;
using Clea.Data.Events;
using Clea.Data.Registry;
using Clea.Graph.Authorization;
using Clea.Graph.Common;
using Clea.Graph.Habilitations;
using Clea.Graph.Registry;
using Clea.Graph.Schema;
using GraphQL;
using GraphQL.Builders;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;

namespace Clea.Graph.Events;

public sealed class LifecycleEventKindEnum : EnumerationGraphType<LifecycleEventKind>
{
    public LifecycleEventKindEnum() => Name = "LifecycleEventKind";
}

public sealed class EventOrderEnum : EnumerationGraphType<EventOrder>
{
    public EventOrderEnum() => Name = "EventOrder";
}

public enum EventOrder
{
    NewestFirst,
    OldestFirst,
}

/// <summary>The fields every view of an event shares.</summary>
internal static class EventFieldsOf
{
    public static void AddPublic<T>(ObjectGraphType<T> type, Func<T, LifecycleEvent> e)
    {
        type.Field<NonNullGraphType<IdGraphType>>("id").Resolve(ctx => NodeIds.Encode(NodeIds.LifecycleEvent, e(ctx.Source).Id.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        type.Field<NonNullGraphType<LifecycleEventKindEnum>>("kind").Resolve(ctx => e(ctx.Source).Kind);
        type.Field<NonNullGraphType<IsoDateGraphType>>("effectiveOn").Description("The legal date the change takes effect.").Resolve(ctx => e(ctx.Source).EffectiveOn);
        type.Field<OrganismType>("organism")
            .Resolve(ctx => e(ctx.Source).OrganismId is { } id ? ctx.RequestServices!.GetRequiredService<OrganismByIdLoader>().Load(id) : null);
        type.Field<HabilitationType>("habilitation")
            .Resolve(ctx => e(ctx.Source).HabilitationId is { } id ? ctx.RequestServices!.GetRequiredService<HabilitationByIdLoader>().Load(id) : null);
    }
}

public sealed class LifecycleEventType : ObjectGraphType<LifecycleEvent>
{
    public LifecycleEventType()
    {
        Name = "LifecycleEvent";
        Description = "An immutable entry of the event log: what changed, when it takes effect, who did it and why.";
        this.AuthorizeWithPolicy(CleaPolicies.OrganismData);
        EventFieldsOf.AddPublic(this, e => e);
        Field<NonNullGraphType<DateTimeGraphType>>("at").Description("When it was recorded (UTC).").Resolve(ctx => new DateTimeOffset(ctx.Source.At, TimeSpan.Zero));
        Field(e => e.Reference, nullable: true).Description("A business reference: invoice number, kind of change…");
        Field(e => e.Reason, nullable: true).Description("Why: the grounds of a suspension or withdrawal, the details of a declaration…");
        Field(e => e.ActorName).Description("Who did it (the system for the sweep).");
        Field(e => e.ActorRole);
    }
}

/// <summary>A public decision: an entry of the event log about an habilitation's status, without reasons nor actor.</summary>
public sealed class PublicDecisionType : ObjectGraphType<LifecycleEvent>
{
    public PublicDecisionType()
    {
        Name = "PublicDecision";
        Description = "A public decision or status change of an habilitation (decisions are public). No reasons, no actor.";
        EventFieldsOf.AddPublic(this, e => e);
    }
}

public sealed class LifecycleEventConnectionType() : ConnectionGraphType<LifecycleEventType, LifecycleEventEdgeType, LifecycleEvent>("LifecycleEvent");

public sealed class LifecycleEventEdgeType() : EdgeGraphType<LifecycleEventType, LifecycleEvent>("LifecycleEvent");

public sealed class PublicDecisionConnectionType() : ConnectionGraphType<PublicDecisionType, PublicDecisionEdgeType, LifecycleEvent>("PublicDecision");

public sealed class PublicDecisionEdgeType() : EdgeGraphType<PublicDecisionType, LifecycleEvent>("PublicDecision");

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

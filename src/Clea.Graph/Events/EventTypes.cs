using Clea.Auth.Policies;
using Clea.Data.Events;
using Clea.Graph.Common;
using Clea.Graph.Habilitations;
using Clea.Graph.Registry;
using GraphQL;
using GraphQL.Types;

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
            .Resolve(ctx => e(ctx.Source).OrganismId is { } id ? ctx.Service<OrganismByIdLoader>().Load(id) : null);
        type.Field<HabilitationType>("habilitation")
            .Resolve(ctx => e(ctx.Source).HabilitationId is { } id ? ctx.Service<HabilitationByIdLoader>().Load(id) : null);
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
        // DateTimeGraphType serializes DateTime only (a DateTimeOffset made every event fail); the column holds UTC.
        Field<NonNullGraphType<DateTimeGraphType>>("at").Description("When it was recorded (UTC).").Resolve(ctx => DateTime.SpecifyKind(ctx.Source.At, DateTimeKind.Utc));
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

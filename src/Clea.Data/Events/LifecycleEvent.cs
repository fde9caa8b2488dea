using Clea.Data.Habilitations;
using Clea.Data.Registry;

namespace Clea.Data.Events;

/// <summary>
/// One state change of the habilitation lifecycle (filed, opinion, decision, renewal, suspension, invoice…), immutable
/// once saved. Entities raise events (<see cref="EventSource"/>); the context stamps who and when as it saves them, so
/// no change can be saved without its event. Instance staff read them all, an organism its own, everyone the public ones
/// (decisions are public).
/// </summary>
public sealed class LifecycleEvent
{
    public const int ReasonMaxLength = 4000;
    public const int ReferenceMaxLength = 64;
    public const int ActorMaxLength = 200;

    public long Id { get; private set; }
    /// <summary>UTC instant the event was recorded.</summary>
    public DateTime At { get; private set; }
    /// <summary>The legal date the change takes effect (a decision's meeting, a withdrawal's date…).</summary>
    public DateOnly EffectiveOn { get; private set; }
    public LifecycleEventKind Kind { get; private set; }
    public int? OrganismId { get; private set; }
    public Organism? Organism { get; private set; }
    public int? HabilitationId { get; private set; }
    public Habilitation? Habilitation { get; private set; }
    /// <summary>The application file the event belongs to, for the events of the application flow.</summary>
    public int? ApplicationId { get; private set; }
    public Clea.Data.Applications.Application? Application { get; private set; }
    /// <summary>A business reference: a receipt number, an invoice number, a campaign code…</summary>
    public string? Reference { get; private set; }
    /// <summary>Why: the reasons of a decision, the grounds of a suspension, the comment of an opinion.</summary>
    public string? Reason { get; private set; }
    /// <summary>Public events (decisions) are readable by everyone.</summary>
    public bool IsPublic { get; private set; }
    public string ActorSubject { get; private set; } = null!;
    public string ActorName { get; private set; } = null!;
    public string ActorRole { get; private set; } = null!;

    private LifecycleEvent() { }

    public LifecycleEvent(LifecycleEventKind kind, DateOnly effectiveOn, Organism? organism, string? reason = null,
        string? reference = null, bool isPublic = false)
    {
        Kind = kind;
        EffectiveOn = effectiveOn;
        AttachTo(organism);
        Reason = Truncate(reason, ReasonMaxLength);
        Reference = Truncate(reference, ReferenceMaxLength);
        IsPublic = isPublic;
    }

    public LifecycleEvent(LifecycleEventKind kind, DateOnly effectiveOn, Habilitation habilitation, string? reason = null,
        string? reference = null, bool isPublic = false)
        : this(kind, effectiveOn, organism: null, reason, reference, isPublic)
    {
        if (habilitation.Id != 0) HabilitationId = habilitation.Id; else Habilitation = habilitation;
        if (habilitation.OrganismId != 0) OrganismId = habilitation.OrganismId; else Organism = habilitation.Organism;
    }

    /// <summary>Links the event to the application file that raised it.</summary>
    internal void LinkTo(Clea.Data.Applications.Application application)
    {
        if (application.Id != 0) ApplicationId = application.Id; else Application = application;
    }

    /// <summary>Called by the context when it saves the event: the instant and the caller are not the entity's to choose.</summary>
    internal void Stamp(DateTimeOffset at, EventActor actor)
    {
        At = at.UtcDateTime;
        ActorSubject = Truncate(actor.Subject, ActorMaxLength)!;
        ActorName = Truncate(actor.Name, ActorMaxLength)!;
        ActorRole = Truncate(actor.Role, ActorMaxLength)!;
    }

    private void AttachTo(Organism? organism)
    {
        if (organism is null) return;
        if (organism.Id != 0) OrganismId = organism.Id; else Organism = organism;
    }

    private static string? Truncate(string? text, int max) => text is null || text.Length <= max ? text : text[..max];
}

/// <summary>Who caused an event: the caller of the API (from its token), or the system for background sweeps.</summary>
public sealed record EventActor(string Subject, string Name, string Role)
{
    public static readonly EventActor System = new("system", "CleaGraph", "system");
}

using Clea.Data.Access;
using Clea.Data.Registry;
using Microsoft.EntityFrameworkCore;

namespace Clea.Data.Events;

/// <summary>The event log as callers read it: the records of the organisms in the caller's scope, or the public decisions.</summary>
public sealed class EventLog(CleaDbContext db)
{
    /// <summary>Events of the organisms the caller may see, filtered; unpaged (the caller pages by id).</summary>
    public async Task<IQueryable<LifecycleEvent>> VisibleAsync(EventFilter filter, IReadOnlyCollection<LifecycleEventKind>? kinds, ICurrentCaller caller,
        CancellationToken ct)
    {
        var rows = Filter(filter, db.LifecycleEvents.AsNoTracking());
        if ((await OrganismScope.OfAsync(caller, ct)).VisibleOrganismIds(db) is { } visible)
            rows = rows.Where(e => e.OrganismId != null && visible.Contains(e.OrganismId.Value));
        if (kinds is { Count: > 0 }) rows = rows.Where(e => kinds.Contains(e.Kind));
        return rows;
    }

    /// <summary>Public decisions and status changes, without reasons nor actors (for everyone).</summary>
    public IQueryable<LifecycleEvent> PublicDecisions(EventFilter filter) => Filter(filter, db.LifecycleEvents.AsNoTracking().Where(e => e.IsPublic));

    private IQueryable<LifecycleEvent> Filter(EventFilter filter, IQueryable<LifecycleEvent> rows)
    {
        if (filter.Siren is { } siren) rows = rows.Where(e => db.Organisms.Any(o => o.Id == e.OrganismId && o.Siren == siren));
        if (filter.From is { } from) rows = rows.Where(e => e.EffectiveOn >= from);
        if (filter.To is { } to) rows = rows.Where(e => e.EffectiveOn <= to);
        return rows;
    }
}

/// <summary>Which events: one organism's, effective between two dates (each optional).</summary>
public sealed record EventFilter(Siren? Siren, DateOnly? From, DateOnly? To);

namespace Clea.Data.Events;

/// <summary>
/// An entity whose transitions raise <see cref="LifecycleEvent"/>s. Pending events are not mapped: the context takes
/// them when it saves (see <see cref="CleaDbContext"/>), stamps them and inserts them in the same transaction.
/// </summary>
public abstract class EventSource
{
    private readonly List<LifecycleEvent> _pendingEvents = [];

    protected void Raise(LifecycleEvent lifecycleEvent) => _pendingEvents.Add(lifecycleEvent);

    internal IReadOnlyList<LifecycleEvent> TakePendingEvents()
    {
        var taken = _pendingEvents.ToArray();
        _pendingEvents.Clear();
        return taken;
    }
}

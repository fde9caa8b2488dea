namespace Clea.Data.Events;

/// <summary>Tells the data layer who is acting: implemented by the host from the request's authenticated caller.</summary>
public interface IEventActorAccessor
{
    EventActor Current { get; }
}

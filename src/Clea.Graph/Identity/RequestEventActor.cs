using Clea.Data.Access;
using Clea.Data.Events;

namespace Clea.Graph.Identity;

/// <summary>The authenticated caller of the current request, as the event log records it; anonymous callers are "public".</summary>
internal sealed class RequestEventActor(IHttpContextAccessor http, ICurrentCaller caller) : IEventActorAccessor
{
    public EventActor Current
    {
        get
        {
            if (!caller.IsAuthenticated) return http.HttpContext is null ? EventActor.System : new EventActor("anonymous", "anonymous", "public");
            var subject = caller.Subject ?? "unknown";
            return new EventActor(subject, caller.Name ?? subject, caller.RoleName ?? "unknown");
        }
    }
}

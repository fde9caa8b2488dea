using Clea.Auth.Policies;
using Clea.Data.Events;

namespace Clea.Graph.Identity;

/// <summary>The authenticated caller of the current request, as the event log records it; anonymous callers are "public".</summary>
internal sealed class RequestEventActor(IHttpContextAccessor http) : IEventActorAccessor
{
    public EventActor Current
    {
        get
        {
            var user = http.HttpContext?.User;
            if (user?.Identity?.IsAuthenticated != true) return http.HttpContext is null ? EventActor.System : new EventActor("anonymous", "anonymous", "public");
            var subject = user.FindFirst(CleaClaims.Subject)?.Value ?? "unknown";
            return new EventActor(subject, user.FindFirst(CleaClaims.Name)?.Value ?? subject, user.FindFirst(CleaClaims.Role)?.Value ?? "unknown");
        }
    }
}

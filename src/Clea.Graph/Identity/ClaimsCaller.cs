using System.Globalization;
using System.Security.Claims;
using Clea.Auth.Policies;
using Clea.Data.Access;
using Clea.Data.Audits;
using Clea.Data.Instances;
using Clea.Data.Registry;
using Clea.Graph.Common;

namespace Clea.Graph.Identity;

/// <summary>
/// The one reader of the token's claims: the caller of the current request (anonymous outside a request, e.g. the sweep).
/// Everything else asks <see cref="ICurrentCaller"/>; a test keeps claim reading out of every other file of this project.
/// </summary>
public sealed class ClaimsCaller : ICurrentCaller
{
    private readonly ReferenceData _reference;
    private readonly IServiceProvider? _services;
    private readonly IReadOnlyList<Siren> _tokenAuditedSirens = [];
    private IReadOnlyList<Siren>? _auditedSirens;

    public ClaimsCaller(IHttpContextAccessor http, ReferenceData reference, IServiceProvider services) : this(http.HttpContext?.User, reference)
        => _services = services;

    /// <summary>A caller from a principal alone (tests): an auditor's audited organisms are then the token's.</summary>
    public ClaimsCaller(ClaimsPrincipal? user, ReferenceData reference)
    {
        _reference = reference;
        if (user?.Identity?.IsAuthenticated != true) return;
        IsAuthenticated = true;
        RoleName = user.FindFirstValue(CleaClaims.Role);
        Role = RoleName switch
        {
            CleaRoles.Administrator => CallerRole.Administrator,
            CleaRoles.InstanceStaff => CallerRole.InstanceStaff,
            CleaRoles.OrganismStaff => CallerRole.OrganismStaff,
            CleaRoles.Auditor => CallerRole.Auditor,
            CleaRoles.Integrator => CallerRole.Integrator,
            CleaRoles.Registrant => CallerRole.Registrant,
            _ => CallerRole.Unknown,
        };
        Subject = user.FindFirstValue(CleaClaims.Subject) ?? user.FindFirstValue(ClaimTypes.NameIdentifier);
        Name = user.FindFirstValue(CleaClaims.Name);
        Siren = Data.Registry.Siren.TryParse(user.FindFirstValue(CleaClaims.Siren), out var siren, out _) ? siren : null;
        InstanceCode = user.FindFirstValue(CleaClaims.Instance);
        _tokenAuditedSirens = [.. user.FindAll(CleaClaims.AuditedSiren)
            .Select(c => Data.Registry.Siren.TryParse(c.Value, out var s, out _) ? s : (Siren?)null).OfType<Siren>()];
    }

    /// <summary>Who a request counts against in the rate limiter, which partitions before any caller is built; null when anonymous.</summary>
    internal static (string Subject, bool Integrator)? RateLimitIdentity(ClaimsPrincipal user)
        => user.Identity?.IsAuthenticated == true
            ? (user.FindFirstValue(CleaClaims.Subject) ?? "unknown", user.FindFirstValue(CleaClaims.Role) == CleaRoles.Integrator)
            : null;

    public bool IsAuthenticated { get; }
    public CallerRole Role { get; } = CallerRole.Anonymous;
    public string? RoleName { get; }
    public string? Subject { get; }
    public string? Name { get; }
    public Siren? Siren { get; }
    public string? InstanceCode { get; }

    /// <summary>
    /// In a request, an auditor's audited organisms are those of the open audits assigned to them today
    /// (<see cref="AuditorAccess"/>), whatever the token says: access opens with an audit and ends with its final report.
    /// Read lazily, after authentication: resolving the request's context earlier would stamp its events as "public".
    /// </summary>
    public IReadOnlyList<Siren> AuditedSirens => _auditedSirens ??= LoadAuditedSirens();

    private IReadOnlyList<Siren> LoadAuditedSirens()
    {
        if (_services is null || !IsAuthenticated || Role != CallerRole.Auditor) return _tokenAuditedSirens;
        return int.TryParse(Subject, NumberStyles.None, CultureInfo.InvariantCulture, out var userId)
            ? _services.GetRequiredService<AuditorAccess>().AuditedSirens(userId)
            : [];
    }

    public async Task<Instance?> InstanceAsync(CancellationToken ct = default)
    {
        if (Role != CallerRole.InstanceStaff || InstanceCode is null) return null;
        return (await _reference.GetAsync()).InstancesByCode.GetValueOrDefault(InstanceCode);
    }
}

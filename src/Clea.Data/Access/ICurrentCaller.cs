using Clea.Data.Instances;
using Clea.Data.Registry;

namespace Clea.Data.Access;

/// <summary>The one role a caller has (its scope comes with it: a SIREN, an Instance, audited organisms).</summary>
public enum CallerRole
{
    /// <summary>No valid token: the public.</summary>
    Anonymous,
    /// <summary>A signed-in caller whose role this API does not know.</summary>
    Unknown,
    Integrator,
    OrganismStaff,
    InstanceStaff,
    Auditor,
    Administrator,
    /// <summary>A confirmed person with no organism yet: may only declare one.</summary>
    Registrant,
}

/// <summary>
/// Who is calling, as use cases and access rules need it: implemented once from the token's claims (the Graph host), and
/// as the system for the sweep and the command line. Nothing else reads claims.
/// </summary>
public interface ICurrentCaller
{
    bool IsAuthenticated { get; }
    CallerRole Role { get; }
    /// <summary>The role as the token names it (the event and access logs record it verbatim).</summary>
    string? RoleName { get; }
    string? Subject { get; }
    string? Name { get; }
    /// <summary>Organism staff: their organism.</summary>
    Siren? Siren { get; }
    /// <summary>Instance staff: the code of their Instance.</summary>
    string? InstanceCode { get; }
    /// <summary>Auditors: the organisms under their audits. Issue 12 replaces the token's list by audit records behind this member.</summary>
    IReadOnlyList<Siren> AuditedSirens { get; }
    /// <summary>Instance staff: their Instance (from reference data, no SQL); null for anyone else or an unknown code.</summary>
    Task<Instance?> InstanceAsync(CancellationToken ct = default);
}

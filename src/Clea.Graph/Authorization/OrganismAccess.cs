using System.Security.Claims;
using Clea.Auth.Policies;
using Clea.Data.Habilitations;
using Clea.Data.Instances;
using Clea.Data.Registry;
using Clea.Graph.Common;
using Clea.Graph.Registry;
using GraphQL;
using GraphQL.DataLoader;

namespace Clea.Graph.Authorization;

/// <summary>
/// The one place that says whether a caller may see an organism's non-public data: its own staff, administrators,
/// Certif Pro staff, a CPNE's staff for organisms that filed with that CPNE, and auditors of that organism.
/// Policies on the schema decide who may ask at all; this decides for the organism at hand. The answer is a pending
/// loader result, so a page of organisms is checked with one batched query.
/// </summary>
public sealed class OrganismAccess(ReferenceData reference, HabilitationsByOrganismLoader habilitations)
{
    public async Task<IDataLoaderResult<bool>> CanSeeAsync(ClaimsPrincipal? user, Organism organism)
    {
        var snapshot = await reference.GetAsync();
        // Only a CPNE's answer depends on the organism's files; the others need no query.
        var cpne = user?.FindFirstValue(CleaClaims.Role) == CleaRoles.InstanceStaff
            && user.FindFirstValue(CleaClaims.Instance) is { } code
            && snapshot.InstancesByCode.TryGetValue(code, out var instance) && instance.Kind == InstanceKind.Cpne;
        return cpne
            ? habilitations.Load(organism.Id).Then(files => Decide(user, organism, files, snapshot))
            : DataLoaderResultExtensions.Completed(Decide(user, organism, [], snapshot));
    }

    public static bool Decide(ClaimsPrincipal? user, Organism organism, IReadOnlyList<Habilitation> files, ReferenceData.Snapshot reference)
    {
        if (user?.Identity?.IsAuthenticated != true) return false;
        switch (user.FindFirstValue(CleaClaims.Role))
        {
            case CleaRoles.Administrator:
                return true;
            case CleaRoles.OrganismStaff:
                return user.FindFirstValue(CleaClaims.Siren) == organism.Siren.Value;
            case CleaRoles.Auditor:
                return user.FindAll(CleaClaims.AuditedSiren).Any(c => c.Value == organism.Siren.Value);
            case CleaRoles.InstanceStaff:
                var code = user.FindFirstValue(CleaClaims.Instance);
                if (code is null || !reference.InstancesByCode.TryGetValue(code, out var instance)) return false;
                // A CPNE acts within its professional field: the organisms that filed with it.
                return instance.Kind == InstanceKind.CertifPro || files.Any(h => h.InstanceId == instance.Id);
            default:
                return false;
        }
    }

    /// <summary>
    /// Candidates' personal data: the organism's own staff, and auditors whose open audits include it
    /// (<see cref="CleaClaims.AuditedSiren"/>). Nobody else, administrators included.
    /// </summary>
    public static bool CanSeeCandidates(ClaimsPrincipal? user, string siren)
    {
        if (user?.Identity?.IsAuthenticated != true) return false;
        return user.FindFirstValue(CleaClaims.Role) switch
        {
            CleaRoles.OrganismStaff => user.FindFirstValue(CleaClaims.Siren) == siren,
            CleaRoles.Auditor => user.FindAll(CleaClaims.AuditedSiren).Any(c => c.Value == siren),
            _ => false,
        };
    }

    /// <summary>The error for an object the caller may not see: the field is null and the error says why.</summary>
    public static ExecutionError Denied(string what)
        => new($"You are not allowed to see {what}.") { Code = AuthorizationErrors.NotAuthorized };
}

using System.Globalization;
using Clea.Data.Access;
using Clea.Data.Habilitations;

namespace Clea.Data.Audits;

/// <summary>
/// The resource checks of this feature over <see cref="ICurrentCaller"/> and <see cref="OrganismScope"/>: an Instance
/// within its field, an organism on its own file, an auditor on the audits assigned to them.
/// </summary>
internal static class AuditAccess
{
    /// <summary>The user id of an auditor; null for any other caller.</summary>
    public static int? AuditorUserId(ICurrentCaller caller)
        => caller.IsAuthenticated && caller.Role == CallerRole.Auditor
           && int.TryParse(caller.Subject, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : null;

    /// <summary>Refuses unless the caller is staff of an Instance that may act on the habilitation (Certif Pro: any; a CPNE: those it decided).</summary>
    public static async Task EnsureInstanceMayActOnAsync(ICurrentCaller caller, Habilitation habilitation, CancellationToken ct)
        => (await OrganismScope.OfAsync(caller, ct)).EnsureMayDecideOn(habilitation);

    /// <summary>True when the caller is staff of the organism.</summary>
    public static async Task<bool> IsStaffOfAsync(CleaDbContext db, ICurrentCaller caller, int organismId, CancellationToken ct)
        => caller.IsAuthenticated && caller.Role == CallerRole.OrganismStaff && await CallerOrganism.IdAsync(db, caller, ct) == organismId;
}

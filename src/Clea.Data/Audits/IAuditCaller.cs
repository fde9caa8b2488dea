using Clea.Data.Habilitations;

namespace Clea.Data.Audits;

/// <summary>
/// What the audit use cases need to know about the caller. The host implements it from the request's principal; it keeps
/// the resource checks of this feature in one place (an Instance within its field, an organism on its own file, an
/// auditor on the audits assigned to them).
/// </summary>
public interface IAuditCaller
{
    /// <summary>The user id of an auditor; null for any other caller.</summary>
    int? AuditorUserId { get; }

    /// <summary>Refuses unless the caller is staff of an Instance that may act on the habilitation (Certif Pro: any; a CPNE: those it decided).</summary>
    Task EnsureInstanceMayActOnAsync(Habilitation habilitation, CancellationToken ct);

    /// <summary>True when the caller is staff of the organism.</summary>
    bool IsStaffOf(int organismId);
}

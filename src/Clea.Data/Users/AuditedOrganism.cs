using Clea.Data.Registry;

namespace Clea.Data.Users;

/// <summary>An organism an auditor may read, until audits exist as such (then the scope comes from the open audits).</summary>
public sealed class AuditedOrganism
{
    public Siren Siren { get; private set; }

    private AuditedOrganism() { }

    internal AuditedOrganism(Siren siren) => Siren = siren;
}

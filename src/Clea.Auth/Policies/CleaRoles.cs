namespace Clea.Auth.Policies;

/// <summary>The audiences of the one schema. A caller has one role; its scope comes with it as claims.</summary>
public static class CleaRoles
{
    /// <summary>CPF/EDOF platforms and other machines (client credentials).</summary>
    public const string Integrator = "integrator";
    /// <summary>People of one organism; scope: <see cref="CleaClaims.Siren"/>.</summary>
    public const string OrganismStaff = "organism";
    /// <summary>People of Certif Pro or of one CPNE; scope: <see cref="CleaClaims.Instance"/>.</summary>
    public const string InstanceStaff = "instance";
    /// <summary>People assigned to audits; scope: <see cref="CleaClaims.AuditedSiren"/> (one claim per audited organism).</summary>
    public const string Auditor = "auditor";
    /// <summary>Platform operators: users, clients, reference data.</summary>
    public const string Administrator = "admin";
    /// <summary>A person who signed up and confirmed the e-mail address, with no organism yet: may only declare one.</summary>
    public const string Registrant = "registrant";

    public static IReadOnlyList<string> All { get; } = [Integrator, OrganismStaff, InstanceStaff, Auditor, Administrator, Registrant];
}

/// <summary>Claim types CleaGraph puts in its tokens (OpenIddict's <c>sub</c>, <c>name</c> and <c>role</c> plus these).</summary>
public static class CleaClaims
{
    public const string Subject = "sub";
    public const string Name = "name";
    public const string Role = "role";
    /// <summary>The SIREN of an organism staff member's organism.</summary>
    public const string Siren = "clea_siren";
    /// <summary>"true" for an organism administrator (role <see cref="CleaRoles.OrganismStaff"/>, who also manages the organism's accounts).</summary>
    public const string OrganismAdministrator = "clea_organism_admin";
    /// <summary>The code of an instance staff member's Instance (e.g. CERTIF_PRO, CPNE_METALLURGIE).</summary>
    public const string Instance = "clea_instance";
    /// <summary>The SIREN of an organism under one of an auditor's open audits; repeated per organism.</summary>
    public const string AuditedSiren = "clea_audited_siren";
}

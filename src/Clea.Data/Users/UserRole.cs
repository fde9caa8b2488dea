namespace Clea.Data.Users;

/// <summary>
/// What a person does on CleaGraph; each role brings its own scope. Machines (integrators) are OAuth clients, never
/// users. The identity server maps these to the role claims of the auth contract (<c>Clea.Auth.Policies.CleaRoles</c>).
/// </summary>
public enum UserRole
{
    /// <summary>Staff of one organism; scope: its SIREN (see also <see cref="OrganismAdministrator"/>).</summary>
    OrganismStaff,
    /// <summary>Staff of Certif Pro or of one CPNE; scope: the Instance code.</summary>
    InstanceStaff,
    /// <summary>Auditor; scope: the SIRENs of the audited organisms.</summary>
    Auditor,
    /// <summary>Platform operator; no scope.</summary>
    Administrator,
    /// <summary>Administrator of one organism: its staff, who also invite and revoke its accounts; scope: its SIREN.</summary>
    OrganismAdministrator,
    /// <summary>A confirmed person with no organism yet: may only declare the organism they act for; no scope.</summary>
    Registrant,
}

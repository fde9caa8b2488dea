using Microsoft.Extensions.DependencyInjection;

namespace Clea.Auth.Policies;

/// <summary>
/// Policy names put on schema fields and types (<c>AuthorizeWithPolicy</c>). A policy says who may ask at all; whether
/// the caller may see a given object (its own organism, its Instance's field, its audits) is a resource check made
/// where the object is loaded.
/// </summary>
public static class CleaPolicies
{
    /// <summary>Any authenticated caller.</summary>
    public const string Authenticated = "authenticated";
    /// <summary>Integrator machines (and administrators, who test them).</summary>
    public const string Integrator = "integrator";
    /// <summary>Staff of an organism, acting on their own organism.</summary>
    public const string OrganismStaff = "organism-staff";
    /// <summary>Administrators of an organism (its staff who also invite and revoke its accounts), on their own organism.</summary>
    public const string OrganismAdministrator = "organism-administrator";
    /// <summary>A confirmed person with no organism yet (they may only declare one).</summary>
    public const string Registrant = "registrant";
    /// <summary>Staff of an Instance, within its scope.</summary>
    public const string InstanceStaff = "instance-staff";
    /// <summary>Auditors, read-only on their open audits.</summary>
    public const string Auditor = "auditor";
    /// <summary>Platform administrators.</summary>
    public const string Administrator = "administrator";
    /// <summary>
    /// Non-public organism data (contacts, turnover, intervenants, later candidates): the organism's staff, instance
    /// staff, auditors and administrators — each then limited to the organisms it may see by a resource check.
    /// </summary>
    public const string OrganismData = "organism-data";
    /// <summary>Application files: organism staff (their own), instance staff (their Instance's), administrators.</summary>
    public const string ApplicationReader = "application-reader";
    /// <summary>Running campaigns and instructing files: instance staff (their Instance's) and administrators.</summary>
    public const string Instruction = "instruction";
    /// <summary>
    /// An organism's activity figures (dashboard): the organism's staff, instance staff and administrators — each then
    /// limited to the organisms it may see by a resource check. Auditors work from documents, not from the dashboard.
    /// </summary>
    public const string OrganismActivity = "organism-activity";
    /// <summary>
    /// Candidates' personal data: only the organism's own staff and the auditors of its open audits (not Instances, not
    /// administrators), each limited to those organisms by a resource check; every read is logged.
    /// </summary>
    public const string CandidateData = "candidate-data";
    /// <summary>Oversight of organisms (changes of situation, billing): Instance staff and administrators, each then limited by a resource check.</summary>
    public const string Oversight = "oversight";

    public static IServiceCollection AddCleaPolicies(this IServiceCollection services)
        => services.AddAuthorization(options =>
        {
            options.AddPolicy(Authenticated, p => p.RequireAuthenticatedUser());
            options.AddPolicy(Integrator, p => p.RequireClaim(CleaClaims.Role, CleaRoles.Integrator, CleaRoles.Administrator));
            options.AddPolicy(OrganismStaff, p => p.RequireClaim(CleaClaims.Role, CleaRoles.OrganismStaff).RequireClaim(CleaClaims.Siren));
            options.AddPolicy(OrganismAdministrator, p => p.RequireClaim(CleaClaims.Role, CleaRoles.OrganismStaff).RequireClaim(CleaClaims.Siren)
                .RequireClaim(CleaClaims.OrganismAdministrator, "true"));
            options.AddPolicy(Registrant, p => p.RequireClaim(CleaClaims.Role, CleaRoles.Registrant));
            options.AddPolicy(InstanceStaff, p => p.RequireClaim(CleaClaims.Role, CleaRoles.InstanceStaff).RequireClaim(CleaClaims.Instance));
            options.AddPolicy(Auditor, p => p.RequireClaim(CleaClaims.Role, CleaRoles.Auditor));
            options.AddPolicy(Administrator, p => p.RequireClaim(CleaClaims.Role, CleaRoles.Administrator));
            options.AddPolicy(Oversight, p => p.RequireClaim(CleaClaims.Role, CleaRoles.InstanceStaff, CleaRoles.Administrator));
            options.AddPolicy(OrganismData, p => p.RequireClaim(CleaClaims.Role,
                CleaRoles.OrganismStaff, CleaRoles.InstanceStaff, CleaRoles.Auditor, CleaRoles.Administrator));
            options.AddPolicy(ApplicationReader, p => p.RequireClaim(CleaClaims.Role, CleaRoles.OrganismStaff, CleaRoles.InstanceStaff, CleaRoles.Administrator));
            options.AddPolicy(Instruction, p => p.RequireClaim(CleaClaims.Role, CleaRoles.InstanceStaff, CleaRoles.Administrator));
            options.AddPolicy(OrganismActivity, p => p.RequireClaim(CleaClaims.Role,
                CleaRoles.OrganismStaff, CleaRoles.InstanceStaff, CleaRoles.Administrator));
            options.AddPolicy(CandidateData, p => p.RequireClaim(CleaClaims.Role, CleaRoles.OrganismStaff, CleaRoles.Auditor));
        });
}

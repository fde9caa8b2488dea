using Clea.Auth.Policies;
using Clea.Data.Users;

namespace Clea.Auth.Users;

/// <summary>Maps the domain's <see cref="UserRole"/> to the role claims of the auth contract, and back.</summary>
public static class UserRoles
{
    /// <summary>The command line's name of an organism administrator (whose role claim is <c>organism</c>).</summary>
    public const string OrganismAdministratorName = "organism-admin";

    /// <summary>The role claim: organism administrators are organism staff (plus <see cref="CleaClaims.OrganismAdministrator"/>).</summary>
    public static string ToClaim(UserRole role) => role switch
    {
        UserRole.OrganismStaff or UserRole.OrganismAdministrator => CleaRoles.OrganismStaff,
        UserRole.Registrant => CleaRoles.Registrant,
        UserRole.InstanceStaff => CleaRoles.InstanceStaff,
        UserRole.Auditor => CleaRoles.Auditor,
        UserRole.Administrator => CleaRoles.Administrator,
        _ => throw new ArgumentOutOfRangeException(nameof(role), role, "Unknown role."),
    };

    /// <summary>The role's name on the command line: its claim, except <c>organism-admin</c>.</summary>
    public static string ToName(UserRole role) => role == UserRole.OrganismAdministrator ? OrganismAdministratorName : ToClaim(role);

    /// <summary>Parses a role name (<c>organism</c>, <c>organism-admin</c>, <c>instance</c>, <c>auditor</c>, <c>admin</c>, <c>registrant</c>); integrators are clients, not users.</summary>
    public static bool TryParse(string? claim, out UserRole role)
    {
        foreach (var candidate in Enum.GetValues<UserRole>())
        {
            if (string.Equals(ToName(candidate), claim?.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                role = candidate;
                return true;
            }
        }
        role = default;
        return false;
    }
}

using Clea.Auth.Policies;
using Clea.Data.Users;

namespace Clea.Auth.Users;

/// <summary>Maps the domain's <see cref="UserRole"/> to the role claims of the auth contract, and back.</summary>
public static class UserRoles
{
    public static string ToClaim(UserRole role) => role switch
    {
        UserRole.OrganismStaff => CleaRoles.OrganismStaff,
        UserRole.InstanceStaff => CleaRoles.InstanceStaff,
        UserRole.Auditor => CleaRoles.Auditor,
        UserRole.Administrator => CleaRoles.Administrator,
        _ => throw new ArgumentOutOfRangeException(nameof(role), role, "Unknown role."),
    };

    /// <summary>Parses a role claim value (<c>organism</c>, <c>instance</c>, <c>auditor</c>, <c>admin</c>); integrators are clients, not users.</summary>
    public static bool TryParse(string? claim, out UserRole role)
    {
        foreach (var candidate in Enum.GetValues<UserRole>())
        {
            if (string.Equals(ToClaim(candidate), claim?.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                role = candidate;
                return true;
            }
        }
        role = default;
        return false;
    }
}

using System.Globalization;
using System.Security.Claims;
using Clea.Auth.Policies;
using Clea.Data;
using Clea.Data.Audits;
using Clea.Data.Common;
using Microsoft.AspNetCore.Authentication;

namespace Clea.Graph.Audits;

/// <summary>
/// The auditor's access follows the audit: on every authenticated request, an auditor's audited organisms
/// (<see cref="CleaClaims.AuditedSiren"/>) are replaced by those of the open audits assigned to them today
/// (<see cref="AuditorAccess"/>), so access opens with an audit and ends with its final report, whatever the token says.
/// </summary>
internal sealed class AuditorClaims(CleaDbContext db, TimeProvider clock) : IClaimsTransformation
{
    public async Task<ClaimsPrincipal> TransformAsync(ClaimsPrincipal principal)
    {
        if (principal.FindFirstValue(CleaClaims.Role) != CleaRoles.Auditor || principal.Identity is not ClaimsIdentity) return principal;
        var sirens = int.TryParse(principal.FindFirstValue(CleaClaims.Subject), NumberStyles.None, CultureInfo.InvariantCulture, out var userId)
            ? await AuditorAccess.AuditedSirensAsync(db, userId, clock.Today())
            : [];
        var copy = principal.Clone();
        var identity = (ClaimsIdentity)copy.Identity!;
        foreach (var stale in identity.FindAll(CleaClaims.AuditedSiren).ToList()) identity.RemoveClaim(stale);
        foreach (var siren in sirens) identity.AddClaim(new Claim(CleaClaims.AuditedSiren, siren));
        return copy;
    }
}

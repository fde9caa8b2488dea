using System.Globalization;
using System.Security.Claims;
using Clea.Auth.Policies;
using Clea.Data;
using Clea.Data.Audits;
using Clea.Data.Common;
using Microsoft.AspNetCore.Authentication;
using Microsoft.EntityFrameworkCore;

namespace Clea.Graph.Audits;

/// <summary>
/// The auditor's access follows the audit: on every authenticated request, an auditor's audited organisms
/// (<see cref="CleaClaims.AuditedSiren"/>) are replaced by those of the open audits assigned to them today
/// (<see cref="AuditorAccess"/>), so access opens with an audit and ends with its final report, whatever the token says.
/// </summary>
/// <remarks>
/// A context of its own from the factory: the request's scoped context stamps events with the caller, which is read when
/// that context is created — after this transformation, never during it.
/// </remarks>
internal sealed class AuditorClaims(IDbContextFactory<CleaDbContext> contexts, TimeProvider clock) : IClaimsTransformation
{
    public async Task<ClaimsPrincipal> TransformAsync(ClaimsPrincipal principal)
    {
        if (principal.FindFirstValue(CleaClaims.Role) != CleaRoles.Auditor || principal.Identity is not ClaimsIdentity) return principal;
        IReadOnlyList<string> sirens = [];
        if (int.TryParse(principal.FindFirstValue(CleaClaims.Subject), NumberStyles.None, CultureInfo.InvariantCulture, out var userId))
        {
            await using var db = await contexts.CreateDbContextAsync();
            sirens = await AuditorAccess.AuditedSirensAsync(db, userId, clock.Today());
        }
        var copy = principal.Clone();
        var identity = (ClaimsIdentity)copy.Identity!;
        foreach (var stale in identity.FindAll(CleaClaims.AuditedSiren).ToList()) identity.RemoveClaim(stale);
        foreach (var siren in sirens) identity.AddClaim(new Claim(CleaClaims.AuditedSiren, siren));
        return copy;
    }
}

using System.Security.Claims;
using Clea.Auth.Demo;
using Clea.Auth.Policies;
using Clea.Auth.Users;
using Clea.Data;
using Clea.Data.Access;
using Clea.Data.Persistence;
using Clea.Data.Seeding;
using Clea.Graph.Common;
using Clea.Graph.Identity;
using Clea.Graph.Tests.Support;
using Clea.Testing;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Clea.Graph.Tests.Authorization;

/// <summary>
/// The visibility rule exists in two forms (SQL for lists, memory for the organism at hand): for every demo account,
/// the integrator and the public, both forms give the same answer on every demo organism.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class OrganismScopeAgreementTests(ApiFixture fixture)
{
    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task The_SQL_and_in_memory_forms_of_the_organism_scope_agree_for_every_demo_account_and_organism(DatabaseProvider provider)
    {
        var api = await fixture.For(provider);
        await using var scope = api.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CleaDbContext>();
        var reference = scope.ServiceProvider.GetRequiredService<ReferenceData>();
        var organisms = await db.Organisms.AsNoTracking().OrderBy(o => o.Id).ToListAsync();
        var habilitations = (await db.Habilitations.AsNoTracking().ToListAsync()).ToLookup(h => h.OrganismId);
        var users = await db.Users.AsNoTracking().Where(u => DemoAccounts.Users.Contains(u.Email)).ToListAsync();
        Assert.Equal(DemoAccounts.Users.Count, users.Count);

        var callers = users.Select(u => (u.Email, Principal(u.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), UserRoles.ToClaim(u.Role),
                u.OrganismSiren?.Value, u.InstanceCode)))
            .Append((DemoAccounts.IntegratorClientId, Principal(DemoAccounts.IntegratorClientId, CleaRoles.Integrator, null, null)))
            .Append(("anonymous", new ClaimsPrincipal(new ClaimsIdentity())));

        var seen = 0;
        var auditorSees = new List<string>();
        foreach (var (who, principal) in callers)
        {
            // The caller as in a request: the auditor's organisms come from the open audits assigned to them (the demo's one).
            var http = new HttpContextAccessor { HttpContext = new DefaultHttpContext { User = principal } };
            var organismScope = await OrganismScope.OfAsync(new ClaimsCaller(http, reference, scope.ServiceProvider));
            var visible = organismScope.VisibleOrganismIds(db) is { } ids ? (await ids.ToListAsync()).ToHashSet() : null;
            foreach (var organism in organisms)
            {
                var inSql = visible is null || visible.Contains(organism.Id);
                var inMemory = organismScope.Sees(organism, habilitations[organism.Id]);
                Assert.True(inSql == inMemory, $"{who} on {organism.Siren}: SQL says {inSql}, memory says {inMemory}.");
                if (inMemory) seen++;
                if (inMemory && who == DemoAccounts.Auditor) auditorSees.Add(organism.Siren.Value);
            }
        }
        // The demo auditor's one open audit (DemoAudit) is their whole scope: no list is stored or carried by the token.
        Assert.Equal([DemoFixtures.Suspended], auditorSees);
        Assert.True(seen > organisms.Count, "The demo accounts should see organisms (administrators all of them).");
    }

    private static ClaimsPrincipal Principal(string subject, string role, string? siren, string? instance)
    {
        var identity = new ClaimsIdentity("test", CleaClaims.Name, CleaClaims.Role);
        identity.AddClaim(new Claim(CleaClaims.Subject, subject));
        identity.AddClaim(new Claim(CleaClaims.Role, role));
        if (siren is not null) identity.AddClaim(new Claim(CleaClaims.Siren, siren));
        if (instance is not null) identity.AddClaim(new Claim(CleaClaims.Instance, instance));
        return new ClaimsPrincipal(identity);
    }
}

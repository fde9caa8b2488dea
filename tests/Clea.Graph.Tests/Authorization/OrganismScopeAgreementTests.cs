using System.Security.Claims;
using Clea.Auth.Demo;
using Clea.Auth.Policies;
using Clea.Auth.Users;
using Clea.Data;
using Clea.Data.Access;
using Clea.Data.Persistence;
using Clea.Graph.Common;
using Clea.Graph.Identity;
using Clea.Graph.Tests.Support;
using Clea.Testing;
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
        var users = await db.Users.AsNoTracking().Include(u => u.AuditedOrganisms).Where(u => DemoAccounts.Users.Contains(u.Email)).ToListAsync();
        Assert.Equal(DemoAccounts.Users.Count, users.Count);

        var callers = users.Select(u => (u.Email, Principal(u.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), UserRoles.ToClaim(u.Role),
                u.OrganismSiren?.Value, u.InstanceCode, [.. u.AuditedOrganisms.Select(a => a.Siren.Value)])))
            .Append((DemoAccounts.IntegratorClientId, Principal(DemoAccounts.IntegratorClientId, CleaRoles.Integrator, null, null, [])))
            .Append(("anonymous", new ClaimsPrincipal(new ClaimsIdentity())));

        var seen = 0;
        foreach (var (who, principal) in callers)
        {
            var organismScope = await OrganismScope.OfAsync(new ClaimsCaller(principal, reference));
            var visible = organismScope.VisibleOrganismIds(db) is { } ids ? (await ids.ToListAsync()).ToHashSet() : null;
            foreach (var organism in organisms)
            {
                var inSql = visible is null || visible.Contains(organism.Id);
                var inMemory = organismScope.Sees(organism, habilitations[organism.Id]);
                Assert.True(inSql == inMemory, $"{who} on {organism.Siren}: SQL says {inSql}, memory says {inMemory}.");
                if (inMemory) seen++;
            }
        }
        Assert.True(seen > organisms.Count, "The demo accounts should see organisms (administrators all of them).");
    }

    private static ClaimsPrincipal Principal(string subject, string role, string? siren, string? instance, IReadOnlyList<string> audited)
    {
        var identity = new ClaimsIdentity("test", CleaClaims.Name, CleaClaims.Role);
        identity.AddClaim(new Claim(CleaClaims.Subject, subject));
        identity.AddClaim(new Claim(CleaClaims.Role, role));
        if (siren is not null) identity.AddClaim(new Claim(CleaClaims.Siren, siren));
        if (instance is not null) identity.AddClaim(new Claim(CleaClaims.Instance, instance));
        foreach (var s in audited) identity.AddClaim(new Claim(CleaClaims.AuditedSiren, s));
        return new ClaimsPrincipal(identity);
    }
}

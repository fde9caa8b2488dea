using Clea.Auth.Clients;
using Clea.Auth.Users;
using Clea.Data.Seeding;
using Clea.Data.Users;

namespace Clea.Auth.Demo;

/// <summary>Creates the <see cref="DemoAccounts"/> that are missing; run at each Development start with demo data.</summary>
public static class DemoAccountsSeeder
{
    /// <returns>How many accounts (users and clients) were created.</returns>
    public static async Task<int> SeedAsync(UserAccounts users, ClientRegistrations clients, CancellationToken ct = default)
    {
        var created = 0;
        if (!await clients.ExistsAsync(DemoAccounts.IntegratorClientId, ct))
        {
            await clients.CreateIntegratorAsync(DemoAccounts.IntegratorClientId, DemoAccounts.IntegratorClientSecret, "Demo integrator", ct);
            created++;
        }
        if (!await clients.ExistsAsync(DemoAccounts.WebClientId, ct))
        {
            await clients.CreatePeopleClientAsync(DemoAccounts.WebClientId, "Demo web front end", [new Uri(DemoAccounts.WebRedirectUri)], ct);
            created++;
        }

        (string Email, string Name, UserRole Role, string? Siren, string? Instance, string? Audited)[] people =
        [
            (DemoAccounts.Admin, "Admin Démo", UserRole.Administrator, null, null, null),
            (DemoAccounts.CertifPro, "Agent Certif Pro", UserRole.InstanceStaff, null, DemoAccounts.CertifProInstance, null),
            (DemoAccounts.Cpne, "Agent CPNE Métallurgie", UserRole.InstanceStaff, null, DemoAccounts.CpneInstance, null),
            (DemoAccounts.Auditor, "Auditeur Démo", UserRole.Auditor, null, null, DemoFixtures.Suspended),
            (DemoAccounts.Organism, "Formation Plus Lyon (démo)", UserRole.OrganismAdministrator, DemoFixtures.ActiveQualiopi, null, null),
            (DemoAccounts.Organism2, "Passerelles Emploi Orléans (démo)", UserRole.OrganismStaff, DemoFixtures.NotQualiopi, null, null),
        ];
        foreach (var p in people)
        {
            if (await users.FindByEmailAsync(p.Email, ct) is not null) continue;
            await users.CreateAsync(p.Email, p.Name, DemoAccounts.Password, p.Role, p.Siren, p.Instance, p.Audited is null ? null : [p.Audited], ct);
            created++;
        }
        return created;
    }
}

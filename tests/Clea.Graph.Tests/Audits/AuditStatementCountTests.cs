using Clea.Auth.Demo;
using Clea.Data;
using Clea.Data.Audits;
using Clea.Data.Habilitations;
using Clea.Data.Persistence;
using Clea.Graph.Tests.Support;
using Clea.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Clea.Graph.Tests.Habilitations.LifeSupport;

namespace Clea.Graph.Tests.Audits;

/// <summary>
/// No N+1 in the §V lists: a page of audits, conformity procedures, agenda items or EDOF alerts, with their organisms,
/// habilitations and notices, costs the same SQL statements for 2 items as for 20.
/// </summary>
public sealed class AuditStatementCountTests
{
    private const string Audits = """
        query($first: Int) { audits(first: $first) { totalCount pageInfo { hasNextPage endCursor }
          nodes { id reference stage opinion observationsDueOn anomalies { description severity } organism { siren name }
            habilitation { status certification endedOn organism { name } } } } }
        """;

    private const string Procedures = """
        query($first: Int) { conformityProcedures(first: $first) { totalCount pageInfo { hasNextPage endCursor }
          nodes { id reference stage suspends closedOn watchUntil auditId notices { number failings withdrawalOn justificationDueOn }
            habilitation { status endedOn organism { siren } } } } }
        """;

    private const string Agenda = """
        query($first: Int) { conformityAgenda(dueBefore: "2027-06-30", first: $first) { totalCount pageInfo { hasNextPage endCursor }
          nodes { kind dueOn overdue auditId procedureId habilitation { status organism { siren name } } } } }
        """;

    private const string Alerts = """
        query($first: Int) { edofAlerts(first: $first) { totalCount pageInfo { hasNextPage endCursor }
          nodes { id reference source level receivedOn notifiedOn organism { siren name } habilitation { status certification } } } }
        """;

    /// <summary>On 40 habilitations in force: an audit each, half of them reported; a procedure and an EDOF warning on the other half.</summary>
    private static async Task SeedAsync(CleaApi api)
    {
        await using var scope = api.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CleaDbContext>();
        db.WritesNotifications = false;
        var today = api.Today();
        var auditor = await db.Users.SingleAsync(u => u.Email == DemoAccounts.Auditor);
        var habilitations = (await db.Habilitations.Include(h => h.Suspensions).ToListAsync())
            .Where(h => h.StatusOn(today) == HabilitationStatus.Active && h.ValidUntil > today.AddDays(120))
            .DistinctBy(h => h.OrganismId).Take(40).ToList();
        Assert.Equal(40, habilitations.Count);
        for (var i = 0; i < habilitations.Count; i++)
        {
            var h = habilitations[i];
            var audit = new Audit(h, AuditMode.OnDocuments, h.ValidFrom!.Value, today, auditor.Id, auditor.DisplayName, AuditorAffiliation.ContractedProvider,
                today, today.AddDays(5), today);
            db.Audits.Add(audit);
            if (i % 2 == 0)
            {
                audit.FileReport(today, "Constats", AuditOpinion.FavourableWithReservations, [new AuditAnomaly("Émargement incomplet", AnomalySeverity.Minor)]);
                continue;
            }
            db.ConformityProcedures.Add(new ConformityProcedure(h, null, today, new FormalNoticeTerms("Manquements", today.AddDays(30), today.AddDays(90)), suspends: i % 4 == 1));
            db.EdofAlerts.Add(new EdofAlert(h, $"EDOF-{i}", EdofAlertSource.CaisseDesDepots, EdofAlertLevel.Warning, today, today, "Intitulé non conforme"));
        }
        await db.SaveChangesAsync();
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Pages_of_audits_procedures_agenda_items_and_edof_alerts_cost_as_many_statements_for_2_items_as_for_20(DatabaseProvider provider)
    {
        await using var api = await CleaApi.StartAsync(provider);
        await SeedAsync(api);
        var staff = await api.TokenForAsync(DemoAccounts.CertifPro);

        foreach (var (name, query, limit) in new[] { ("audits", Audits, 6), ("conformityProcedures", Procedures, 6), ("conformityAgenda", Agenda, 6), ("edofAlerts", Alerts, 6) })
        {
            await api.PostAsAsync(staff, query, new { first = 1 }); // warms the reference data and the caller's Instance
            var costs = new List<int>();
            foreach (var first in new[] { 2, 20 })
            {
                api.Sql.Reset();
                var response = await api.PostAsAsync(staff, query, new { first });
                Assert.False(response.HasErrors, response.Body);
                Assert.Equal(first, response.Data.GetProperty(name).GetProperty("nodes").GetArrayLength());
                costs.Add(api.Sql.Count);
                Assert.True(api.Sql.Count <= limit,
                    $"{name}, page of {first}: expected at most {limit} statements, got {api.Sql.Count}:\n{string.Join("\n---\n", api.Sql.Commands)}");
            }
            Assert.True(costs[0] == costs[1], $"{name}: {costs[0]} statements for 2 items, {costs[1]} for 20");
        }
    }
}

using Clea.Data.Audits;
using Clea.Data.Habilitations;
using Clea.Data.Persistence;
using Clea.Data.Tests.Seeding;
using Clea.Testing;
using Microsoft.EntityFrameworkCore;

namespace Clea.Data.Tests.Audits;

/// <summary>
/// The SQL twin of the status (<see cref="HabilitationStatusRules"/>) agrees with <see cref="Habilitation.StatusOn"/> on
/// habilitations under conformity procedures in every state: a notice's withdrawal date pending, a suspension scheduled
/// to end after silence, an additional period, a withdrawal recorded by the sweep.
/// </summary>
[Collection(SeededDatabaseCollection.Name)]
public sealed class ConformityStatusSqlTests(SeededDatabases databases)
{
    private static DateOnly Today => SeededDatabases.Today;

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task The_sql_status_rules_agree_with_the_in_memory_rule_under_conformity_procedures(DatabaseProvider provider)
    {
        var template = await databases.For(provider);
        // The shared seeded database keeps idle pooled sessions; PostgreSQL copies a template only when none is connected.
        Npgsql.NpgsqlConnection.ClearAllPools();
        await using var database = await TestDatabase.CloneAsync(template);
        await using (var db = database.NewContext())
        {
            var active = (await db.Habilitations.Include(h => h.Suspensions).ToListAsync())
                .Where(h => h.StatusOn(Today.AddDays(-120)) == HabilitationStatus.Active && h.StatusOn(Today) == HabilitationStatus.Active
                    && h.ValidUntil > Today.AddDays(400) && h.Suspensions.Count == 0)
                .Take(4).ToList();
            Assert.Equal(4, active.Count);
            ConformityProcedure Open(Habilitation h, DateOnly on) => new(h, null, on, new FormalNoticeTerms("Manquement", on.AddDays(30), on.AddDays(90)), suspends: true);

            var pending = Open(active[0], Today.AddDays(-20));                 // withdrawal date ahead, suspended now
            var justified = Open(active[1], Today.AddDays(-100));
            justified.Justify(Today.AddDays(-80), "Mesures");                  // suspension scheduled to end after the answer deadline
            var additional = Open(active[2], Today.AddDays(-110));
            additional.Justify(Today.AddDays(-95), "Mesures");
            additional.GrantAdditionalPeriod(Today.AddDays(-70), new FormalNoticeTerms("Encore", Today, Today.AddDays(30)));
            var swept = Open(active[3], Today.AddDays(-120));                  // withdrawn at the notice's date, then recorded
            db.ConformityProcedures.AddRange(pending, justified, additional, swept);
            await db.SaveChangesAsync();
            Assert.True(swept.ApplyTime(Today));
            await db.SaveChangesAsync();
        }

        await using var check = database.NewContext();
        var habilitations = await check.Habilitations.AsNoTracking().Include(h => h.Suspensions).ToListAsync();
        for (var date = Today.AddDays(-130); date <= Today.AddDays(130); date = date.AddDays(5))
        {
            foreach (var status in Enum.GetValues<HabilitationStatus>())
            {
                var inSql = await check.Habilitations.Where(HabilitationStatusRules.HasStatusOn(status, date)).Select(h => h.Id).ToListAsync();
                var inMemory = habilitations.Where(h => h.StatusOn(date) == status).Select(h => h.Id);
                Assert.True(inMemory.Order().SequenceEqual(inSql.Order()), $"{status} on {date:yyyy-MM-dd}: SQL {inSql.Count} rows, in memory {inMemory.Count()}.");
            }
        }
    }
}

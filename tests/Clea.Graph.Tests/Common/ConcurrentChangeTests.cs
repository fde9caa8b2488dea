using Clea.Data.Fees;
using Clea.Data.Persistence;
using Clea.Data.Referentials;
using Clea.Data.Registry;
using Clea.Data.Seeding;
using Clea.Graph.Common;
using Clea.Testing;
using Microsoft.EntityFrameworkCore;

namespace Clea.Graph.Tests.Common;

public sealed class ConcurrentChangeTests
{
    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task A_unique_index_violation_is_a_concurrent_change_and_other_failures_are_not(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using (var setup = database.NewContext())
        {
            await setup.Database.MigrateAsync();
            await ReferenceDataSeeder.SeedAsync(setup);
        }

        var schedule = new FeeSchedule(FeeTariff.Annexe2Grid());
        var day = new DateOnly(2026, 3, 2);
        await using (var first = database.NewContext())
        {
            var organism = Organism.Register(Siren.Parse("732829320"), "Atelier", qualiopi: true);
            first.Organisms.Add(organism);
            first.FeeLines.Add(new FeeLine(organism, FeeKind.Certificate, CertificationCode.CleaNumerique, day, schedule, "certificate:race"));
            await first.SaveChangesAsync();
        }

        await using var second = database.NewContext();
        var same = await second.Organisms.SingleAsync();
        second.FeeLines.Add(new FeeLine(same, FeeKind.Certificate, CertificationCode.CleaNumerique, day, schedule, "certificate:race"));
        var duplicate = await Assert.ThrowsAsync<DbUpdateException>(() => second.SaveChangesAsync());
        Assert.True(ConcurrentChange.IsUniqueViolation(duplicate));

        Assert.False(ConcurrentChange.IsUniqueViolation(new DbUpdateException("not a constraint", new InvalidOperationException())));
        Assert.False(ConcurrentChange.IsUniqueViolation(new InvalidOperationException("not a database error")));
    }
}

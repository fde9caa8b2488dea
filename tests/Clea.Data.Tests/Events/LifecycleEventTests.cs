using Clea.Data.Events;
using Clea.Data.Habilitations;
using Clea.Data.Persistence;
using Clea.Data.Referentials;
using Clea.Data.Registry;
using Clea.Data.Seeding;
using Clea.Testing;
using Microsoft.EntityFrameworkCore;

namespace Clea.Data.Tests.Events;

public sealed class LifecycleEventTests
{
    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task A_transition_saves_its_event_stamped_with_the_caller_and_the_clock_in_the_same_save(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var clock = new FixedClock();
        await using (var db = database.NewContext())
        {
            await db.Database.MigrateAsync();
            await ReferenceDataSeeder.SeedAsync(db);
            var organism = Organism.Register(Siren.Parse("732829320"), "Atelier", qualiopi: true);
            var instance = await db.Instances.SingleAsync(i => i.Code == "CERTIF_PRO");
            var habilitation = organism.File(new Habilitation(organism, CertificationCode.CleaNumerique, instance, HabilitationScope.TrainAndEvaluate, new DateOnly(2026, 5, 4)));
            habilitation.Accept(new DateOnly(2026, 10, 1), new DateOnly(2026, 10, 5));
            db.Organisms.Add(organism);
            db.Actor = new EventActor("user-42", "Claire Instance", "instance");
            db.Clock = clock;
            await db.SaveChangesAsync();

            habilitation.Suspend(new DateOnly(2026, 11, 2));
            await db.SaveChangesAsync();
            await db.SaveChangesAsync(); // nothing pending: no duplicate
        }

        await using var read = database.NewContext();
        var events = await read.LifecycleEvents.OrderBy(e => e.Id).ToListAsync();
        Assert.Equal([LifecycleEventKind.DecisionAccepted, LifecycleEventKind.Suspended], events.Select(e => e.Kind));
        var accepted = events[0];
        // Decisions and status changes are public (the registry shows them); their reasons and actors are not served publicly.
        Assert.All(events, e => Assert.True(e.IsPublic));
        Assert.Equal(new DateOnly(2026, 10, 5), accepted.EffectiveOn);
        Assert.Equal(("user-42", "Claire Instance", "instance"), (accepted.ActorSubject, accepted.ActorName, accepted.ActorRole));
        Assert.Equal(clock.GetUtcNow().UtcDateTime, accepted.At);
        Assert.NotNull(accepted.HabilitationId);
        Assert.Equal(await read.Organisms.Select(o => o.Id).SingleAsync(), accepted.OrganismId);
    }

    [Fact]
    public void Events_not_saved_through_a_request_are_attributed_to_the_system()
    {
        Assert.Equal(("system", "system"), (EventActor.System.Subject, EventActor.System.Role));
    }
}

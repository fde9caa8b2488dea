using Clea.Data.Access;
using Clea.Data.Common;
using Clea.Data.Habilitations;
using Clea.Data.Instances;
using Clea.Data.Persistence;
using Clea.Data.Referentials;
using Clea.Data.Registry;
using Clea.Data.Seeding;
using Clea.Testing;
using Microsoft.EntityFrameworkCore;

namespace Clea.Data.Tests.Habilitations;

/// <summary>A use case runs without GraphQL: plain arguments, a caller, a cancellation token; one save, or nothing.</summary>
public sealed class HabilitationDecisionsTests
{
    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task A_CPNE_cannot_suspend_an_habilitation_Certif_Pro_decided_and_Certif_Pro_can(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var clock = new FixedClock();
        int id;
        await using (var db = database.NewContext())
        {
            await db.Database.MigrateAsync();
            await ReferenceDataSeeder.SeedAsync(db);
            var organism = Organism.Register(Siren.Parse("732829320"), "Atelier", qualiopi: true);
            var certifPro = await db.Instances.SingleAsync(i => i.Code == "CERTIF_PRO");
            var habilitation = organism.File(new Habilitation(organism, CertificationCode.CleaNumerique, certifPro, HabilitationScope.TrainAndEvaluate, new DateOnly(2026, 5, 4)));
            habilitation.Accept(new DateOnly(2026, 10, 1), new DateOnly(2026, 10, 5));
            db.Organisms.Add(organism);
            await db.SaveChangesAsync();
            id = habilitation.Id;
        }

        await using (var db = database.NewContext())
        {
            var cpne = await db.Instances.AsNoTracking().FirstAsync(i => i.Kind == InstanceKind.Cpne);
            var refused = await Assert.ThrowsAsync<DomainRuleException>(() => new HabilitationDecisions(db, clock)
                .SuspendAsync(id, null, "Audit défavorable.", new InstanceStaff(cpne), CancellationToken.None));
            Assert.Equal(HabilitationErrors.OutsideInstanceField, refused.Code);
            var certifPro = await db.Instances.AsNoTracking().SingleAsync(i => i.Code == "CERTIF_PRO");
            var noReason = await Assert.ThrowsAsync<DomainRuleException>(() => new HabilitationDecisions(db, clock)
                .SuspendAsync(id, null, " ", new InstanceStaff(certifPro), CancellationToken.None));
            Assert.Equal(InputErrors.ReasonRequired, noReason.Code);
        }
        await using (var db = database.NewContext())
            Assert.Empty((await db.Habilitations.Include(h => h.Suspensions).SingleAsync(h => h.Id == id)).Suspensions);

        await using (var db = database.NewContext())
        {
            var certifPro = await db.Instances.AsNoTracking().SingleAsync(i => i.Code == "CERTIF_PRO");
            var suspended = await new HabilitationDecisions(db, clock).SuspendAsync(id, null, "Audit défavorable.", new InstanceStaff(certifPro), CancellationToken.None);
            Assert.Equal(HabilitationStatus.Suspended, suspended.StatusOn(clock.Today()));
        }
    }

    /// <summary>Instance staff of one Instance, as the host's claims would describe them.</summary>
    private sealed class InstanceStaff(Instance instance) : ICurrentCaller
    {
        public bool IsAuthenticated => true;
        public CallerRole Role => CallerRole.InstanceStaff;
        public string? RoleName => "instance";
        public string? Subject => "test";
        public string? Name => "Test";
        public Siren? Siren => null;
        public string? InstanceCode => instance.Code;
        public IReadOnlyList<Siren> AuditedSirens => [];
        public Task<Instance?> InstanceAsync(CancellationToken ct = default) => Task.FromResult<Instance?>(instance);
    }
}

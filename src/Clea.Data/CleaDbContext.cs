using Clea.Data.Applications;
using Clea.Data.Audits;
using Clea.Data.Dashboard;
using Clea.Data.Evaluations;
using Clea.Data.Events;
using Clea.Data.Fees;
using Clea.Data.Habilitations;
using Clea.Data.Instances;
using Clea.Data.Intervenants;
using Clea.Data.Notifications;
using Clea.Data.Privacy;
using Clea.Data.Referentials;
using Clea.Data.Registry;
using Clea.Data.Situations;
using Clea.Data.Users;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace Clea.Data;

/// <summary>
/// The CleaGraph database. Each provider has its own subclass so that each keeps its own migration set
/// (<c>Migrations/Sqlite</c>, <c>Migrations/Postgres</c>); the model itself is shared and configured per entity.
/// </summary>
public abstract class CleaDbContext(DbContextOptions options) : DbContext(options), IDataProtectionKeyContext
{
    public DbSet<Certification> Certifications => Set<Certification>();
    public DbSet<ReferentialDomain> ReferentialDomains => Set<ReferentialDomain>();
    public DbSet<SubDomain> SubDomains => Set<SubDomain>();
    public DbSet<Region> Regions => Set<Region>();
    public DbSet<Department> Departments => Set<Department>();
    public DbSet<Instance> Instances => Set<Instance>();
    public DbSet<Organism> Organisms => Set<Organism>();
    public DbSet<Site> Sites => Set<Site>();
    public DbSet<Habilitation> Habilitations => Set<Habilitation>();
    public DbSet<HabilitationChange> HabilitationChanges => Set<HabilitationChange>();
    public DbSet<Intervenant> Intervenants => Set<Intervenant>();
    public DbSet<PersonalDataAccess> PersonalDataAccesses => Set<PersonalDataAccess>();
    public DbSet<User> Users => Set<User>();
    public DbSet<Onboarding.Invitation> Invitations => Set<Onboarding.Invitation>();
    public DbSet<LifecycleEvent> LifecycleEvents => Set<LifecycleEvent>();
    public DbSet<Notification> Notifications => Set<Notification>();
    /// <summary>The ASP.NET Core Data Protection key ring, shared by every node (cookies and protected data survive a node switch).</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();
    public DbSet<FeeTariff> FeeTariffs => Set<FeeTariff>();
    public DbSet<FeeLine> FeeLines => Set<FeeLine>();
    public DbSet<Campaign> Campaigns => Set<Campaign>();
    public DbSet<Application> Applications => Set<Application>();
    public DbSet<Candidate> Candidates => Set<Candidate>();
    public DbSet<Evaluation> Evaluations => Set<Evaluation>();
    public DbSet<EvaluationResult> EvaluationResults => Set<EvaluationResult>();
    public DbSet<TrainingPath> TrainingPaths => Set<TrainingPath>();
    public DbSet<TrainingPathTrainer> TrainingPathTrainers => Set<TrainingPathTrainer>();
    public DbSet<JuryDecision> JuryDecisions => Set<JuryDecision>();
    public DbSet<Certificate> Certificates => Set<Certificate>();
    public DbSet<CandidateAppeal> CandidateAppeals => Set<CandidateAppeal>();
    public DbSet<CandidateDataErasure> CandidateDataErasures => Set<CandidateDataErasure>();
    public DbSet<BulkReceipt> BulkReceipts => Set<BulkReceipt>();
    public DbSet<Invoice> Invoices => Set<Invoice>();
    public DbSet<SituationChange> SituationChanges => Set<SituationChange>();
    public DbSet<ActivityDeclaration> ActivityDeclarations => Set<ActivityDeclaration>();
    public DbSet<Audit> Audits => Set<Audit>();
    public DbSet<ConformityProcedure> ConformityProcedures => Set<ConformityProcedure>();
    public DbSet<EdofAlert> EdofAlerts => Set<EdofAlert>();
    /// <summary>The dashboard's daily counts, maintained with the facts (<see cref="ActivityLedger"/>).</summary>
    public DbSet<ActivityDay> ActivityDays => Set<ActivityDay>();
    /// <summary>The median's monthly distribution of certificates by days since the prior evaluation (<see cref="ActivityLedger"/>).</summary>
    public DbSet<CertificateDelay> CertificateDelays => Set<CertificateDelay>();
    /// <summary>The success rate's monthly count of certificates by month of the prior evaluation (<see cref="ActivityLedger"/>).</summary>
    public DbSet<CertificatePriorMonth> CertificatePriorMonths => Set<CertificatePriorMonth>();

    /// <summary>Who the events saved by this context are attributed to (the API caller; the system by default).</summary>
    public EventActor Actor { get; set; } = EventActor.System;

    /// <summary>
    /// False while the demo is generated: its invented past acts are not e-mailed. Every real act is (the outbox).
    /// </summary>
    public bool WritesNotifications { get; set; } = true;

    /// <summary>The clock that stamps saved events.</summary>
    public TimeProvider Clock { get; set; } = TimeProvider.System;

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        var raised = CollectEvents();
        foreach (var e in raised.Where(e => WritesNotifications && NotificationTemplates.IsNotified(e.Kind)))
            AddNotification(e, e.Organism ?? (e.OrganismId is { } id ? Organisms.Find(id) : null));
        var ledger = ActivityLedger.Collect(this);
        var registry = RegistryChanges.Collect(this);
        if (ledger.IsEmpty && registry is null) return base.SaveChanges(acceptAllChangesOnSuccess);
        // The synchronous path is the asynchronous one run to completion (nothing here has a synchronization context).
        return SaveWithMaintainedTablesAsync(ledger, registry, acceptAllChangesOnSuccess, CancellationToken.None).GetAwaiter().GetResult();
    }

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        var raised = CollectEvents();
        foreach (var e in raised.Where(e => WritesNotifications && NotificationTemplates.IsNotified(e.Kind)))
            AddNotification(e, e.Organism ?? (e.OrganismId is { } id ? await Organisms.FindAsync([id], cancellationToken) : null));
        var ledger = ActivityLedger.Collect(this);
        var registry = RegistryChanges.Collect(this);
        if (ledger.IsEmpty && registry is null) return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        return await SaveWithMaintainedTablesAsync(ledger, registry, acceptAllChangesOnSuccess, cancellationToken);
    }

    /// <summary>
    /// Saves the facts, the dashboard ledger's differences and the registry's new version (<see cref="RegistryChanges"/>)
    /// in one transaction (the caller's, or one of its own run through the execution strategy, as EF Core requires of a
    /// user transaction). Changes are accepted only after the
    /// commit: a failure leaves them pending, so the read-only retry policy never replays a write.
    /// </summary>
    private async Task<int> SaveWithMaintainedTablesAsync(ActivityLedger ledger, RegistryChanges? registry, bool acceptAllChangesOnSuccess, CancellationToken ct)
    {
        async Task<int> SaveAsync()
        {
            var saved = await base.SaveChangesAsync(acceptAllChangesOnSuccess: false, ct);
            await ledger.ApplyAsync(this, ct);
            if (registry is not null) await registry.ApplyAsync(this, ct);
            return saved;
        }

        int count;
        if (Database.CurrentTransaction is not null)
            count = await SaveAsync();
        else
            count = await Database.CreateExecutionStrategy().ExecuteAsync(async () =>
            {
                await using var transaction = await Database.BeginTransactionAsync(ct);
                var saved = await SaveAsync();
                await transaction.CommitAsync(ct);
                return saved;
            });
        if (acceptAllChangesOnSuccess) ChangeTracker.AcceptAllChanges();
        return count;
    }

    /// <summary>Inserts the events raised by tracked entities in the same save, stamped with the instant and the actor.</summary>
    private List<LifecycleEvent> CollectEvents()
    {
        var now = Clock.GetUtcNow();
        var collected = new List<LifecycleEvent>();
        foreach (var source in ChangeTracker.Entries<EventSource>().Select(e => e.Entity).ToList())
        foreach (var raised in source.TakePendingEvents())
        {
            raised.Stamp(now, Actor);
            LifecycleEvents.Add(raised);
            collected.Add(raised);
        }
        return collected;
    }

    /// <summary>The e-mail of a notified act joins the outbox in the same save (the same transaction) as the act.</summary>
    private void AddNotification(LifecycleEvent raised, Organism? organism)
    {
        if (NotificationTemplates.For(raised, organism, Clock.GetUtcNow().UtcDateTime) is { } notification) Notifications.Add(notification);
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(CleaDbContext).Assembly);
        // OpenIddict's applications, authorizations, scopes and tokens live beside the data, in both providers' migrations.
        modelBuilder.UseOpenIddict();
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        configurationBuilder.Properties<Siren>().HaveConversion<SirenConverter>().HaveMaxLength(Siren.Length);
        configurationBuilder.Properties<Siret>().HaveConversion<SiretConverter>().HaveMaxLength(Siret.Length);
        configurationBuilder.Properties<Enum>().HaveConversion<string>().HaveMaxLength(32);
    }
}

/// <summary>The embedded default provider.</summary>
public sealed class SqliteCleaDbContext(DbContextOptions<SqliteCleaDbContext> options) : CleaDbContext(options);

/// <summary>The provider for scale.</summary>
public sealed class PostgresCleaDbContext(DbContextOptions<PostgresCleaDbContext> options) : CleaDbContext(options);

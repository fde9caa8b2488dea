using Clea.Data.Habilitations;
using Clea.Data.Instances;
using Clea.Data.Intervenants;
using Clea.Data.Privacy;
using Clea.Data.Referentials;
using Clea.Data.Registry;
using Clea.Data.Users;
using Microsoft.EntityFrameworkCore;

namespace Clea.Data;

/// <summary>
/// The CleaGraph database. Each provider has its own subclass so that each keeps its own migration set
/// (<c>Migrations/Sqlite</c>, <c>Migrations/Postgres</c>); the model itself is shared and configured per entity.
/// </summary>
public abstract class CleaDbContext(DbContextOptions options) : DbContext(options)
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

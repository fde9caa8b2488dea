using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Clea.Data.Registry;

/// <summary>
/// The registry's version: one row whose <see cref="Version"/> changes in the same transaction as anything the public
/// search reads (organisms, sites, habilitations, their suspensions and corrections, départements, instances). Two reads
/// of the same version see the same registry, so a search total counted at one version stays exact until the next
/// change, on every instance of the API (<see cref="RegistryTotals"/>). A new version is a random number rather than an
/// increment: a database recreated or restored elsewhere never reuses the version of a different registry.
/// </summary>
public sealed class RegistryStamp
{
    public const int SingletonId = 1;

    public int Id { get; private set; }
    public long Version { get; private set; }

    private RegistryStamp() { }

    /// <summary>The tables the search reads: a change to any row of them changes the version.</summary>
    internal static readonly HashSet<string> SearchedTables =
        ["Organisms", "Sites", "Habilitations", "Suspensions", "HabilitationCorrections", "Departments", "Regions", "Instances"];

    /// <summary>
    /// Portable SQL (PostgreSQL and SQLite) giving the registry a new version; <c>{0}</c> is the new version. An upsert,
    /// so a database without the row gets one. Run inside the transaction that changed the registry.
    /// </summary>
    public const string BumpSql = """
        INSERT INTO "RegistryStamps" ("Id", "Version") VALUES (1, {0})
        ON CONFLICT ("Id") DO UPDATE SET "Version" = excluded."Version"
        """;

    /// <summary>A fresh version (never 0, the version of a newly created database).</summary>
    public static long NewVersion() => Random.Shared.NextInt64(1, long.MaxValue);
}

internal sealed class RegistryStampConfiguration : IEntityTypeConfiguration<RegistryStamp>
{
    public void Configure(EntityTypeBuilder<RegistryStamp> builder)
    {
        builder.ToTable("RegistryStamps");
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.HasData(new { Id = RegistryStamp.SingletonId, Version = 0L });
    }
}

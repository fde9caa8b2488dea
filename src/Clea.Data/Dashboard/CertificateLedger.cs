using Clea.Data.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Clea.Data.Dashboard;

/// <summary>
/// The median's ledger: an organism's certificates issued in one calendar month, per certification and site, counted by
/// days from the holder's prior evaluation to the certificate. The median over the months a period covers whole sums
/// a few hundred rows per month (one per distinct delay) instead of reading every certificate. Maintained by
/// <see cref="ActivityLedger"/> in the same transaction as the certificates, rebuilt by <see cref="CertificateLedger.RebuildSql"/>.
/// </summary>
public sealed class CertificateDelay
{
    public int OrganismId { get; private set; }
    /// <summary>The first day of the month the certificates were issued in.</summary>
    public DateOnly IssuedMonth { get; private set; }
    /// <summary>The certification's code name (<c>CleaNumerique</c>…).</summary>
    public string Certification { get; private set; } = "";
    public int SiteId { get; private set; }
    /// <summary>Days from the prior evaluation to the certificate.</summary>
    public int Days { get; private set; }
    public int Certified { get; private set; }

    private CertificateDelay() { }
}

/// <summary>
/// The success rate's ledger: an organism's certificates issued in one calendar month, per certification and site,
/// counted by the month of the holder's prior evaluation. The cohort of a period (prior evaluation on or after its
/// first day) over the months the period covers whole is a sum of these rows (a dozen per month). Maintained like
/// <see cref="CertificateDelay"/>.
/// </summary>
public sealed class CertificatePriorMonth
{
    public int OrganismId { get; private set; }
    /// <summary>The first day of the month the certificates were issued in.</summary>
    public DateOnly IssuedMonth { get; private set; }
    public string Certification { get; private set; } = "";
    public int SiteId { get; private set; }
    /// <summary>The first day of the month of the holders' prior evaluation.</summary>
    public DateOnly PriorMonth { get; private set; }
    public int Certified { get; private set; }

    private CertificatePriorMonth() { }
}

/// <summary>The two certificate ledgers rebuilt from the certificates (migration, bulk loads).</summary>
public static class CertificateLedger
{
    /// <summary>The first day of <paramref name="day"/>'s month: the ledgers' month key.</summary>
    public static DateOnly MonthOf(DateOnly day) => new(day.Year, day.Month, 1);

    /// <summary>
    /// Rebuilds both certificate ledgers from <c>Certificates</c> (the organism, certification and site of the holder's
    /// registration, as <see cref="ActivityLedger"/> keys them). Month and day arithmetic differ between the providers:
    /// one text each. Rows are written in key order, so an organism's months sit together on disk.
    /// </summary>
    public static string RebuildSql(DatabaseProvider provider)
    {
        var (month, prior, days) = provider == DatabaseProvider.Postgres
            ? ("""CAST(date_trunc('month', x."IssuedOn") AS date)""", """CAST(date_trunc('month', x."PriorEvaluatedOn") AS date)""",
                """x."IssuedOn" - x."PriorEvaluatedOn" """)
            : ("""date(x."IssuedOn", 'start of month')""", """date(x."PriorEvaluatedOn", 'start of month')""",
                """CAST(julianday(x."IssuedOn") - julianday(x."PriorEvaluatedOn") AS INTEGER)""");
        return $"""
            DELETE FROM "CertificateDelays";
            INSERT INTO "CertificateDelays" ("OrganismId", "IssuedMonth", "Certification", "SiteId", "Days", "Certified")
            SELECT c."OrganismId", {month}, c."Certification", c."SiteId", {days}, count(*)
            FROM "Certificates" x JOIN "Candidates" c ON c."Id" = x."CandidateId"
            GROUP BY c."OrganismId", {month}, c."Certification", c."SiteId", {days}
            ORDER BY 1, 2, 3, 4, 5;
            DELETE FROM "CertificatePriorMonths";
            INSERT INTO "CertificatePriorMonths" ("OrganismId", "IssuedMonth", "Certification", "SiteId", "PriorMonth", "Certified")
            SELECT c."OrganismId", {month}, c."Certification", c."SiteId", {prior}, count(*)
            FROM "Certificates" x JOIN "Candidates" c ON c."Id" = x."CandidateId"
            GROUP BY c."OrganismId", {month}, c."Certification", c."SiteId", {prior}
            ORDER BY 1, 2, 3, 4, 5;
            """;
    }
}

internal sealed class CertificateDelayConfiguration : IEntityTypeConfiguration<CertificateDelay>
{
    public void Configure(EntityTypeBuilder<CertificateDelay> builder)
    {
        // (organism, month) first: the whole months of a period are one range of the key. Derived rows: no foreign keys.
        builder.HasKey(d => new { d.OrganismId, d.IssuedMonth, d.Certification, d.SiteId, d.Days });
        builder.Property(d => d.Certification).HasMaxLength(32);
    }
}

internal sealed class CertificatePriorMonthConfiguration : IEntityTypeConfiguration<CertificatePriorMonth>
{
    public void Configure(EntityTypeBuilder<CertificatePriorMonth> builder)
    {
        builder.HasKey(d => new { d.OrganismId, d.IssuedMonth, d.Certification, d.SiteId, d.PriorMonth });
        builder.Property(d => d.Certification).HasMaxLength(32);
    }
}

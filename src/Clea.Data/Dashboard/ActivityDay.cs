using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Clea.Data.Dashboard;

/// <summary>
/// The dashboard's ledger: one organism's facts of one day, per certification and site, counted. The dashboard sums a
/// few thousand of these rows instead of scanning the organism's evaluations (a million at national volume). Never
/// written by the domain: <see cref="ActivityLedger"/> maintains it from the tracked changes in the same transaction as
/// the facts it counts (registrations, evaluations, certificates, fee lines), so it always equals a count of the facts.
/// Fee lines are not per site: their row has <see cref="NoSite"/>, and <see cref="Certification"/> is empty for a fee
/// without certification.
/// </summary>
public sealed class ActivityDay
{
    /// <summary>The <see cref="SiteId"/> of fee rows (fees are the organism's, not a site's).</summary>
    public const int NoSite = 0;

    public int OrganismId { get; private set; }
    public DateOnly Day { get; private set; }
    /// <summary>The certification's code name (<c>CleaNumerique</c>…), empty for a fee line without certification.</summary>
    public string Certification { get; private set; } = "";
    public int SiteId { get; private set; }
    public int Registrations { get; private set; }
    public int PriorEvaluations { get; private set; }
    public int FinalEvaluations { get; private set; }
    public int Certified { get; private set; }
    /// <summary>Fee lines accrued that day and not invoiced, in cents (exact on both providers).</summary>
    public long FeesNotInvoicedCents { get; private set; }

    private ActivityDay() { }

    /// <summary>
    /// Rebuilds the whole ledger from the facts (the migration that introduced it, and the national volume generator after
    /// its bulk COPY). Portable SQL: PostgreSQL and SQLite both run it. Rows are written in key order, so an organism's days
    /// sit together on disk (a three-year dashboard reads a few dozen pages, not one page per row).
    /// </summary>
    public const string RebuildSql = """
        DELETE FROM "ActivityDays";
        INSERT INTO "ActivityDays" ("OrganismId", "Day", "Certification", "SiteId", "Registrations", "PriorEvaluations", "FinalEvaluations", "Certified", "FeesNotInvoicedCents")
        SELECT "OrganismId", "Day", "Certification", "SiteId", sum("R"), sum("P"), sum("F"), sum("C"), sum("Cents") FROM (
            SELECT c."OrganismId", c."RegisteredOn" AS "Day", c."Certification", c."SiteId", 1 AS "R", 0 AS "P", 0 AS "F", 0 AS "C", 0 AS "Cents"
            FROM "Candidates" c
            UNION ALL
            SELECT c."OrganismId", e."HeldOn", c."Certification", c."SiteId", 0, CASE WHEN e."Kind" = 'Prior' THEN 1 ELSE 0 END,
                   CASE WHEN e."Kind" = 'Final' THEN 1 ELSE 0 END, 0, 0
            FROM "Evaluations" e JOIN "Candidates" c ON c."Id" = e."CandidateId"
            UNION ALL
            SELECT c."OrganismId", x."IssuedOn", c."Certification", c."SiteId", 0, 0, 0, 1, 0
            FROM "Certificates" x JOIN "Candidates" c ON c."Id" = x."CandidateId"
            UNION ALL
            SELECT l."OrganismId", l."AccruedOn", coalesce(l."Certification", ''), 0, 0, 0, 0, 0, CAST(round(l."Amount" * 100) AS BIGINT)
            FROM "FeeLines" l WHERE l."InvoiceId" IS NULL
        ) AS facts
        GROUP BY "OrganismId", "Day", "Certification", "SiteId"
        ORDER BY "OrganismId", "Day";
        """;
}

internal sealed class ActivityDayConfiguration : IEntityTypeConfiguration<ActivityDay>
{
    public void Configure(EntityTypeBuilder<ActivityDay> builder)
    {
        // The key leads with (organism, day): a period of one organism is one range of the primary key. No foreign keys:
        // the rows are derived, rebuilt with RebuildSql, and upserted by ActivityLedger.
        builder.HasKey(d => new { d.OrganismId, d.Day, d.Certification, d.SiteId });
        builder.Property(d => d.Certification).HasMaxLength(32);
    }
}

using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Clea.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Dashboard_CertificateLedger : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "CertificateDelays",
                columns: table => new
                {
                    OrganismId = table.Column<int>(type: "integer", nullable: false),
                    IssuedMonth = table.Column<DateOnly>(type: "date", nullable: false),
                    Certification = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    SiteId = table.Column<int>(type: "integer", nullable: false),
                    Days = table.Column<int>(type: "integer", nullable: false),
                    Certified = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CertificateDelays", x => new { x.OrganismId, x.IssuedMonth, x.Certification, x.SiteId, x.Days });
                });

            migrationBuilder.CreateTable(
                name: "CertificatePriorMonths",
                columns: table => new
                {
                    OrganismId = table.Column<int>(type: "integer", nullable: false),
                    IssuedMonth = table.Column<DateOnly>(type: "date", nullable: false),
                    Certification = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    SiteId = table.Column<int>(type: "integer", nullable: false),
                    PriorMonth = table.Column<DateOnly>(type: "date", nullable: false),
                    Certified = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CertificatePriorMonths", x => new { x.OrganismId, x.IssuedMonth, x.Certification, x.SiteId, x.PriorMonth });
                });

            migrationBuilder.CreateIndex(
                name: "IX_Certificates_OrganismId_Prior_IssuedOn",
                table: "Certificates",
                columns: new[] { "OrganismId", "PriorEvaluatedOn", "IssuedOn", "Certification" });

            // Backfill: both certificate ledgers counted from the certificates already there (ActivityLedger keeps them equal
            // from now on; a copy of CertificateLedger.RebuildSql as it stood: a migration never changes with the code).
            migrationBuilder.Sql("""
                DELETE FROM "CertificateDelays";
                INSERT INTO "CertificateDelays" ("OrganismId", "IssuedMonth", "Certification", "SiteId", "Days", "Certified")
                SELECT c."OrganismId", CAST(date_trunc('month', x."IssuedOn") AS date), c."Certification", c."SiteId", x."IssuedOn" - x."PriorEvaluatedOn", count(*)
                FROM "Certificates" x JOIN "Candidates" c ON c."Id" = x."CandidateId"
                GROUP BY c."OrganismId", CAST(date_trunc('month', x."IssuedOn") AS date), c."Certification", c."SiteId", x."IssuedOn" - x."PriorEvaluatedOn"
                ORDER BY 1, 2, 3, 4, 5;
                DELETE FROM "CertificatePriorMonths";
                INSERT INTO "CertificatePriorMonths" ("OrganismId", "IssuedMonth", "Certification", "SiteId", "PriorMonth", "Certified")
                SELECT c."OrganismId", CAST(date_trunc('month', x."IssuedOn") AS date), c."Certification", c."SiteId", CAST(date_trunc('month', x."PriorEvaluatedOn") AS date), count(*)
                FROM "Certificates" x JOIN "Candidates" c ON c."Id" = x."CandidateId"
                GROUP BY c."OrganismId", CAST(date_trunc('month', x."IssuedOn") AS date), c."Certification", c."SiteId", CAST(date_trunc('month', x."PriorEvaluatedOn") AS date)
                ORDER BY 1, 2, 3, 4, 5;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CertificateDelays");

            migrationBuilder.DropTable(
                name: "CertificatePriorMonths");

            migrationBuilder.DropIndex(
                name: "IX_Certificates_OrganismId_Prior_IssuedOn",
                table: "Certificates");
        }
    }
}

using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Clea.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Dashboard_ActivityLedger : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Certificates_OrganismId_IssuedOn",
                table: "Certificates");

            migrationBuilder.AddColumn<DateOnly>(
                name: "PriorEvaluatedOn",
                table: "Certificates",
                type: "date",
                nullable: false,
                defaultValue: new DateOnly(1, 1, 1));

            migrationBuilder.AlterColumn<int>(
                name: "Year",
                table: "AnnualTurnovers",
                type: "integer",
                nullable: false,
                oldClrType: typeof(int),
                oldType: "integer")
                .OldAnnotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn);

            migrationBuilder.CreateTable(
                name: "ActivityDays",
                columns: table => new
                {
                    OrganismId = table.Column<int>(type: "integer", nullable: false),
                    Day = table.Column<DateOnly>(type: "date", nullable: false),
                    Certification = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    SiteId = table.Column<int>(type: "integer", nullable: false),
                    Registrations = table.Column<int>(type: "integer", nullable: false),
                    PriorEvaluations = table.Column<int>(type: "integer", nullable: false),
                    FinalEvaluations = table.Column<int>(type: "integer", nullable: false),
                    Certified = table.Column<int>(type: "integer", nullable: false),
                    FeesNotInvoicedCents = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ActivityDays", x => new { x.OrganismId, x.Day, x.Certification, x.SiteId });
                });

            migrationBuilder.CreateIndex(
                name: "IX_Certificates_OrganismId_IssuedOn_Prior",
                table: "Certificates",
                columns: new[] { "OrganismId", "IssuedOn", "PriorEvaluatedOn", "Certification" });

            // Backfill: the day of each certificate holder's prior evaluation (always recorded before a jury), then the
            // dashboard ledger counted from the facts already there (ActivityLedger keeps it equal from now on; a copy of
            // ActivityDay.RebuildSql as it stood: a migration never changes with the code).
            migrationBuilder.Sql("""
                UPDATE "Certificates" SET "PriorEvaluatedOn" = coalesce((SELECT e."HeldOn" FROM "Evaluations" e
                    WHERE e."CandidateId" = "Certificates"."CandidateId" AND e."Kind" = 'Prior'), "IssuedOn");
                """);
            migrationBuilder.Sql("""
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
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ActivityDays");

            migrationBuilder.DropIndex(
                name: "IX_Certificates_OrganismId_IssuedOn_Prior",
                table: "Certificates");

            migrationBuilder.DropColumn(
                name: "PriorEvaluatedOn",
                table: "Certificates");

            migrationBuilder.AlterColumn<int>(
                name: "Year",
                table: "AnnualTurnovers",
                type: "integer",
                nullable: false,
                oldClrType: typeof(int),
                oldType: "integer")
                .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn);

            migrationBuilder.CreateIndex(
                name: "IX_Certificates_OrganismId_IssuedOn",
                table: "Certificates",
                columns: new[] { "OrganismId", "IssuedOn" });
        }
    }
}

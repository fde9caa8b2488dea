using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Clea.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Rules_JuriesNetworkDecisionsCorrections : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "IssuerKind",
                table: "Certificates",
                type: "TEXT",
                maxLength: 32,
                nullable: false,
                defaultValue: "Organism");

            migrationBuilder.AddColumn<string>(
                name: "IssuerName",
                table: "Certificates",
                type: "TEXT",
                maxLength: 200,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "IssuerRegionCode",
                table: "Certificates",
                type: "TEXT",
                maxLength: 2,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Appeal",
                table: "ApplicationCandidates",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Decision",
                table: "ApplicationCandidates",
                type: "TEXT",
                nullable: true);

            // Each candidate takes its file's decision and appeal (files were decided as one block until now).
            migrationBuilder.Sql("""
                UPDATE "ApplicationCandidates" SET
                    "Decision" = (SELECT a."Decision" FROM "Applications" a WHERE a."Id" = "ApplicationCandidates"."ApplicationId"),
                    "Appeal" = (SELECT a."Appeal" FROM "Applications" a WHERE a."Id" = "ApplicationCandidates"."ApplicationId");
                """);

            migrationBuilder.DropColumn(
                name: "Appeal",
                table: "Applications");

            // Certificates recorded so far were issued by their organism, under its name.
            migrationBuilder.Sql("""
                UPDATE "Certificates" SET "IssuerName" = (SELECT o."Name" FROM "Organisms" o WHERE o."Id" = "Certificates"."OrganismId");
                """);

            migrationBuilder.CreateTable(
                name: "HabilitationCorrections",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    RecordedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    PreviousDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    CorrectedDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    AffectedFrom = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    AffectedUntil = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    HabilitationId = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_HabilitationCorrections", x => x.Id);
                    table.ForeignKey(
                        name: "FK_HabilitationCorrections_Habilitations_HabilitationId",
                        column: x => x.HabilitationId,
                        principalTable: "Habilitations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "JuryMembers",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Quality = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    IntervenantId = table.Column<int>(type: "INTEGER", nullable: true),
                    LinkedToOrganism = table.Column<bool>(type: "INTEGER", nullable: false),
                    JuryDecisionId = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_JuryMembers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_JuryMembers_Intervenants_IntervenantId",
                        column: x => x.IntervenantId,
                        principalTable: "Intervenants",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_JuryMembers_JuryDecisions_JuryDecisionId",
                        column: x => x.JuryDecisionId,
                        principalTable: "JuryDecisions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_HabilitationCorrections_HabilitationId",
                table: "HabilitationCorrections",
                column: "HabilitationId");

            migrationBuilder.CreateIndex(
                name: "IX_JuryMembers_IntervenantId",
                table: "JuryMembers",
                column: "IntervenantId");

            migrationBuilder.CreateIndex(
                name: "IX_JuryMembers_JuryDecisionId",
                table: "JuryMembers",
                column: "JuryDecisionId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "HabilitationCorrections");

            migrationBuilder.DropTable(
                name: "JuryMembers");

            migrationBuilder.DropColumn(
                name: "IssuerKind",
                table: "Certificates");

            migrationBuilder.DropColumn(
                name: "IssuerName",
                table: "Certificates");

            migrationBuilder.DropColumn(
                name: "IssuerRegionCode",
                table: "Certificates");

            migrationBuilder.AddColumn<string>(
                name: "Appeal",
                table: "Applications",
                type: "TEXT",
                nullable: true);

            migrationBuilder.Sql("""
                UPDATE "Applications" SET "Appeal" = (SELECT c."Appeal" FROM "ApplicationCandidates" c
                    WHERE c."ApplicationId" = "Applications"."Id" AND c."Appeal" IS NOT NULL ORDER BY c."Id" LIMIT 1);
                """);

            migrationBuilder.DropColumn(
                name: "Appeal",
                table: "ApplicationCandidates");

            migrationBuilder.DropColumn(
                name: "Decision",
                table: "ApplicationCandidates");
        }
    }
}

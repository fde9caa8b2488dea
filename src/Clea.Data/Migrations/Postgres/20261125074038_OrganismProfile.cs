using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Clea.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class OrganismProfile : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "BillingContactEmail",
                table: "Organisms",
                type: "character varying(254)",
                maxLength: 254,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "BillingContactName",
                table: "Organisms",
                type: "character varying(120)",
                maxLength: 120,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "BillingContactPhone",
                table: "Organisms",
                type: "character varying(20)",
                maxLength: 20,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "ContactsUpdatedOn",
                table: "Organisms",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Headcount",
                table: "Organisms",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "MainContactEmail",
                table: "Organisms",
                type: "character varying(254)",
                maxLength: 254,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "MainContactName",
                table: "Organisms",
                type: "character varying(120)",
                maxLength: 120,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "MainContactPhone",
                table: "Organisms",
                type: "character varying(20)",
                maxLength: 20,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "AnnualTurnovers",
                columns: table => new
                {
                    Year = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    OrganismId = table.Column<int>(type: "integer", nullable: false),
                    AmountEuros = table.Column<decimal>(type: "numeric(14,2)", precision: 14, scale: 2, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AnnualTurnovers", x => new { x.OrganismId, x.Year });
                    table.ForeignKey(
                        name: "FK_AnnualTurnovers_Organisms_OrganismId",
                        column: x => x.OrganismId,
                        principalTable: "Organisms",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Intervenants",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    OrganismId = table.Column<int>(type: "integer", nullable: false),
                    FirstName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    LastName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Evaluator = table.Column<bool>(type: "boolean", nullable: false),
                    Trainer = table.Column<bool>(type: "boolean", nullable: false),
                    Qualifications = table.Column<List<string>>(type: "text[]", nullable: false),
                    RemoteEvaluation = table.Column<bool>(type: "boolean", nullable: false),
                    DeclaredOn = table.Column<DateOnly>(type: "date", nullable: false),
                    WithdrawnOn = table.Column<DateOnly>(type: "date", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Intervenants", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Intervenants_Organisms_OrganismId",
                        column: x => x.OrganismId,
                        principalTable: "Organisms",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PersonalDataAccesses",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    At = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Subject = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Role = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    OrganismId = table.Column<int>(type: "integer", nullable: false),
                    What = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Records = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PersonalDataAccesses", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PersonalDataAccesses_Organisms_OrganismId",
                        column: x => x.OrganismId,
                        principalTable: "Organisms",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Intervenants_OrganismId",
                table: "Intervenants",
                column: "OrganismId");

            migrationBuilder.CreateIndex(
                name: "IX_PersonalDataAccesses_OrganismId_At",
                table: "PersonalDataAccesses",
                columns: new[] { "OrganismId", "At" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AnnualTurnovers");

            migrationBuilder.DropTable(
                name: "Intervenants");

            migrationBuilder.DropTable(
                name: "PersonalDataAccesses");

            migrationBuilder.DropColumn(
                name: "BillingContactEmail",
                table: "Organisms");

            migrationBuilder.DropColumn(
                name: "BillingContactName",
                table: "Organisms");

            migrationBuilder.DropColumn(
                name: "BillingContactPhone",
                table: "Organisms");

            migrationBuilder.DropColumn(
                name: "ContactsUpdatedOn",
                table: "Organisms");

            migrationBuilder.DropColumn(
                name: "Headcount",
                table: "Organisms");

            migrationBuilder.DropColumn(
                name: "MainContactEmail",
                table: "Organisms");

            migrationBuilder.DropColumn(
                name: "MainContactName",
                table: "Organisms");

            migrationBuilder.DropColumn(
                name: "MainContactPhone",
                table: "Organisms");
        }
    }
}

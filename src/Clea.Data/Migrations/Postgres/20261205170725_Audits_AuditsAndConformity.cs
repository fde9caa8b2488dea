using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Clea.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Audits_AuditsAndConformity : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterColumn<string>(
                name: "Kind",
                table: "LifecycleEvents",
                type: "character varying(64)",
                maxLength: 64,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(32)",
                oldMaxLength: 32);

            migrationBuilder.AddColumn<DateOnly>(
                name: "PendingWithdrawalOn",
                table: "Habilitations",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "WithdrawalCase",
                table: "Habilitations",
                type: "character varying(32)",
                maxLength: 32,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "WithdrawalEffect",
                table: "Habilitations",
                type: "character varying(32)",
                maxLength: 32,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "Audits",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    HabilitationId = table.Column<int>(type: "integer", nullable: false),
                    OrganismId = table.Column<int>(type: "integer", nullable: false),
                    Mode = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Sites = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    PeriodFrom = table.Column<DateOnly>(type: "date", nullable: false),
                    PeriodTo = table.Column<DateOnly>(type: "date", nullable: false),
                    AuditorUserId = table.Column<int>(type: "integer", nullable: false),
                    AuditorName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    AuditorAffiliation = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    PlannedFrom = table.Column<DateOnly>(type: "date", nullable: false),
                    PlannedTo = table.Column<DateOnly>(type: "date", nullable: false),
                    OpenedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Mandataire = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Stage = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    RefusedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    RefusedInWriting = table.Column<bool>(type: "boolean", nullable: true),
                    ReportedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    Findings = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: true),
                    Opinion = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    ObservationsDueOn = table.Column<DateOnly>(type: "date", nullable: true),
                    ObservationsOn = table.Column<DateOnly>(type: "date", nullable: true),
                    Observations = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: true),
                    DecisionMeetingOn = table.Column<DateOnly>(type: "date", nullable: true),
                    DecisionNotifiedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    DecisionNotificationDueOn = table.Column<DateOnly>(type: "date", nullable: true),
                    DecisionNotifiedLate = table.Column<bool>(type: "boolean", nullable: false),
                    Outcome = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    DecisionReason = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Audits", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Audits_Habilitations_HabilitationId",
                        column: x => x.HabilitationId,
                        principalTable: "Habilitations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_Audits_Organisms_OrganismId",
                        column: x => x.OrganismId,
                        principalTable: "Organisms",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_Audits_Users_AuditorUserId",
                        column: x => x.AuditorUserId,
                        principalTable: "Users",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "EdofAlerts",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    HabilitationId = table.Column<int>(type: "integer", nullable: false),
                    OrganismId = table.Column<int>(type: "integer", nullable: false),
                    Reference = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Source = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Level = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    ReceivedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    NotifiedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Reason = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EdofAlerts", x => x.Id);
                    table.ForeignKey(
                        name: "FK_EdofAlerts_Habilitations_HabilitationId",
                        column: x => x.HabilitationId,
                        principalTable: "Habilitations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_EdofAlerts_Organisms_OrganismId",
                        column: x => x.OrganismId,
                        principalTable: "Organisms",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AuditAnomalies",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Description = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    Severity = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    AuditId = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AuditAnomalies", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AuditAnomalies_Audits_AuditId",
                        column: x => x.AuditId,
                        principalTable: "Audits",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ConformityProcedures",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    HabilitationId = table.Column<int>(type: "integer", nullable: false),
                    OrganismId = table.Column<int>(type: "integer", nullable: false),
                    AuditId = table.Column<int>(type: "integer", nullable: true),
                    Suspends = table.Column<bool>(type: "boolean", nullable: false),
                    Stage = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    OpenedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    ClosedOn = table.Column<DateOnly>(type: "date", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ConformityProcedures", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ConformityProcedures_Audits_AuditId",
                        column: x => x.AuditId,
                        principalTable: "Audits",
                        principalColumn: "Id");
                    table.ForeignKey(
                        name: "FK_ConformityProcedures_Habilitations_HabilitationId",
                        column: x => x.HabilitationId,
                        principalTable: "Habilitations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ConformityProcedures_Organisms_OrganismId",
                        column: x => x.OrganismId,
                        principalTable: "Organisms",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "FormalNotices",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Number = table.Column<int>(type: "integer", nullable: false),
                    Failings = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: false),
                    NotifiedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    ComplianceUntil = table.Column<DateOnly>(type: "date", nullable: false),
                    WithdrawalOn = table.Column<DateOnly>(type: "date", nullable: false),
                    JustificationDueOn = table.Column<DateOnly>(type: "date", nullable: false),
                    JustifiedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    Justification = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: true),
                    AnswerDueOn = table.Column<DateOnly>(type: "date", nullable: true),
                    ConformityProcedureId = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FormalNotices", x => x.Id);
                    table.ForeignKey(
                        name: "FK_FormalNotices_ConformityProcedures_ConformityProcedureId",
                        column: x => x.ConformityProcedureId,
                        principalTable: "ConformityProcedures",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AuditAnomalies_AuditId",
                table: "AuditAnomalies",
                column: "AuditId");

            migrationBuilder.CreateIndex(
                name: "IX_Audits_AuditorUserId_Stage",
                table: "Audits",
                columns: new[] { "AuditorUserId", "Stage" });

            migrationBuilder.CreateIndex(
                name: "IX_Audits_HabilitationId",
                table: "Audits",
                column: "HabilitationId");

            migrationBuilder.CreateIndex(
                name: "IX_Audits_OrganismId_Id",
                table: "Audits",
                columns: new[] { "OrganismId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_ConformityProcedures_AuditId",
                table: "ConformityProcedures",
                column: "AuditId");

            migrationBuilder.CreateIndex(
                name: "IX_ConformityProcedures_HabilitationId_Stage",
                table: "ConformityProcedures",
                columns: new[] { "HabilitationId", "Stage" });

            migrationBuilder.CreateIndex(
                name: "IX_ConformityProcedures_OrganismId_Id",
                table: "ConformityProcedures",
                columns: new[] { "OrganismId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_EdofAlerts_HabilitationId",
                table: "EdofAlerts",
                column: "HabilitationId");

            migrationBuilder.CreateIndex(
                name: "IX_EdofAlerts_OrganismId",
                table: "EdofAlerts",
                column: "OrganismId");

            migrationBuilder.CreateIndex(
                name: "IX_FormalNotices_ConformityProcedureId",
                table: "FormalNotices",
                column: "ConformityProcedureId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AuditAnomalies");

            migrationBuilder.DropTable(
                name: "EdofAlerts");

            migrationBuilder.DropTable(
                name: "FormalNotices");

            migrationBuilder.DropTable(
                name: "ConformityProcedures");

            migrationBuilder.DropTable(
                name: "Audits");

            migrationBuilder.DropColumn(
                name: "PendingWithdrawalOn",
                table: "Habilitations");

            migrationBuilder.DropColumn(
                name: "WithdrawalCase",
                table: "Habilitations");

            migrationBuilder.DropColumn(
                name: "WithdrawalEffect",
                table: "Habilitations");

            migrationBuilder.AlterColumn<string>(
                name: "Kind",
                table: "LifecycleEvents",
                type: "character varying(32)",
                maxLength: 32,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(64)",
                oldMaxLength: 64);
        }
    }
}

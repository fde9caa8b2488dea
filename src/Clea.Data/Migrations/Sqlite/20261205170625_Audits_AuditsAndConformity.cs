using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Clea.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Audits_AuditsAndConformity : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateOnly>(
                name: "PendingWithdrawalOn",
                table: "Habilitations",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "WithdrawalCase",
                table: "Habilitations",
                type: "TEXT",
                maxLength: 32,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "WithdrawalEffect",
                table: "Habilitations",
                type: "TEXT",
                maxLength: 32,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "Audits",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    HabilitationId = table.Column<int>(type: "INTEGER", nullable: false),
                    OrganismId = table.Column<int>(type: "INTEGER", nullable: false),
                    Mode = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Sites = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    PeriodFrom = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    PeriodTo = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    AuditorUserId = table.Column<int>(type: "INTEGER", nullable: false),
                    AuditorName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    AuditorAffiliation = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    PlannedFrom = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    PlannedTo = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    OpenedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Mandataire = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Stage = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    RefusedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    RefusedInWriting = table.Column<bool>(type: "INTEGER", nullable: true),
                    ReportedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Findings = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: true),
                    Opinion = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    ObservationsDueOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ObservationsOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Observations = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: true),
                    DecisionMeetingOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    DecisionNotifiedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    DecisionNotificationDueOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    DecisionNotifiedLate = table.Column<bool>(type: "INTEGER", nullable: false),
                    Outcome = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    DecisionReason = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: true)
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
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    HabilitationId = table.Column<int>(type: "INTEGER", nullable: false),
                    OrganismId = table.Column<int>(type: "INTEGER", nullable: false),
                    Reference = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Source = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Level = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    ReceivedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    NotifiedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false)
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
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Description = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    Severity = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    AuditId = table.Column<int>(type: "INTEGER", nullable: false)
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
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    HabilitationId = table.Column<int>(type: "INTEGER", nullable: false),
                    OrganismId = table.Column<int>(type: "INTEGER", nullable: false),
                    AuditId = table.Column<int>(type: "INTEGER", nullable: true),
                    Suspends = table.Column<bool>(type: "INTEGER", nullable: false),
                    Stage = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    OpenedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ClosedOn = table.Column<DateOnly>(type: "TEXT", nullable: true)
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
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    Failings = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: false),
                    NotifiedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ComplianceUntil = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    WithdrawalOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    JustificationDueOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    JustifiedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Justification = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: true),
                    AnswerDueOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ConformityProcedureId = table.Column<int>(type: "INTEGER", nullable: false)
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
        }
    }
}

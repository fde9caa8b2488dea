using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Clea.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Evaluations : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "CandidateDataErasures",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    OrganismId = table.Column<int>(type: "INTEGER", nullable: false),
                    Certification = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    OrderedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    CandidatesErased = table.Column<int>(type: "INTEGER", nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CandidateDataErasures", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CandidateDataErasures_Organisms_OrganismId",
                        column: x => x.OrganismId,
                        principalTable: "Organisms",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Candidates",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Reference = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganismId = table.Column<int>(type: "INTEGER", nullable: false),
                    SiteId = table.Column<int>(type: "INTEGER", nullable: false),
                    Certification = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    RegisteredOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    HabilitationId = table.Column<int>(type: "INTEGER", nullable: false),
                    Funding = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    FirstName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    LastName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    BirthDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Email = table.Column<string>(type: "TEXT", maxLength: 254, nullable: true),
                    Phone = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    Accommodations = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    PersonalDataErasedOn = table.Column<DateOnly>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Candidates", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Candidates_Habilitations_HabilitationId",
                        column: x => x.HabilitationId,
                        principalTable: "Habilitations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Candidates_Organisms_OrganismId",
                        column: x => x.OrganismId,
                        principalTable: "Organisms",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_Candidates_Sites_SiteId",
                        column: x => x.SiteId,
                        principalTable: "Sites",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Evaluations",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CandidateId = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    HeldOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Modality = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    EvaluatorId = table.Column<int>(type: "INTEGER", nullable: false),
                    IdentityChecked = table.Column<bool>(type: "INTEGER", nullable: false),
                    AttendanceSigned = table.Column<bool>(type: "INTEGER", nullable: false),
                    FeasibilityChecked = table.Column<bool>(type: "INTEGER", nullable: false),
                    ReinforcedSupport = table.Column<bool>(type: "INTEGER", nullable: false),
                    SynchronousPhases = table.Column<bool>(type: "INTEGER", nullable: false),
                    ReferentialVersion = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    ReferentialContext = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Outcome = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    HabilitationId = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Evaluations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Evaluations_Candidates_CandidateId",
                        column: x => x.CandidateId,
                        principalTable: "Candidates",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_Evaluations_Habilitations_HabilitationId",
                        column: x => x.HabilitationId,
                        principalTable: "Habilitations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Evaluations_Intervenants_EvaluatorId",
                        column: x => x.EvaluatorId,
                        principalTable: "Intervenants",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "JuryDecisions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CandidateId = table.Column<int>(type: "INTEGER", nullable: false),
                    DecidedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Validated = table.Column<bool>(type: "INTEGER", nullable: false),
                    MinutesReference = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    HabilitationId = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_JuryDecisions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_JuryDecisions_Candidates_CandidateId",
                        column: x => x.CandidateId,
                        principalTable: "Candidates",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_JuryDecisions_Habilitations_HabilitationId",
                        column: x => x.HabilitationId,
                        principalTable: "Habilitations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "TrainingPaths",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CandidateId = table.Column<int>(type: "INTEGER", nullable: false),
                    StartedOn = table.Column<DateOnly>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TrainingPaths", x => x.Id);
                    table.ForeignKey(
                        name: "FK_TrainingPaths_Candidates_CandidateId",
                        column: x => x.CandidateId,
                        principalTable: "Candidates",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "BulkReceipts",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    OrganismId = table.Column<int>(type: "INTEGER", nullable: false),
                    ClientKey = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    ContentHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    CandidateId = table.Column<int>(type: "INTEGER", nullable: false),
                    EvaluationId = table.Column<int>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_BulkReceipts", x => x.Id);
                    table.ForeignKey(
                        name: "FK_BulkReceipts_Candidates_CandidateId",
                        column: x => x.CandidateId,
                        principalTable: "Candidates",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_BulkReceipts_Evaluations_EvaluationId",
                        column: x => x.EvaluationId,
                        principalTable: "Evaluations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_BulkReceipts_Organisms_OrganismId",
                        column: x => x.OrganismId,
                        principalTable: "Organisms",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "EvaluationResults",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    EvaluationId = table.Column<int>(type: "INTEGER", nullable: false),
                    DomainId = table.Column<int>(type: "INTEGER", nullable: false),
                    SubDomainId = table.Column<int>(type: "INTEGER", nullable: false),
                    Acquired = table.Column<bool>(type: "INTEGER", nullable: false),
                    EvaluatorId = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EvaluationResults", x => x.Id);
                    table.ForeignKey(
                        name: "FK_EvaluationResults_Evaluations_EvaluationId",
                        column: x => x.EvaluationId,
                        principalTable: "Evaluations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_EvaluationResults_Intervenants_EvaluatorId",
                        column: x => x.EvaluatorId,
                        principalTable: "Intervenants",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_EvaluationResults_ReferentialDomains_DomainId",
                        column: x => x.DomainId,
                        principalTable: "ReferentialDomains",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_EvaluationResults_SubDomains_SubDomainId",
                        column: x => x.SubDomainId,
                        principalTable: "SubDomains",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "CandidateAppeals",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CandidateId = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    FiledOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    JuryDecisionId = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CandidateAppeals", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CandidateAppeals_Candidates_CandidateId",
                        column: x => x.CandidateId,
                        principalTable: "Candidates",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_CandidateAppeals_JuryDecisions_JuryDecisionId",
                        column: x => x.JuryDecisionId,
                        principalTable: "JuryDecisions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Certificates",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CandidateId = table.Column<int>(type: "INTEGER", nullable: false),
                    OrganismId = table.Column<int>(type: "INTEGER", nullable: false),
                    Certification = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Number = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    IssuedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Delivery = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    LastNameHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    JuryDecisionId = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Certificates", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Certificates_Candidates_CandidateId",
                        column: x => x.CandidateId,
                        principalTable: "Candidates",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_Certificates_JuryDecisions_JuryDecisionId",
                        column: x => x.JuryDecisionId,
                        principalTable: "JuryDecisions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Certificates_Organisms_OrganismId",
                        column: x => x.OrganismId,
                        principalTable: "Organisms",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "TrainingPathTrainers",
                columns: table => new
                {
                    TrainingPathId = table.Column<int>(type: "INTEGER", nullable: false),
                    IntervenantId = table.Column<int>(type: "INTEGER", nullable: false),
                    From = table.Column<DateOnly>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TrainingPathTrainers", x => new { x.TrainingPathId, x.IntervenantId });
                    table.ForeignKey(
                        name: "FK_TrainingPathTrainers_Intervenants_IntervenantId",
                        column: x => x.IntervenantId,
                        principalTable: "Intervenants",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_TrainingPathTrainers_TrainingPaths_TrainingPathId",
                        column: x => x.TrainingPathId,
                        principalTable: "TrainingPaths",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_BulkReceipts_CandidateId",
                table: "BulkReceipts",
                column: "CandidateId");

            migrationBuilder.CreateIndex(
                name: "IX_BulkReceipts_EvaluationId",
                table: "BulkReceipts",
                column: "EvaluationId");

            migrationBuilder.CreateIndex(
                name: "IX_BulkReceipts_OrganismId_ClientKey",
                table: "BulkReceipts",
                columns: new[] { "OrganismId", "ClientKey" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CandidateAppeals_CandidateId",
                table: "CandidateAppeals",
                column: "CandidateId");

            migrationBuilder.CreateIndex(
                name: "IX_CandidateAppeals_JuryDecisionId",
                table: "CandidateAppeals",
                column: "JuryDecisionId");

            migrationBuilder.CreateIndex(
                name: "IX_CandidateDataErasures_OrganismId",
                table: "CandidateDataErasures",
                column: "OrganismId");

            migrationBuilder.CreateIndex(
                name: "IX_Candidates_Certification_RegisteredOn",
                table: "Candidates",
                columns: new[] { "Certification", "RegisteredOn" });

            migrationBuilder.CreateIndex(
                name: "IX_Candidates_HabilitationId",
                table: "Candidates",
                column: "HabilitationId");

            migrationBuilder.CreateIndex(
                name: "IX_Candidates_OrganismId_Id",
                table: "Candidates",
                columns: new[] { "OrganismId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Candidates_Reference",
                table: "Candidates",
                column: "Reference",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Candidates_SiteId",
                table: "Candidates",
                column: "SiteId");

            migrationBuilder.CreateIndex(
                name: "IX_Certificates_CandidateId",
                table: "Certificates",
                column: "CandidateId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Certificates_Certification_IssuedOn",
                table: "Certificates",
                columns: new[] { "Certification", "IssuedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_Certificates_JuryDecisionId",
                table: "Certificates",
                column: "JuryDecisionId");

            migrationBuilder.CreateIndex(
                name: "IX_Certificates_Number",
                table: "Certificates",
                column: "Number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Certificates_OrganismId_IssuedOn",
                table: "Certificates",
                columns: new[] { "OrganismId", "IssuedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_EvaluationResults_DomainId",
                table: "EvaluationResults",
                column: "DomainId");

            migrationBuilder.CreateIndex(
                name: "IX_EvaluationResults_EvaluationId_SubDomainId",
                table: "EvaluationResults",
                columns: new[] { "EvaluationId", "SubDomainId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_EvaluationResults_EvaluatorId",
                table: "EvaluationResults",
                column: "EvaluatorId");

            migrationBuilder.CreateIndex(
                name: "IX_EvaluationResults_SubDomainId_Acquired",
                table: "EvaluationResults",
                columns: new[] { "SubDomainId", "Acquired" });

            migrationBuilder.CreateIndex(
                name: "IX_Evaluations_CandidateId_Kind",
                table: "Evaluations",
                columns: new[] { "CandidateId", "Kind" });

            migrationBuilder.CreateIndex(
                name: "IX_Evaluations_EvaluatorId",
                table: "Evaluations",
                column: "EvaluatorId");

            migrationBuilder.CreateIndex(
                name: "IX_Evaluations_HabilitationId",
                table: "Evaluations",
                column: "HabilitationId");

            migrationBuilder.CreateIndex(
                name: "IX_Evaluations_Kind_HeldOn",
                table: "Evaluations",
                columns: new[] { "Kind", "HeldOn" });

            migrationBuilder.CreateIndex(
                name: "IX_JuryDecisions_CandidateId_DecidedOn",
                table: "JuryDecisions",
                columns: new[] { "CandidateId", "DecidedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_JuryDecisions_HabilitationId",
                table: "JuryDecisions",
                column: "HabilitationId");

            migrationBuilder.CreateIndex(
                name: "IX_TrainingPathTrainers_IntervenantId",
                table: "TrainingPathTrainers",
                column: "IntervenantId");

            migrationBuilder.CreateIndex(
                name: "IX_TrainingPaths_CandidateId",
                table: "TrainingPaths",
                column: "CandidateId",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "BulkReceipts");

            migrationBuilder.DropTable(
                name: "CandidateAppeals");

            migrationBuilder.DropTable(
                name: "CandidateDataErasures");

            migrationBuilder.DropTable(
                name: "Certificates");

            migrationBuilder.DropTable(
                name: "EvaluationResults");

            migrationBuilder.DropTable(
                name: "TrainingPathTrainers");

            migrationBuilder.DropTable(
                name: "JuryDecisions");

            migrationBuilder.DropTable(
                name: "Evaluations");

            migrationBuilder.DropTable(
                name: "TrainingPaths");

            migrationBuilder.DropTable(
                name: "Candidates");
        }
    }
}

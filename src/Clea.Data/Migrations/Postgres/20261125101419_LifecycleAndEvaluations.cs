using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Clea.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class LifecycleAndEvaluations : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateOnly>(
                name: "QualiopiLostOn",
                table: "Organisms",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "RefusedOn",
                table: "Habilitations",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "RenunciationNoticeOn",
                table: "Habilitations",
                type: "date",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "ActivityDeclarations",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    HabilitationId = table.Column<int>(type: "integer", nullable: false),
                    DeclaredOn = table.Column<DateOnly>(type: "date", nullable: false),
                    PeriodFrom = table.Column<DateOnly>(type: "date", nullable: false),
                    PeriodTo = table.Column<DateOnly>(type: "date", nullable: false),
                    Registered = table.Column<int>(type: "integer", nullable: false),
                    PriorEvaluations = table.Column<int>(type: "integer", nullable: false),
                    FinalEvaluations = table.Column<int>(type: "integer", nullable: false),
                    Certified = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ActivityDeclarations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ActivityDeclarations_Habilitations_HabilitationId",
                        column: x => x.HabilitationId,
                        principalTable: "Habilitations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Campaigns",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Code = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    InstanceId = table.Column<int>(type: "integer", nullable: false),
                    Certification = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    OpensOn = table.Column<DateOnly>(type: "date", nullable: false),
                    ClosesOn = table.Column<DateOnly>(type: "date", nullable: false),
                    MeetingDates = table.Column<List<DateOnly>>(type: "date[]", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Campaigns", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Campaigns_Instances_InstanceId",
                        column: x => x.InstanceId,
                        principalTable: "Instances",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "CandidateDataErasures",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    OrganismId = table.Column<int>(type: "integer", nullable: false),
                    Certification = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    OrderedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    CandidatesErased = table.Column<int>(type: "integer", nullable: false),
                    Reason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true)
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
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Reference = table.Column<Guid>(type: "uuid", nullable: false),
                    OrganismId = table.Column<int>(type: "integer", nullable: false),
                    SiteId = table.Column<int>(type: "integer", nullable: false),
                    Certification = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    RegisteredOn = table.Column<DateOnly>(type: "date", nullable: false),
                    HabilitationId = table.Column<int>(type: "integer", nullable: false),
                    Funding = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    FirstName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    LastName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    BirthDate = table.Column<DateOnly>(type: "date", nullable: true),
                    Email = table.Column<string>(type: "character varying(254)", maxLength: 254, nullable: true),
                    Phone = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    Accommodations = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    PersonalDataErasedOn = table.Column<DateOnly>(type: "date", nullable: true)
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
                name: "FeeTariffs",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Kind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Certification = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    FromYear = table.Column<int>(type: "integer", nullable: false),
                    Amount = table.Column<decimal>(type: "numeric(10,2)", precision: 10, scale: 2, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FeeTariffs", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Invoices",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Number = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    OrganismId = table.Column<int>(type: "integer", nullable: false),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    Quarter = table.Column<int>(type: "integer", nullable: false),
                    IssuedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    DueOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Total = table.Column<decimal>(type: "numeric(12,2)", precision: 12, scale: 2, nullable: false),
                    PaidOn = table.Column<DateOnly>(type: "date", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Invoices", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Invoices_Organisms_OrganismId",
                        column: x => x.OrganismId,
                        principalTable: "Organisms",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SituationChanges",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    OrganismId = table.Column<int>(type: "integer", nullable: false),
                    Kind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    OccurredOn = table.Column<DateOnly>(type: "date", nullable: false),
                    DeclaredOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Description = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    Late = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SituationChanges", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SituationChanges_Organisms_OrganismId",
                        column: x => x.OrganismId,
                        principalTable: "Organisms",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Applications",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ReceiptNumber = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: false),
                    CampaignId = table.Column<int>(type: "integer", nullable: false),
                    InstanceId = table.Column<int>(type: "integer", nullable: false),
                    Certification = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Kind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Type = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Scope = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    FiledByOrganismId = table.Column<int>(type: "integer", nullable: false),
                    FiledOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Status = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Administrative = table.Column<string>(type: "text", nullable: false),
                    Technical = table.Column<string>(type: "text", nullable: false),
                    Opinion = table.Column<string>(type: "text", nullable: true),
                    HearingOn = table.Column<DateOnly>(type: "date", nullable: true),
                    ConvocationSentOn = table.Column<DateOnly>(type: "date", nullable: true),
                    Decision = table.Column<string>(type: "text", nullable: true),
                    Appeal = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Applications", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Applications_Campaigns_CampaignId",
                        column: x => x.CampaignId,
                        principalTable: "Campaigns",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_Applications_Instances_InstanceId",
                        column: x => x.InstanceId,
                        principalTable: "Instances",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_Applications_Organisms_FiledByOrganismId",
                        column: x => x.FiledByOrganismId,
                        principalTable: "Organisms",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Evaluations",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    CandidateId = table.Column<int>(type: "integer", nullable: false),
                    Kind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    HeldOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Modality = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    EvaluatorId = table.Column<int>(type: "integer", nullable: false),
                    IdentityChecked = table.Column<bool>(type: "boolean", nullable: false),
                    AttendanceSigned = table.Column<bool>(type: "boolean", nullable: false),
                    FeasibilityChecked = table.Column<bool>(type: "boolean", nullable: false),
                    ReinforcedSupport = table.Column<bool>(type: "boolean", nullable: false),
                    SynchronousPhases = table.Column<bool>(type: "boolean", nullable: false),
                    ReferentialVersion = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    ReferentialContext = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Outcome = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    HabilitationId = table.Column<int>(type: "integer", nullable: false)
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
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    CandidateId = table.Column<int>(type: "integer", nullable: false),
                    DecidedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Validated = table.Column<bool>(type: "boolean", nullable: false),
                    MinutesReference = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    HabilitationId = table.Column<int>(type: "integer", nullable: false)
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
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    CandidateId = table.Column<int>(type: "integer", nullable: false),
                    StartedOn = table.Column<DateOnly>(type: "date", nullable: false)
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
                name: "FeeLines",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    OrganismId = table.Column<int>(type: "integer", nullable: false),
                    Kind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Certification = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    AccruedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Amount = table.Column<decimal>(type: "numeric(10,2)", precision: 10, scale: 2, nullable: false),
                    SourceKey = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    InvoiceId = table.Column<int>(type: "integer", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FeeLines", x => x.Id);
                    table.ForeignKey(
                        name: "FK_FeeLines_Invoices_InvoiceId",
                        column: x => x.InvoiceId,
                        principalTable: "Invoices",
                        principalColumn: "Id");
                    table.ForeignKey(
                        name: "FK_FeeLines_Organisms_OrganismId",
                        column: x => x.OrganismId,
                        principalTable: "Organisms",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ApplicationCandidates",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    OrganismId = table.Column<int>(type: "integer", nullable: false),
                    HabilitationId = table.Column<int>(type: "integer", nullable: false),
                    ApplicationId = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ApplicationCandidates", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ApplicationCandidates_Applications_ApplicationId",
                        column: x => x.ApplicationId,
                        principalTable: "Applications",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ApplicationCandidates_Habilitations_HabilitationId",
                        column: x => x.HabilitationId,
                        principalTable: "Habilitations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ApplicationCandidates_Organisms_OrganismId",
                        column: x => x.OrganismId,
                        principalTable: "Organisms",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "InformationRequests",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    RequestedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Items = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    AnsweredOn = table.Column<DateOnly>(type: "date", nullable: true),
                    Answer = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    ApplicationId = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_InformationRequests", x => x.Id);
                    table.ForeignKey(
                        name: "FK_InformationRequests_Applications_ApplicationId",
                        column: x => x.ApplicationId,
                        principalTable: "Applications",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "LifecycleEvents",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    At = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    EffectiveOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Kind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    OrganismId = table.Column<int>(type: "integer", nullable: true),
                    HabilitationId = table.Column<int>(type: "integer", nullable: true),
                    ApplicationId = table.Column<int>(type: "integer", nullable: true),
                    Reference = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    Reason = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    IsPublic = table.Column<bool>(type: "boolean", nullable: false),
                    ActorSubject = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ActorName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ActorRole = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LifecycleEvents", x => x.Id);
                    table.ForeignKey(
                        name: "FK_LifecycleEvents_Applications_ApplicationId",
                        column: x => x.ApplicationId,
                        principalTable: "Applications",
                        principalColumn: "Id");
                    table.ForeignKey(
                        name: "FK_LifecycleEvents_Habilitations_HabilitationId",
                        column: x => x.HabilitationId,
                        principalTable: "Habilitations",
                        principalColumn: "Id");
                    table.ForeignKey(
                        name: "FK_LifecycleEvents_Organisms_OrganismId",
                        column: x => x.OrganismId,
                        principalTable: "Organisms",
                        principalColumn: "Id");
                });

            migrationBuilder.CreateTable(
                name: "BulkReceipts",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    OrganismId = table.Column<int>(type: "integer", nullable: false),
                    ClientKey = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    ContentHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Kind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    CandidateId = table.Column<int>(type: "integer", nullable: false),
                    EvaluationId = table.Column<int>(type: "integer", nullable: true)
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
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    EvaluationId = table.Column<int>(type: "integer", nullable: false),
                    DomainId = table.Column<int>(type: "integer", nullable: false),
                    SubDomainId = table.Column<int>(type: "integer", nullable: false),
                    Acquired = table.Column<bool>(type: "boolean", nullable: false),
                    EvaluatorId = table.Column<int>(type: "integer", nullable: false)
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
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    CandidateId = table.Column<int>(type: "integer", nullable: false),
                    Kind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    FiledOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Reason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    JuryDecisionId = table.Column<int>(type: "integer", nullable: false)
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
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    CandidateId = table.Column<int>(type: "integer", nullable: false),
                    OrganismId = table.Column<int>(type: "integer", nullable: false),
                    Certification = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Number = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    IssuedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Delivery = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    LastNameHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    JuryDecisionId = table.Column<int>(type: "integer", nullable: false)
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
                    TrainingPathId = table.Column<int>(type: "integer", nullable: false),
                    IntervenantId = table.Column<int>(type: "integer", nullable: false),
                    From = table.Column<DateOnly>(type: "date", nullable: false)
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
                name: "IX_ActivityDeclarations_HabilitationId",
                table: "ActivityDeclarations",
                column: "HabilitationId");

            migrationBuilder.CreateIndex(
                name: "IX_ApplicationCandidates_ApplicationId",
                table: "ApplicationCandidates",
                column: "ApplicationId");

            migrationBuilder.CreateIndex(
                name: "IX_ApplicationCandidates_HabilitationId",
                table: "ApplicationCandidates",
                column: "HabilitationId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ApplicationCandidates_OrganismId",
                table: "ApplicationCandidates",
                column: "OrganismId");

            migrationBuilder.CreateIndex(
                name: "IX_Applications_CampaignId",
                table: "Applications",
                column: "CampaignId");

            migrationBuilder.CreateIndex(
                name: "IX_Applications_FiledByOrganismId_Id",
                table: "Applications",
                columns: new[] { "FiledByOrganismId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Applications_InstanceId_Id",
                table: "Applications",
                columns: new[] { "InstanceId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Applications_ReceiptNumber",
                table: "Applications",
                column: "ReceiptNumber",
                unique: true);

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
                name: "IX_Campaigns_Code",
                table: "Campaigns",
                column: "Code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Campaigns_InstanceId_OpensOn",
                table: "Campaigns",
                columns: new[] { "InstanceId", "OpensOn" });

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
                name: "IX_Candidates_OrganismId_RegisteredOn",
                table: "Candidates",
                columns: new[] { "OrganismId", "RegisteredOn" });

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
                name: "IX_FeeLines_InvoiceId",
                table: "FeeLines",
                column: "InvoiceId");

            migrationBuilder.CreateIndex(
                name: "IX_FeeLines_OrganismId_AccruedOn",
                table: "FeeLines",
                columns: new[] { "OrganismId", "AccruedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_FeeLines_SourceKey",
                table: "FeeLines",
                column: "SourceKey",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_FeeTariffs_Kind_Certification_FromYear",
                table: "FeeTariffs",
                columns: new[] { "Kind", "Certification", "FromYear" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_InformationRequests_ApplicationId",
                table: "InformationRequests",
                column: "ApplicationId");

            migrationBuilder.CreateIndex(
                name: "IX_Invoices_Number",
                table: "Invoices",
                column: "Number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Invoices_OrganismId_Year_Quarter",
                table: "Invoices",
                columns: new[] { "OrganismId", "Year", "Quarter" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Invoices_PaidOn_DueOn",
                table: "Invoices",
                columns: new[] { "PaidOn", "DueOn" });

            migrationBuilder.CreateIndex(
                name: "IX_JuryDecisions_CandidateId_DecidedOn",
                table: "JuryDecisions",
                columns: new[] { "CandidateId", "DecidedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_JuryDecisions_HabilitationId",
                table: "JuryDecisions",
                column: "HabilitationId");

            migrationBuilder.CreateIndex(
                name: "IX_LifecycleEvents_ApplicationId",
                table: "LifecycleEvents",
                column: "ApplicationId");

            migrationBuilder.CreateIndex(
                name: "IX_LifecycleEvents_HabilitationId_Id",
                table: "LifecycleEvents",
                columns: new[] { "HabilitationId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_LifecycleEvents_IsPublic_Id",
                table: "LifecycleEvents",
                columns: new[] { "IsPublic", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_LifecycleEvents_OrganismId_Id",
                table: "LifecycleEvents",
                columns: new[] { "OrganismId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_SituationChanges_Late_Id",
                table: "SituationChanges",
                columns: new[] { "Late", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_SituationChanges_OrganismId_Id",
                table: "SituationChanges",
                columns: new[] { "OrganismId", "Id" });

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
                name: "ActivityDeclarations");

            migrationBuilder.DropTable(
                name: "ApplicationCandidates");

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
                name: "FeeLines");

            migrationBuilder.DropTable(
                name: "FeeTariffs");

            migrationBuilder.DropTable(
                name: "InformationRequests");

            migrationBuilder.DropTable(
                name: "LifecycleEvents");

            migrationBuilder.DropTable(
                name: "SituationChanges");

            migrationBuilder.DropTable(
                name: "TrainingPathTrainers");

            migrationBuilder.DropTable(
                name: "JuryDecisions");

            migrationBuilder.DropTable(
                name: "Evaluations");

            migrationBuilder.DropTable(
                name: "Invoices");

            migrationBuilder.DropTable(
                name: "Applications");

            migrationBuilder.DropTable(
                name: "TrainingPaths");

            migrationBuilder.DropTable(
                name: "Campaigns");

            migrationBuilder.DropTable(
                name: "Candidates");

            migrationBuilder.DropColumn(
                name: "QualiopiLostOn",
                table: "Organisms");

            migrationBuilder.DropColumn(
                name: "RefusedOn",
                table: "Habilitations");

            migrationBuilder.DropColumn(
                name: "RenunciationNoticeOn",
                table: "Habilitations");
        }
    }
}

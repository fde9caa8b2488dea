using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Clea.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class LifecycleFoundation : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "FeeLines",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    OrganismId = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Certification = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    AccruedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Amount = table.Column<decimal>(type: "TEXT", precision: 10, scale: 2, nullable: false),
                    SourceKey = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    InvoiceId = table.Column<int>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FeeLines", x => x.Id);
                    table.ForeignKey(
                        name: "FK_FeeLines_Organisms_OrganismId",
                        column: x => x.OrganismId,
                        principalTable: "Organisms",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "FeeTariffs",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Certification = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    FromYear = table.Column<int>(type: "INTEGER", nullable: false),
                    Amount = table.Column<decimal>(type: "TEXT", precision: 10, scale: 2, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FeeTariffs", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "LifecycleEvents",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    At = table.Column<DateTime>(type: "TEXT", nullable: false),
                    EffectiveOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    OrganismId = table.Column<int>(type: "INTEGER", nullable: true),
                    HabilitationId = table.Column<int>(type: "INTEGER", nullable: true),
                    Reference = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    IsPublic = table.Column<bool>(type: "INTEGER", nullable: false),
                    ActorSubject = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ActorName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ActorRole = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LifecycleEvents", x => x.Id);
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
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "FeeLines");

            migrationBuilder.DropTable(
                name: "FeeTariffs");

            migrationBuilder.DropTable(
                name: "LifecycleEvents");
        }
    }
}

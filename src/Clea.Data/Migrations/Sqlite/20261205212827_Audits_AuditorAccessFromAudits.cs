using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Clea.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Audits_AuditorAccessFromAudits : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "UserAuditedOrganisms");

            migrationBuilder.DropIndex(
                name: "IX_EdofAlerts_OrganismId",
                table: "EdofAlerts");

            migrationBuilder.CreateIndex(
                name: "IX_EdofAlerts_OrganismId_Id",
                table: "EdofAlerts",
                columns: new[] { "OrganismId", "Id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_EdofAlerts_OrganismId_Id",
                table: "EdofAlerts");

            migrationBuilder.CreateTable(
                name: "UserAuditedOrganisms",
                columns: table => new
                {
                    UserId = table.Column<int>(type: "INTEGER", nullable: false),
                    Siren = table.Column<string>(type: "TEXT", maxLength: 9, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_UserAuditedOrganisms", x => new { x.UserId, x.Siren });
                    table.ForeignKey(
                        name: "FK_UserAuditedOrganisms_Users_UserId",
                        column: x => x.UserId,
                        principalTable: "Users",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_EdofAlerts_OrganismId",
                table: "EdofAlerts",
                column: "OrganismId");
        }
    }
}

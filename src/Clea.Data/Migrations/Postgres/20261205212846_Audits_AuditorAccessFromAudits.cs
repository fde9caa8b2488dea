using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Clea.Data.Migrations.Postgres
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

            migrationBuilder.AlterColumn<string>(
                name: "Kind",
                table: "Notifications",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "character varying(32)",
                oldMaxLength: 32,
                oldNullable: true);

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

            migrationBuilder.AlterColumn<string>(
                name: "Kind",
                table: "Notifications",
                type: "character varying(32)",
                maxLength: 32,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "character varying(64)",
                oldMaxLength: 64,
                oldNullable: true);

            migrationBuilder.CreateTable(
                name: "UserAuditedOrganisms",
                columns: table => new
                {
                    UserId = table.Column<int>(type: "integer", nullable: false),
                    Siren = table.Column<string>(type: "character varying(9)", maxLength: 9, nullable: false)
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

using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Clea.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class DashboardIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_Candidates_OrganismId_RegisteredOn",
                table: "Candidates",
                columns: new[] { "OrganismId", "RegisteredOn" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Candidates_OrganismId_RegisteredOn",
                table: "Candidates");
        }
    }
}

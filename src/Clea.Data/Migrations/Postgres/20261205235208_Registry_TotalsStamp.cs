using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Clea.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Registry_TotalsStamp : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateOnly>(
                name: "FirstDecidedFiledOn",
                table: "Organisms",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "FirstFiledOn",
                table: "Organisms",
                type: "date",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "RegistryStamps",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RegistryStamps", x => x.Id);
                });

            migrationBuilder.InsertData(
                table: "RegistryStamps",
                columns: new[] { "Id", "Version" },
                values: new object[] { 1, 0L });

            // The organisms' earliest filings, from their habilitations (then maintained by every save: RegistryChanges).
            migrationBuilder.Sql(Clea.Data.Registry.Organism.FirstFilingsSql);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "RegistryStamps");

            migrationBuilder.DropColumn(
                name: "FirstDecidedFiledOn",
                table: "Organisms");

            migrationBuilder.DropColumn(
                name: "FirstFiledOn",
                table: "Organisms");
        }
    }
}

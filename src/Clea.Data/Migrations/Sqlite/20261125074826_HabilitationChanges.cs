using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Clea.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class HabilitationChanges : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "HabilitationChanges",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    HabilitationId = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    EffectiveOn = table.Column<DateOnly>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_HabilitationChanges", x => x.Id);
                    table.ForeignKey(
                        name: "FK_HabilitationChanges_Habilitations_HabilitationId",
                        column: x => x.HabilitationId,
                        principalTable: "Habilitations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_HabilitationChanges_HabilitationId",
                table: "HabilitationChanges",
                column: "HabilitationId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "HabilitationChanges");
        }
    }
}

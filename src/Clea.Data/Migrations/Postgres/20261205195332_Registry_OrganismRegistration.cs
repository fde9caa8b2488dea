using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Clea.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Registry_OrganismRegistration : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "MergedIntoId",
                table: "Organisms",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "RegisteredAt",
                table: "Organisms",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "RegisteredBy",
                table: "Organisms",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "RegistrationSource",
                table: "Organisms",
                type: "character varying(32)",
                maxLength: 32,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "RegistrationStatus",
                table: "Organisms",
                type: "character varying(32)",
                maxLength: 32,
                nullable: false,
                defaultValue: "Registered");

            migrationBuilder.CreateIndex(
                name: "IX_Organisms_MergedIntoId",
                table: "Organisms",
                column: "MergedIntoId");

            migrationBuilder.CreateIndex(
                name: "IX_Organisms_RegistrationStatus_Id",
                table: "Organisms",
                columns: new[] { "RegistrationStatus", "Id" });

            migrationBuilder.AddForeignKey(
                name: "FK_Organisms_Organisms_MergedIntoId",
                table: "Organisms",
                column: "MergedIntoId",
                principalTable: "Organisms",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Organisms_Organisms_MergedIntoId",
                table: "Organisms");

            migrationBuilder.DropIndex(
                name: "IX_Organisms_MergedIntoId",
                table: "Organisms");

            migrationBuilder.DropIndex(
                name: "IX_Organisms_RegistrationStatus_Id",
                table: "Organisms");

            migrationBuilder.DropColumn(
                name: "MergedIntoId",
                table: "Organisms");

            migrationBuilder.DropColumn(
                name: "RegisteredAt",
                table: "Organisms");

            migrationBuilder.DropColumn(
                name: "RegisteredBy",
                table: "Organisms");

            migrationBuilder.DropColumn(
                name: "RegistrationSource",
                table: "Organisms");

            migrationBuilder.DropColumn(
                name: "RegistrationStatus",
                table: "Organisms");
        }
    }
}

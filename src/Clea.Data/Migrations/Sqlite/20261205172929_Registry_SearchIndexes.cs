using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Clea.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Registry_SearchIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // A region or département page finds its open sites by département (raw SQL: EF Core maps no index on
            // complex-type columns). SQLite has no trigram index: name search scans, which its volumes allow.
            migrationBuilder.Sql("CREATE INDEX \"IX_Sites_DepartmentCode_OrganismId\" ON \"Sites\" (\"DepartmentCode\", \"OrganismId\", \"OpenedOn\", \"ClosedOn\");");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP INDEX IF EXISTS \"IX_Sites_DepartmentCode_OrganismId\";");
        }
    }
}

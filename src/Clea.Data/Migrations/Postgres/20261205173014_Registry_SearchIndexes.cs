using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Clea.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Registry_SearchIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // National-volume registry (bench/README.md): accent-free search columns matched with LIKE '%word%' use trigram
            // indexes; a region or département page finds its open sites by département. Raw SQL: EF Core maps no index on
            // complex-type columns (Address), and trigram operator classes are PostgreSQL's own.
            migrationBuilder.Sql("CREATE EXTENSION IF NOT EXISTS pg_trgm;");
            migrationBuilder.Sql("CREATE INDEX \"IX_Organisms_NameSearch_trgm\" ON \"Organisms\" USING gin (\"NameSearch\" gin_trgm_ops);");
            migrationBuilder.Sql("CREATE INDEX \"IX_Sites_CitySearch_trgm\" ON \"Sites\" USING gin (\"CitySearch\" gin_trgm_ops);");
            migrationBuilder.Sql("CREATE INDEX \"IX_Sites_DepartmentCode_OrganismId\" ON \"Sites\" (\"DepartmentCode\", \"OrganismId\") INCLUDE (\"OpenedOn\", \"ClosedOn\");");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP INDEX IF EXISTS \"IX_Sites_DepartmentCode_OrganismId\";");
            migrationBuilder.Sql("DROP INDEX IF EXISTS \"IX_Sites_CitySearch_trgm\";");
            migrationBuilder.Sql("DROP INDEX IF EXISTS \"IX_Organisms_NameSearch_trgm\";");
        }
    }
}

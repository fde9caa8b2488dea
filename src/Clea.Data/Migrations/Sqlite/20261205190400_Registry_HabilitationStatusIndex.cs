using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Clea.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Registry_HabilitationStatusIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Region-page total: the status columns in the index (SQLite has no INCLUDE; the rowid is the Id), so
            // "has an habilitation for this certification in this status" is answered from the index alone.
            migrationBuilder.Sql("CREATE INDEX \"IX_Habilitations_Certification_OrganismId\" ON \"Habilitations\" (\"Certification\", \"OrganismId\", " +
                "\"Outcome\", \"FiledOn\", \"ValidFrom\", \"EndedOn\", \"PendingWithdrawalOn\", \"InitialUntil\", \"RenewedUntil\");");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP INDEX IF EXISTS \"IX_Habilitations_Certification_OrganismId\";");
        }
    }
}

using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Clea.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Registry_HabilitationStatusIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Region-page total (bench/README.md): "has an habilitation for this certification in this status" read the
            // status columns from the table (a seq scan of every habilitation); this index answers it index-only.
            // Raw SQL: the model is shared by both providers and INCLUDE is PostgreSQL's own.
            migrationBuilder.Sql("CREATE INDEX \"IX_Habilitations_Certification_OrganismId\" ON \"Habilitations\" (\"Certification\", \"OrganismId\") " +
                "INCLUDE (\"Id\", \"Outcome\", \"FiledOn\", \"ValidFrom\", \"EndedOn\", \"PendingWithdrawalOn\", \"InitialUntil\", \"RenewedUntil\");");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP INDEX IF EXISTS \"IX_Habilitations_Certification_OrganismId\";");
        }
    }
}

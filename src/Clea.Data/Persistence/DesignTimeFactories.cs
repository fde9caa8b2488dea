using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Clea.Data.Persistence;

/// <summary>Used by <c>dotnet ef migrations add … --context SqliteCleaDbContext</c>; never at run time.</summary>
internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteCleaDbContext>
{
    public SqliteCleaDbContext CreateDbContext(string[] args)
    {
        var builder = new DbContextOptionsBuilder<SqliteCleaDbContext>();
        DatabaseRegistration.ConfigureSqlite(builder, "Data Source=design.db");
        return new SqliteCleaDbContext(builder.Options);
    }
}

/// <summary>Used by <c>dotnet ef migrations add … --context PostgresCleaDbContext</c>; never at run time.</summary>
internal sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresCleaDbContext>
{
    public PostgresCleaDbContext CreateDbContext(string[] args)
    {
        var builder = new DbContextOptionsBuilder<PostgresCleaDbContext>();
        DatabaseRegistration.ConfigurePostgres(builder, "Host=localhost;Database=clea_design");
        return new PostgresCleaDbContext(builder.Options);
    }
}

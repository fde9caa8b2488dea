using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Clea.Graph.Common;

/// <summary>
/// Two requests racing to create the same unique thing (a receipt number, a bulk client key, a certificate) meet at a
/// unique index: the loser's transaction is rolled back, so it changed nothing and may simply retry.
/// </summary>
public static class ConcurrentChange
{
    public const string Code = "CONCURRENT_CHANGE";

    public static bool IsUniqueViolation(Exception exception) => exception is DbUpdateException
    {
        InnerException: SqliteException { SqliteExtendedErrorCode: 2067 or 1555 } or PostgresException { SqlState: PostgresErrorCodes.UniqueViolation },
    };
}

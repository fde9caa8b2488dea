using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Clea.Testing;

/// <summary>
/// Counts the SQL commands EF Core executes, to prove a request costs a constant number of statements, and the
/// connections it opens (one per request: no pool round trip and reset between statements).
/// </summary>
public sealed class SqlCounter : DbCommandInterceptor, IDbConnectionInterceptor
{
    private int _count;
    private int _connectionsOpened;
    private readonly List<string> _commands = [];

    public int Count => Volatile.Read(ref _count);

    public int ConnectionsOpened => Volatile.Read(ref _connectionsOpened);

    public IReadOnlyList<string> Commands
    {
        get { lock (_commands) return [.. _commands]; }
    }

    public void Reset()
    {
        Interlocked.Exchange(ref _count, 0);
        Interlocked.Exchange(ref _connectionsOpened, 0);
        lock (_commands) _commands.Clear();
    }

    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        Record(command);
        return result;
    }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        Record(command);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<object> ScalarExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<object> result)
    {
        Record(command);
        return result;
    }

    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<object> result, CancellationToken cancellationToken = default)
    {
        Record(command);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
    {
        Record(command);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Record(command);
        return ValueTask.FromResult(result);
    }

    public void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Interlocked.Increment(ref _connectionsOpened);

    public Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _connectionsOpened);
        return Task.CompletedTask;
    }

    private void Record(DbCommand command)
    {
        Interlocked.Increment(ref _count);
        lock (_commands) _commands.Add(command.CommandText);
    }
}

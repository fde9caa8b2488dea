using Clea.Data.Persistence;
using Npgsql;

namespace Clea.Graph.Hosting;

/// <summary>
/// Which node runs the sweep when several share one PostgreSQL database: the one holding a session-level advisory lock
/// (<c>pg_try_advisory_lock</c>) on a connection of its own, kept open while the node lives. If that node stops or loses
/// its connection the lock is released by the server and another node takes it at its next tick. SQLite means one node:
/// always the leader.
/// </summary>
public sealed class SweepLeadership(DatabaseProvider provider, string connectionString) : IAsyncDisposable
{
    /// <summary>Arbitrary but fixed: the same key on every node ("CLEASWEP" in ASCII).</summary>
    public const long LockKey = 0x434C_4541_5357_4550;

    private readonly SemaphoreSlim _gate = new(1, 1);
    private NpgsqlConnection? _connection;

    public bool IsLeader { get; private set; }

    /// <summary>True when this node holds (or has just taken) the lock; false when another node holds it.</summary>
    public async Task<bool> TryHoldAsync(CancellationToken cancellationToken)
    {
        if (provider != DatabaseProvider.Postgres) return IsLeader = true;
        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (_connection is not null)
            {
                try
                {
                    // Still ours while the session lives: a cheap round trip proves the session does.
                    await using var ping = new NpgsqlCommand("SELECT 1", _connection);
                    await ping.ExecuteScalarAsync(cancellationToken);
                    return IsLeader = true;
                }
                catch (Exception e) when (e is NpgsqlException or InvalidOperationException)
                {
                    await ReleaseAsync();
                }
            }
            // Unpooled: a pooled connection would go back to the pool, lock and all, when closed.
            var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ToString());
            await connection.OpenAsync(cancellationToken);
            await using var command = new NpgsqlCommand("SELECT pg_try_advisory_lock(@key)", connection);
            command.Parameters.AddWithValue("key", LockKey);
            if (await command.ExecuteScalarAsync(cancellationToken) is true)
            {
                _connection = connection;
                return IsLeader = true;
            }
            await connection.DisposeAsync();
            return IsLeader = false;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Gives the lock up at once (a node stopping gracefully), so another node sweeps at its next tick.</summary>
    public async Task ReleaseAsync()
    {
        IsLeader = false;
        var connection = Interlocked.Exchange(ref _connection, null);
        // Closing the session releases its advisory locks.
        if (connection is not null) await connection.DisposeAsync();
    }

    public async ValueTask DisposeAsync() => await ReleaseAsync();
}

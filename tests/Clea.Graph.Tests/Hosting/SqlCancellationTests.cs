using System.Data.Common;
using System.Diagnostics;
using System.Net;
using Clea.Data.Persistence;
using Clea.Graph.Http;
using Clea.Graph.Tests.Support;
using Clea.Testing;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Clea.Graph.Tests.Hosting;

/// <summary>
/// Issue 15: the execution timeout cancels the SQL command that is running, through a real resolver (the registry
/// search). A test interceptor makes the search's statement slow on requests marked with <see cref="SlowSql.Header"/>:
/// on PostgreSQL the statement itself is prefixed with <c>pg_sleep(30)</c> (the server really works for 30 s unless the
/// command is cancelled, which <c>pg_stat_activity</c> shows); on SQLite, whose commands run in-process, the interceptor
/// waits on the token EF Core passes to the command and records that it was cancelled.
/// </summary>
public sealed class SqlCancellationTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(2);
    private const string Search = "{ organisms(first: 1, where: { anyStatus: true }) { nodes { siren } } }";

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task The_execution_timeout_cancels_the_running_SQL_command(DatabaseProvider provider)
    {
        var slow = new SlowSql();
        await using var api = await CleaApi.StartAsync(provider, demo: false,
            new Dictionary<string, string?> { ["GraphQL:ExecutionTimeout"] = Timeout.ToString() },
            services =>
            {
                services.AddHttpContextAccessor();
                services.AddSingleton<IInterceptor>(sp => slow.Attach(sp.GetRequiredService<IHttpContextAccessor>()));
            });
        // Unmarked requests are fast once warm (reference data loaded, query compiled); a cold first one may pass 2 s.
        for (var warm = 0; (await api.PostAsync(Search)).Status != HttpStatusCode.OK; warm++) Assert.True(warm < 5, "never warmed up");

        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql")
        {
            Content = new StringContent(System.Text.Json.JsonSerializer.Serialize(new { query = Search }), System.Text.Encoding.UTF8, "application/json"),
        };
        request.Headers.Add(SlowSql.Header, "1");
        request.Headers.Add("Accept", CleaApi.GraphQLMediaType);
        var clock = Stopwatch.StartNew();
        var answer = api.SendAsync(request);

        var connection = api.Services.GetRequiredService<IConfiguration>()["Database:ConnectionString"]!;
        if (provider == DatabaseProvider.Postgres)
        {
            // The statement is really running on the server…
            Assert.True(await WaitForAsync(async () => await SleepingBackendsAsync(connection) == 1, TimeSpan.FromSeconds(5)), "pg_sleep never ran");
        }

        var response = await answer;
        clock.Stop();
        Assert.Equal(HttpStatusCode.GatewayTimeout, response.Status);
        Assert.Equal([HttpErrors.ExecutionTimeout], response.ErrorCodes);
        // Answered at the timeout, not when the 30 s statement would have ended (margin for a loaded 2-core machine).
        Assert.InRange(clock.Elapsed, Timeout - TimeSpan.FromMilliseconds(100), Timeout + TimeSpan.FromSeconds(4));
        Assert.True(slow.Executed, "the slow statement never started");
        Assert.True(slow.TokenCancelled, "the command's cancellation token was never cancelled");
        Assert.True(slow.Cancelled, "EF Core did not report the command as cancelled");

        if (provider == DatabaseProvider.Postgres)
        {
            // …and once the 504 left, the server stopped it: no backend is still sleeping (the core is free).
            Assert.True(await WaitForAsync(async () => await SleepingBackendsAsync(connection) == 0, TimeSpan.FromSeconds(2)),
                "the statement kept running on the server after the timeout");
        }
    }

    private static async Task<long> SleepingBackendsAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ToString());
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT count(*) FROM pg_stat_activity WHERE state = 'active' AND query LIKE 'SELECT pg_sleep(30)%' AND pid <> pg_backend_pid()", connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private static async Task<bool> WaitForAsync(Func<Task<bool>> condition, TimeSpan within)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < within)
        {
            if (await condition()) return true;
            await Task.Delay(50);
        }
        return await condition();
    }

    /// <summary>Makes the registry search's statement slow on marked requests, and records how it ended.</summary>
    private sealed class SlowSql : DbCommandInterceptor
    {
        public const string Header = "X-Test-Slow-Sql";
        private IHttpContextAccessor? _http;

        public bool Executed { get; private set; }
        public bool TokenCancelled { get; private set; }
        public bool Cancelled { get; private set; }

        public SlowSql Attach(IHttpContextAccessor http)
        {
            _http = http;
            return this;
        }

        public override async ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
            InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            if (_http?.HttpContext?.Request.Headers.ContainsKey(Header) != true || !command.CommandText.Contains("\"Organisms\"", StringComparison.Ordinal))
                return result;
            Executed = true;
            cancellationToken.Register(() => TokenCancelled = true);
            if (command is NpgsqlCommand)
            {
                // The server works 30 s before the real statement: only a cancellation sent to the server stops it.
                command.CommandText = "SELECT pg_sleep(30);" + command.CommandText;
                return result;
            }
            // SQLite runs in-process: a 30 s wait that only the command's token can end.
            try
            {
                await Task.Delay(TimeSpan.FromSeconds(30), cancellationToken);
            }
            catch (OperationCanceledException)
            {
                Cancelled = true;
                throw;
            }
            return result;
        }

        public override Task CommandCanceledAsync(DbCommand command, CommandEndEventData eventData, CancellationToken cancellationToken = default)
        {
            Cancelled = true;
            return Task.CompletedTask;
        }
    }
}

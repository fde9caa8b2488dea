using System.Net.Sockets;
using GraphQL;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace Clea.Graph.Http;

/// <summary>
/// The 503 contract (README): a failure that will pass by itself (database restarting, connection refused or dropped,
/// pool exhausted, SQLite busy) answers 503 with <c>Retry-After</c> and code <c>SERVICE_UNAVAILABLE</c>, on
/// <c>/graphql</c> and on every other endpoint (<c>/connect/token</c>), so clients retry instead of giving up.
/// </summary>
public static class TransientFailures
{
    public const int RetryAfterSeconds = 5;

    public static bool IsTransient(Exception? exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case NpgsqlException { IsTransient: true }:
                case PostgresException { SqlState: "57P01" or "57P02" or "57P03" or "53300" }:
                case SocketException:
                case TimeoutException:
                case RetryLimitExceededException:
                case SqliteException { SqliteErrorCode: 5 or 6 }: // SQLITE_BUSY, SQLITE_LOCKED
                    return true;
                case NpgsqlException { InnerException: null } npgsql when npgsql.Message.Contains("connect", StringComparison.OrdinalIgnoreCase):
                    return true;
                case AggregateException aggregate when aggregate.InnerExceptions.Any(IsTransient):
                    return true;
            }
        }
        return false;
    }

    public static ExecutionError Error()
        => new("The database is unavailable for a moment; nothing was done. Retry after a few seconds.") { Code = HttpErrors.ServiceUnavailable };

    public static void SetRetryAfter(HttpResponse response)
        => response.Headers.RetryAfter = RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>
    /// Outermost middleware: a transient failure escaping any endpoint (the token endpoint reads the database through
    /// OpenIddict's stores) becomes 503 with an OAuth-style body, never a 500 with a stack trace; any other exception
    /// becomes a bare 500 with a code.
    /// </summary>
    public static IApplicationBuilder UseFailureAnswers(this IApplicationBuilder app) => app.Use(async (http, next) =>
    {
        try
        {
            await next(http);
        }
        catch (Exception e) when (!http.Response.HasStarted && !http.RequestAborted.IsCancellationRequested)
        {
            var transient = IsTransient(e);
            http.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(TransientFailures))
                .LogError(e, "Request {Path} failed ({Kind}).", http.Request.Path, transient ? "transient" : "unexpected");
            http.Response.Clear();
            http.Response.StatusCode = transient ? StatusCodes.Status503ServiceUnavailable : StatusCodes.Status500InternalServerError;
            if (transient) SetRetryAfter(http.Response);
            await http.Response.WriteAsJsonAsync(new
            {
                error = transient ? "temporarily_unavailable" : "server_error",
                error_description = transient ? "The database is unavailable for a moment. Retry after a few seconds." : "The server failed to answer.",
                code = transient ? HttpErrors.ServiceUnavailable : HttpErrors.InternalError,
            });
        }
    });
}

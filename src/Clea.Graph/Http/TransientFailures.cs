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
    /// Outermost middleware: a failure escaping any endpoint (the token endpoint reads the database through OpenIddict's
    /// stores) is classified by <see cref="HostFailure.Classify"/>, like on <c>/graphql</c>, and answered with an
    /// OAuth-style body: never a 500 with a stack trace.
    /// </summary>
    public static IApplicationBuilder UseFailureAnswers(this IApplicationBuilder app) => app.Use(async (http, next) =>
    {
        try
        {
            await next(http);
        }
        catch (Exception e) when (!http.Response.HasStarted && !http.RequestAborted.IsCancellationRequested)
        {
            var failure = HostFailure.Classify(e, timedOut: false);
            failure.Log(http, e);
            http.Response.Clear();
            failure.Apply(http.Response);
            await http.Response.WriteAsJsonAsync(new
            {
                error = failure.Code == HttpErrors.ServiceUnavailable ? "temporarily_unavailable" : "server_error",
                error_description = failure.Message,
                code = failure.Code,
            });
        }
    });
}

/// <summary>
/// The one classification of a failure the host answers for, shared by the GraphQL endpoint and the outermost
/// middleware so both give the same status and code: past the execution timeout → 504, transient (see
/// <see cref="TransientFailures.IsTransient"/>) → 503 with Retry-After, anything else → 500 without details.
/// </summary>
public sealed record HostFailure(int Status, string Code, string Message)
{
    public static HostFailure Classify(Exception exception, bool timedOut, TimeSpan? timeout = null)
    {
        if (timedOut || exception is TimeoutException && !TransientFailures.IsTransient(exception.InnerException))
            return new(StatusCodes.Status504GatewayTimeout, HttpErrors.ExecutionTimeout,
                $"The request ran longer than {(timeout ?? TimeSpan.Zero).TotalSeconds:0.#} s and was stopped: ask for less (smaller pages, fewer fields).");
        if (TransientFailures.IsTransient(exception))
            return new(StatusCodes.Status503ServiceUnavailable, HttpErrors.ServiceUnavailable, TransientFailures.Error().Message);
        return new(StatusCodes.Status500InternalServerError, HttpErrors.InternalError, "The server failed to answer this request.");
    }

    public void Apply(HttpResponse response)
    {
        response.StatusCode = Status;
        if (Code == HttpErrors.ServiceUnavailable) TransientFailures.SetRetryAfter(response);
    }

    /// <summary>Only a bug is logged as an error with its exception; expected outages and timeouts are warnings.</summary>
    public void Log(HttpContext http, Exception exception)
    {
        var logger = http.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger("Clea.Graph.Http");
        if (Code == HttpErrors.InternalError) logger.LogError(exception, "Request {Path} failed.", http.Request.Path);
        else logger.LogWarning(exception, "Request {Path} answered {Code}.", http.Request.Path, Code);
    }
}

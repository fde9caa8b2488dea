using Clea.Graph.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.Data.Sqlite;

namespace Clea.Graph.Tests.Http;

/// <summary>The one classification the GraphQL endpoint and the outermost middleware both answer with.</summary>
public class HostFailureTests
{
    [Fact]
    public void Past_the_execution_timeout_is_a_504_whatever_the_exception()
    {
        var failure = HostFailure.Classify(new InvalidOperationException("cancelled"), timedOut: true, TimeSpan.FromSeconds(10));
        Assert.Equal((StatusCodes.Status504GatewayTimeout, HttpErrors.ExecutionTimeout), (failure.Status, failure.Code));
        Assert.Contains("10 s", failure.Message);
    }

    [Fact]
    public void A_busy_database_is_a_503_with_retry_after()
    {
        var failure = HostFailure.Classify(new InvalidOperationException("wrapped", new SqliteException("busy", 5)), timedOut: false);
        Assert.Equal((StatusCodes.Status503ServiceUnavailable, HttpErrors.ServiceUnavailable), (failure.Status, failure.Code));
        var response = new DefaultHttpContext().Response;
        failure.Apply(response);
        Assert.Equal(TransientFailures.RetryAfterSeconds.ToString(), response.Headers.RetryAfter.ToString());
    }

    [Fact]
    public void A_bare_timeout_is_a_504_but_a_timeout_caused_by_a_lost_connection_is_a_503()
    {
        Assert.Equal(HttpErrors.ExecutionTimeout, HostFailure.Classify(new TimeoutException(), timedOut: false).Code);
        Assert.Equal(HttpErrors.ServiceUnavailable,
            HostFailure.Classify(new TimeoutException("pool", new System.Net.Sockets.SocketException()), timedOut: false).Code);
    }

    [Fact]
    public void Anything_else_is_a_500_that_tells_nothing_of_the_exception()
    {
        var failure = HostFailure.Classify(new NullReferenceException("secret detail"), timedOut: false);
        Assert.Equal((StatusCodes.Status500InternalServerError, HttpErrors.InternalError), (failure.Status, failure.Code));
        Assert.DoesNotContain("secret", failure.Message);
        var response = new DefaultHttpContext().Response;
        failure.Apply(response);
        Assert.False(response.Headers.ContainsKey("Retry-After"));
    }
}

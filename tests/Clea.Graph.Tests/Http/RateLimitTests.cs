using System.Net;
using Clea.Auth.Demo;
using Clea.Data.Persistence;
using Clea.Graph.Http;
using Clea.Graph.Tests.Support;
using Clea.Testing;

namespace Clea.Graph.Tests.Http;

public sealed class RateLimitTests
{
    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Anonymous_callers_are_limited_per_minute_while_an_integrator_keeps_its_higher_allowance(DatabaseProvider provider)
    {
        await using var api = await CleaApi.StartAsync(provider, demo: true, new Dictionary<string, string?>
        {
            ["RateLimits:AnonymousPerMinute"] = "3",
            ["RateLimits:UserPerMinute"] = "5",
            ["RateLimits:IntegratorPerMinute"] = "20",
        });
        // The token request is the anonymous caller's first request of the minute.
        var token = (await api.ClientCredentialsAsync(DemoAccounts.IntegratorClientId, DemoAccounts.IntegratorClientSecret)).AccessToken;
        Assert.NotNull(token);

        for (var i = 0; i < 2; i++) Assert.Equal(HttpStatusCode.OK, (await api.PostAsync("{ regions { code } }")).Status);
        var refused = await api.PostAsync("{ regions { code } }");
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.Status);
        Assert.Equal([RateLimits.RateLimited], refused.ErrorCodes);

        for (var i = 0; i < 10; i++)
            Assert.Equal(HttpStatusCode.OK, (await api.PostAsAsync(token!, "{ regions { code } }")).Status);
    }

    [Fact]
    public void Partitions_are_per_client_per_person_and_per_ip_with_their_own_allowance()
    {
        var limits = new RateLimitOptions { AnonymousPerMinute = 1, UserPerMinute = 2, IntegratorPerMinute = 3 };
        static System.Security.Claims.ClaimsPrincipal User(string role, string sub)
            => new(new System.Security.Claims.ClaimsIdentity([new("role", role), new("sub", sub)], "test"));
        Assert.Equal(("client:demo-integrator", 3), RateLimits.Partition(User("integrator", "demo-integrator"), "10.0.0.1", limits));
        Assert.Equal(("user:42", 2), RateLimits.Partition(User("organism", "42"), "10.0.0.1", limits));
        Assert.Equal(("ip:10.0.0.1", 1), RateLimits.Partition(new(new System.Security.Claims.ClaimsIdentity()), "10.0.0.1", limits));
    }
}

using Clea.Auth.Demo;
using Clea.Data;
using Clea.Data.Persistence;
using Clea.Graph.Hosting;
using Clea.Graph.Tests.Support;
using Clea.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;

namespace Clea.Graph.Tests.Hosting;

/// <summary>The background sweep when the host is told to run it, and the demo clock.</summary>
public sealed class SweepHostingTests
{
    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task The_hosted_sweep_runs_at_start_when_enabled_and_issues_the_previous_quarters_invoices(DatabaseProvider provider)
    {
        await using var api = await CleaApi.StartAsync(provider, settings: new Dictionary<string, string?> { ["Sweep:Enabled"] = "true", ["Sweep:Interval"] = "01:00:00" });
        var invoices = 0;
        for (var i = 0; i < 60 && invoices == 0; i++)
        {
            await Task.Delay(500);
            await using var scope = api.Services.CreateAsyncScope();
            invoices = await scope.ServiceProvider.GetRequiredService<CleaDbContext>().Invoices.CountAsync(x => x.Year == 2026 && x.Quarter == 3);
        }
        Assert.True(invoices > 0, "The background sweep issued no invoice for 2026 Q3.");
        var log = await api.AsAsync(DemoAccounts.Admin, "{ lifecycleEvents(kinds: [INVOICE_ISSUED], first: 1) { nodes { actorRole actorName } } }");
        Assert.Equal("system", log.Data.GetProperty("lifecycleEvents").GetProperty("nodes")[0].GetProperty("actorRole").GetString());
    }

    [Fact]
    public async Task The_sweep_is_off_in_the_test_host_unless_asked()
    {
        await using var api = await CleaApi.StartAsync(DatabaseProvider.Sqlite);
        await Task.Delay(1500);
        await using var scope = api.Services.CreateAsyncScope();
        Assert.Equal(0, await scope.ServiceProvider.GetRequiredService<CleaDbContext>().Invoices.CountAsync());
    }

    [Fact]
    public void Clock_Today_moves_the_legal_date_in_development_and_is_refused_elsewhere()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { [ConfiguredClock.Key] = "2029-11-15" }).Build();
        var clock = ConfiguredClock.From(configuration, new Environment("Development"));
        Assert.Equal(new DateOnly(2029, 11, 15), DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime));
        Assert.Throws<InvalidOperationException>(() => ConfiguredClock.From(configuration, new Environment("Production")));
        var bad = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { [ConfiguredClock.Key] = "15/11/2029" }).Build();
        Assert.Throws<InvalidOperationException>(() => ConfiguredClock.From(bad, new Environment("Development")));
        Assert.Same(TimeProvider.System, ConfiguredClock.From(new ConfigurationBuilder().Build(), new Environment("Production")));
    }

    private sealed class Environment(string name) : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = name;
        public string ApplicationName { get; set; } = "Clea.Graph";
        public string ContentRootPath { get; set; } = AppContext.BaseDirectory;
        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
    }
}

using Clea.Data.Persistence;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Clea.Graph.Tests.Support;

/// <summary>
/// The real host on a database a test manages itself (a dedicated server it stops, two nodes sharing one database),
/// in Development without demo data unless <c>settings</c> say otherwise; for the common case use <see cref="CleaApi"/>.
/// </summary>
public static class HostOn
{
    public static WebApplicationFactory<Program> Database(DatabaseProvider provider, string connectionString,
        IReadOnlyDictionary<string, string?>? settings = null, Action<IServiceCollection>? services = null)
    {
        var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(web =>
        {
            web.UseEnvironment("Development");
            web.UseSetting("Database:Provider", provider.ToString());
            web.UseSetting("Database:ConnectionString", connectionString);
            web.UseSetting("Seed:Demo", "false");
            web.UseSetting("Sweep:Enabled", "false");
            web.UseSetting("Mail:Enabled", "false");
            web.UseSetting("GraphQL:ExecutionTimeout", "00:02:00");
            foreach (var (key, value) in settings ?? new Dictionary<string, string?>()) web.UseSetting(key, value);
            if (services is not null) web.ConfigureTestServices(services);
        });
        factory.ClientOptions.BaseAddress = CleaApi.BaseAddress;
        return factory;
    }
}

using System.Net;
using Clea.Auth.Demo;
using Clea.Data.Persistence;
using Clea.Graph.Tests.Support;
using Clea.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Clea.Graph.Tests.Identity;

/// <summary>Hosts configured otherwise than the shared demo host: password grant off, production without keys.</summary>
public sealed class IdentityHostTests
{
    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task The_password_grant_is_unsupported_when_not_enabled(DatabaseProvider provider)
    {
        await using var api = await CleaApi.StartAsync(provider, demo: false,
            new Dictionary<string, string?> { ["Identity:AllowPasswordGrant"] = "false" });
        var token = await api.PasswordAsync(DemoAccounts.Admin, DemoAccounts.Password);
        Assert.Equal(HttpStatusCode.BadRequest, token.Status);
        Assert.Equal("unsupported_grant_type", token.Error);
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Production_refuses_to_start_without_keys_and_names_the_missing_settings(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(web =>
        {
            web.UseEnvironment("Production");
            web.UseSetting("Database:Provider", provider.ToString());
            web.UseSetting("Database:ConnectionString", database.ConnectionString);
        });
        var error = Assert.ThrowsAny<Exception>(() => factory.Services);
        var message = string.Join(" | ", Unwrap(error).Select(e => e.Message));
        Assert.Contains("Identity:Issuer", message);
        Assert.Contains("Identity:SigningCertificatePath", message);
        Assert.Contains("Identity:EncryptionCertificatePath", message);
        Assert.Contains("outside Development", message);
    }

    private static IEnumerable<Exception> Unwrap(Exception? e)
    {
        for (; e is not null; e = e.InnerException) yield return e;
    }
}

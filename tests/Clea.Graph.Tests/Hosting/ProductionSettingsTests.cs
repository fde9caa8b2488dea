using Clea.Graph.Hosting;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;

namespace Clea.Graph.Tests.Hosting;

public sealed class ProductionSettingsTests
{
    [Fact]
    public void Production_without_settings_fails_at_start_naming_every_missing_setting()
    {
        using var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(web => web.UseEnvironment("Production"));
        var error = Assert.ThrowsAny<Exception>(() => factory.Services);
        var message = (error as InvalidOperationException ?? error.InnerException)?.Message ?? error.Message;
        foreach (var key in new[] { "Database:ConnectionString", "Identity:Issuer", "Identity:SigningCertificatePath", "Identity:EncryptionCertificatePath", "Mail:From", "Mail:Smtp:Host" })
            Assert.Contains(key, message, StringComparison.Ordinal);
        Assert.Contains("Database__ConnectionString", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Complete_settings_leave_nothing_missing()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:ConnectionString"] = "Host=db;Database=clea",
            ["Identity:Issuer"] = "https://api.example.fr/",
            ["Identity:SigningCertificatePath"] = "/etc/clea/signing.pfx",
            ["Identity:EncryptionCertificatePath"] = "/etc/clea/encryption.pfx",
        }).Build();
        Assert.Empty(ProductionSettings.Missing(configuration));
    }
}

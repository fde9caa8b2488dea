using System.Diagnostics;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Clea.Data;
using Clea.Data.Persistence;
using Clea.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpenIddict.Abstractions;

namespace Clea.Graph.Tests.Hosting;

/// <summary>
/// Issue 15, finding 7: a production start never plants the demo or its known passwords; administration commands never
/// seed; the launch profile does not override an explicit environment.
/// </summary>
public sealed class ProductionStartTests
{
    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task A_production_host_on_an_empty_database_has_no_account_and_no_client(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        using var keys = new ProductionKeys();
        await using var factory = Production(database, keys);
        _ = factory.Services; // starts: migrations and reference data only

        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CleaDbContext>();
        Assert.Equal(0, await db.Users.CountAsync());
        Assert.Equal(0, await db.Organisms.CountAsync());
        var clients = scope.ServiceProvider.GetRequiredService<IOpenIddictApplicationManager>();
        Assert.Equal(0, await clients.CountAsync());
        Assert.True(await db.Regions.AnyAsync()); // reference data is there
    }

    [Fact]
    public async Task A_production_host_configured_for_the_demo_refuses_to_start()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        using var keys = new ProductionKeys();
        await using var factory = Production(database, keys, demo: true);
        var error = Assert.ThrowsAny<Exception>(() => factory.Services);
        Assert.Contains("Seed:Demo=true is refused", Flatten(error));
    }

    [Fact]
    public async Task An_administration_command_never_seeds_the_demo_even_in_Development()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var (exit, output) = await RunHostAsync(["users", "list"], new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Development",
            ["Seed__Demo"] = "true",
            ["Database__Provider"] = "Sqlite",
            ["Database__ConnectionString"] = database.ConnectionString,
            ["Sweep__Enabled"] = "false",
        });
        Assert.True(exit == 0, output);
        await using var db = database.NewContext();
        Assert.Equal(0, await db.Users.CountAsync());
        Assert.Equal(0, await db.Organisms.CountAsync());
    }

    [Fact]
    public void The_launch_profile_does_not_override_an_explicit_environment()
    {
        var profile = File.ReadAllText(Path.Combine(SourceRoot(), "src", "Clea.Graph", "Properties", "launchSettings.json"));
        // DOTNET_ENVIRONMENT yields to an explicit ASPNETCORE_ENVIRONMENT; ASPNETCORE_ENVIRONMENT in the profile would win.
        Assert.DoesNotContain("ASPNETCORE_ENVIRONMENT", profile);
        var identity = File.ReadAllText(Path.Combine(SourceRoot(), "docs", "identity.md"));
        Assert.DoesNotContain("dotnet run --project src/Clea.Graph -- ", identity);
    }

    private static WebApplicationFactory<Program> Production(TestDatabase database, ProductionKeys keys, bool demo = false)
        => new WebApplicationFactory<Program>().WithWebHostBuilder(web =>
        {
            web.UseEnvironment("Production");
            web.UseSetting("Database:Provider", database.Provider.ToString());
            web.UseSetting("Database:ConnectionString", database.ConnectionString);
            web.UseSetting("Sweep:Enabled", "false");
            web.UseSetting("Mail:Enabled", "false");
            if (demo) web.UseSetting("Seed:Demo", "true");
            web.UseSetting("Identity:Issuer", "https://clea.example");
            web.UseSetting("Identity:SigningCertificatePath", keys.Signing);
            web.UseSetting("Identity:EncryptionCertificatePath", keys.Encryption);
        });

    private static string Flatten(Exception? e)
    {
        var messages = new List<string>();
        for (; e is not null; e = e.InnerException) messages.Add(e.Message);
        return string.Join(" | ", messages);
    }

    internal static string SourceRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "CleaGraph.sln"))) directory = directory.Parent;
        return directory?.FullName ?? throw new InvalidOperationException("CleaGraph.sln not found above the test binaries.");
    }

    /// <summary>Runs the built host (Clea.Graph.dll beside the tests) as a process, as <c>dotnet run</c> would.</summary>
    private static async Task<(int Exit, string Output)> RunHostAsync(IReadOnlyList<string> arguments, IReadOnlyDictionary<string, string> environment)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Clea.Graph.dll"));
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        foreach (var (key, value) in environment) start.Environment[key] = value;
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output + await error);
    }

    /// <summary>Self-signed signing and encryption certificates in a temporary folder.</summary>
    private sealed class ProductionKeys : IDisposable
    {
        private readonly string _folder = Directory.CreateTempSubdirectory("clea-keys-").FullName;

        public ProductionKeys()
        {
            Signing = Write("signing", X509KeyUsageFlags.DigitalSignature);
            Encryption = Write("encryption", X509KeyUsageFlags.KeyEncipherment);
        }

        public string Signing { get; }
        public string Encryption { get; }

        private string Write(string name, X509KeyUsageFlags usage)
        {
            using var key = RSA.Create(2048);
            var request = new CertificateRequest($"CN=CleaGraph {name}", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
            request.CertificateExtensions.Add(new X509KeyUsageExtension(usage, critical: true));
            using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
            var path = Path.Combine(_folder, name + ".pfx");
            File.WriteAllBytes(path, certificate.Export(X509ContentType.Pfx));
            return path;
        }

        public void Dispose() => Directory.Delete(_folder, recursive: true);
    }
}

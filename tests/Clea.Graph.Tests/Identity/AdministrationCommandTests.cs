using System.Net;
using Clea.Auth.Administration;
using Clea.Data.Persistence;
using Clea.Graph.Tests.Support;
using Clea.Testing;

namespace Clea.Graph.Tests.Identity;

/// <summary>The <c>users</c> and <c>clients</c> commands, run in-process against the host's services.</summary>
public sealed class AdministrationCommandTests
{
    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Users_and_clients_are_added_listed_and_can_sign_in(DatabaseProvider provider)
    {
        await using var api = await CleaApi.StartAsync(provider, demo: false);

        var (code, output, error) = await Run(api, "clients", "add", "--id", "edof", "--secret", "edof-secret-0123456789", "--name", "EDOF");
        Assert.True(code == 0, error);
        Assert.Contains("edof", output);
        (code, output, _) = await Run(api, "users", "add", "--email", "Marie@Organisme.fr", "--password", "Str0ng-pass", "--role", "organism",
            "--siren", "732 829 320", "--name", "Marie Curie");
        Assert.Equal(0, code);
        Assert.Contains("marie@organisme.fr", output);
        // An auditor needs no SIREN: what they read follows the audits an Instance assigns them.
        (code, _, _) = await Run(api, "users", "add", "--email", "audit@cert.fr", "--password", "Str0ng-pass", "--role", "auditor");
        Assert.Equal(0, code);

        (code, output, _) = await Run(api, "users", "list");
        Assert.Equal(0, code);
        Assert.Contains("marie@organisme.fr\torganism\t732829320\tMarie Curie", output);
        Assert.Contains("audit@cert.fr\tauditor\t\taudit@cert.fr", output);
        (code, output, _) = await Run(api, "clients", "list");
        Assert.Equal(0, code);
        Assert.Contains("edof\tconfidential\tclient_credentials\tEDOF", output);

        var token = await api.ClientCredentialsAsync("edof", "edof-secret-0123456789");
        Assert.True(token.Status == HttpStatusCode.OK, token.Body);
        Assert.Equal(["integrator"], Jwt.Values(Jwt.Payload(token.AccessToken!), "role"));
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Bad_input_exits_with_1_and_says_why(DatabaseProvider provider)
    {
        await using var api = await CleaApi.StartAsync(provider, demo: false);
        await Run(api, "users", "add", "--email", "a@b.fr", "--password", "Str0ng-pass", "--role", "admin");

        (string[] Args, string Expected)[] cases =
        [
            (["users", "add", "--email", "x@y.fr", "--password", "Str0ng-pass", "--role", "organism", "--siren", "123456789"], "INVALID_SIREN"),
            (["users", "add", "--email", "x@y.fr", "--password", "Str0ng-pass", "--role", "organism"], "ORGANISM_REQUIRED"),
            (["users", "add", "--email", "x@y.fr", "--password", "Str0ng-pass", "--role", "instance", "--instance", "NOPE"], "UNKNOWN_INSTANCE"),
            (["users", "add", "--email", "A@B.fr", "--password", "Str0ng-pass", "--role", "admin"], "EMAIL_ALREADY_USED"),
            (["users", "add", "--email", "x@y.fr", "--password", "short", "--role", "admin"], "PASSWORD_TOO_SHORT"),
            (["users", "add", "--email", "x@y.fr", "--password", "Str0ng-pass", "--role", "integrator"], "Unknown role"),
            (["users", "add", "--email", "x@y.fr", "--role", "admin"], "Missing --password"),
            (["users", "remove"], "Unknown command"),
            (["users", "add", "--email", "x@y.fr", "--password", "Str0ng-pass", "--role", "auditor", "--audit-siren", "900000043"], "Unexpected argument '--audit-siren'"),
            (["users", "add", "--email", "x@y.fr", "--password", "Str0ng-pass", "--role", "auditor", "--siren", "732829320"], "SCOPE_NOT_ALLOWED"),
            (["clients", "add", "--id", "c", "--secret", "short"], "CLIENT_SECRET_TOO_SHORT"),
            (["clients", "add", "--id", "c", "--secret"], "needs a value"),
        ];
        foreach (var (args, expected) in cases)
        {
            var (code, _, error) = await Run(api, args);
            Assert.True(code == 1, string.Join(' ', args));
            Assert.Contains(expected, error);
        }
        var (_, list, _) = await Run(api, "users", "list");
        Assert.Equal("a@b.fr\tadmin\t\ta@b.fr", list.Trim());
    }

    private static async Task<(int Code, string Output, string Error)> Run(CleaApi api, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await AdminCommandLine.RunAsync(api.Services, args, output, error);
        return (code, output.ToString(), error.ToString());
    }
}

using Clea.Auth.Clients;
using Clea.Auth.Users;
using Clea.Data.Common;
using Clea.Data.Registry;
using Microsoft.Extensions.DependencyInjection;

namespace Clea.Auth.Administration;

/// <summary>
/// The administration commands run by <c>dotnet run --project src/Clea.Graph -- users|clients add|list …</c> before the
/// web host would start: they print a result and return the process exit code (0 done, 1 refused or bad input).
/// </summary>
public static class AdminCommandLine
{
    public const string Usage = """
        Usage:
          users add --email EMAIL --password PASSWORD --role organism|organism-admin|instance|auditor|admin [--name NAME]
                    [--siren SIREN | --instance CODE | --audit-siren SIREN [--audit-siren SIREN …]]
          users list
          clients add --id CLIENT_ID --secret SECRET [--name NAME]     (an integrator: client credentials)
          clients list
          import-organisms FILE.csv                                    (organisms from the previous platform; see README)
        """;

    /// <summary>Whether the command line asks for an administration command rather than the web host.</summary>
    public static bool IsCommand(IReadOnlyList<string> args) => args.Count > 0 && args[0] is "users" or "clients" or "import-organisms";

    public static async Task<int> RunAsync(IServiceProvider services, IReadOnlyList<string> args, TextWriter output, TextWriter error,
        CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(args);
        if (args.Count < 2) return Fail(error, "Missing command.");
        if (args[0] == "import-organisms")
        {
            if (args.Count != 2) return Fail(error, "import-organisms takes one argument: the CSV file.");
            await using var importScope = services.CreateAsyncScope();
            return await OrganismImportCommand.RunAsync(importScope.ServiceProvider.GetRequiredService<OrganismImport>(), args[1], output, error, ct);
        }
        if (!TryParseOptions(args.Skip(2).ToList(), out var options, out var parseError)) return Fail(error, parseError!);

        await using var scope = services.CreateAsyncScope();
        var provider = scope.ServiceProvider;
        try
        {
            switch (args[0], args[1])
            {
                case ("users", "add"):
                    return await AddUserAsync(provider.GetRequiredService<UserAccounts>(), options, output, error, ct);
                case ("users", "list"):
                    foreach (var u in await provider.GetRequiredService<UserAccounts>().ListAsync(ct))
                    {
                        var scopeText = u.OrganismSiren?.Value ?? u.InstanceCode ?? string.Join(' ', u.AuditedOrganisms.Select(a => a.Siren.Value));
                        var state = u.RevokedAt is not null ? "\trevoked" : u.EmailConfirmationPending ? "\tunconfirmed" : "";
                        await output.WriteLineAsync($"{u.Email}\t{UserRoles.ToName(u.Role)}\t{scopeText}\t{u.DisplayName}{state}".TrimEnd());
                    }
                    return 0;
                case ("clients", "add"):
                    if (!Require(options, error, "id", "secret")) return 1;
                    await provider.GetRequiredService<ClientRegistrations>().CreateIntegratorAsync(
                        Single(options, "id")!, Single(options, "secret")!, Single(options, "name"), ct);
                    await output.WriteLineAsync($"Client {Single(options, "id")!.Trim()} created (integrator, client credentials).");
                    return 0;
                case ("clients", "list"):
                    foreach (var c in await provider.GetRequiredService<ClientRegistrations>().ListAsync(ct))
                        await output.WriteLineAsync($"{c.ClientId}\t{c.ClientType}\t{string.Join(',', c.GrantTypes)}\t{c.DisplayName}".TrimEnd());
                    return 0;
                default:
                    return Fail(error, $"Unknown command '{args[0]} {args[1]}'.");
            }
        }
        catch (DomainRuleException e)
        {
            await error.WriteLineAsync($"Refused ({e.Code}): {e.Message}");
            return 1;
        }
    }

    private static async Task<int> AddUserAsync(UserAccounts users, Dictionary<string, List<string>> options, TextWriter output,
        TextWriter error, CancellationToken ct)
    {
        if (!Require(options, error, "email", "password", "role")) return 1;
        if (!UserRoles.TryParse(Single(options, "role"), out var role))
            return Fail(error, $"Unknown role '{Single(options, "role")}': use organism, organism-admin, instance, auditor or admin (integrators are clients: 'clients add').");
        var email = Single(options, "email")!;
        var user = await users.CreateAsync(email, Single(options, "name") ?? email, Single(options, "password")!, role,
            Single(options, "siren"), Single(options, "instance"), options.GetValueOrDefault("audit-siren"), ct);
        await output.WriteLineAsync($"User {user.Email} created ({UserRoles.ToName(user.Role)}).");
        return 0;
    }

    private static readonly HashSet<string> Known = ["email", "password", "role", "name", "siren", "instance", "audit-siren", "id", "secret"];

    private static bool TryParseOptions(List<string> args, out Dictionary<string, List<string>> options, out string? error)
    {
        options = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        for (var i = 0; i < args.Count; i += 2)
        {
            var key = args[i].StartsWith("--", StringComparison.Ordinal) ? args[i][2..] : null;
            if (key is null || !Known.Contains(key))
            {
                error = $"Unexpected argument '{args[i]}'.";
                return false;
            }
            if (i + 1 >= args.Count)
            {
                error = $"Option --{key} needs a value.";
                return false;
            }
            if (!options.TryGetValue(key, out var values)) options[key] = values = [];
            if (values.Count > 0 && key != "audit-siren")
            {
                error = $"Option --{key} is given twice.";
                return false;
            }
            values.Add(args[i + 1]);
        }
        error = null;
        return true;
    }

    private static string? Single(Dictionary<string, List<string>> options, string key)
        => options.TryGetValue(key, out var values) ? values[0] : null;

    private static bool Require(Dictionary<string, List<string>> options, TextWriter error, params string[] keys)
    {
        var missing = keys.Where(k => !options.ContainsKey(k)).Select(k => "--" + k).ToList();
        if (missing.Count == 0) return true;
        Fail(error, $"Missing {string.Join(", ", missing)}.");
        return false;
    }

    private static int Fail(TextWriter error, string message)
    {
        error.WriteLine(message);
        error.WriteLine(Usage);
        return 1;
    }
}

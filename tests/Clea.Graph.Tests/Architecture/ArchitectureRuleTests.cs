using System.Reflection;
using System.Text.RegularExpressions;
using Clea.Data.Common;
using Clea.Graph.Common;
using Clea.Graph.Schema;
using Clea.Graph.Tests.Schema;
using GraphQL.Types;
using Microsoft.Extensions.DependencyInjection;

namespace Clea.Graph.Tests.Architecture;

/// <summary>The layering rules of docs/architecture.md, checked on the source and the built schema.</summary>
public sealed partial class ArchitectureRuleTests
{
    private static readonly string GraphSource = Path.Combine(SchemaFileTests.RepositoryRoot(), "src", "Clea.Graph");

    private static IEnumerable<(string Path, string Text)> GraphFiles()
        => Directory.EnumerateFiles(GraphSource, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Select(f => (Path.GetRelativePath(GraphSource, f).Replace('\\', '/'), File.ReadAllText(f)));

    [Fact]
    public void Only_the_caller_implementation_reads_claims()
    {
        string[] allowed = ["Identity/ClaimsCaller.cs"];
        var offenders = GraphFiles().Where(f => !allowed.Contains(f.Path) && ClaimReading().IsMatch(f.Text)).Select(f => f.Path).ToList();
        Assert.True(offenders.Count == 0, "Read the caller through ICurrentCaller, not claims: " + string.Join(", ", offenders));
    }

    [Fact]
    public void No_resolver_outside_Common_touches_the_DbContext_except_through_loaders()
    {
        // Loaders are the one way a resolver reads the database directly; use cases and queries live in Clea.Data.
        var offenders = new List<string>();
        foreach (var (path, text) in GraphFiles())
        {
            // Not resolvers: start-up wiring owns its database access. The health probe and the outbox's sender go through
            // Clea.Data (DatabaseReadiness, NotificationOutbox) like a resolver.
            if (path.StartsWith("Common/", StringComparison.Ordinal) || path.StartsWith("Hosting/", StringComparison.Ordinal)
                || path is "Program.cs" or "Privacy/PersonalDataAccessLog.cs") continue;
            foreach (var line in text.Split('\n').Where(l => l.Contains("CleaDbContext", StringComparison.Ordinal)))
                if (!LoaderDeclaration().IsMatch(line)) offenders.Add($"{path}: {line.Trim()}");
        }
        Assert.True(offenders.Count == 0, "Go through a use case or a loader: " + string.Join("; ", offenders));
    }

    [Fact]
    public void Node_resolves_every_type_that_implements_Node()
    {
        var services = new ServiceCollection().AddLogging().AddSingleton(TimeProvider.System);
        services.AddCleaGraph();
        using var provider = services.BuildServiceProvider();
        var schema = provider.GetRequiredService<ISchema>();
        schema.Initialize();
        var nodes = schema.AllTypes.OfType<IObjectGraphType>().Where(t => t.ResolvedInterfaces.Any(i => i.Name == "Node")).Select(t => t.Name).Order();
        Assert.Equal(nodes, NodeIds.RefetchableTypes.Order());
    }

    [Theory]
    [InlineData("Habilitation:12", 12)]
    [InlineData("Habilitation:1", 1)]
    public void Ids_of_the_right_type_parse(string raw, int key)
        => Assert.Equal(key, NodeIds.Parse(NodeIds.Habilitation, Encode(raw)));

    [Theory]
    [InlineData("Habilitation:-1")]
    [InlineData("Habilitation: 1")]
    [InlineData("Habilitation:+1")]
    [InlineData("Habilitation:012")]
    [InlineData("Habilitation:0")]
    [InlineData("Habilitation:99999999999")]
    [InlineData("Intervenant:12")]
    [InlineData("Habilitation")]
    public void Malformed_ids_and_ids_of_another_type_are_INVALID_ID(string raw)
        => Assert.Equal(GraphErrors.InvalidId, Assert.Throws<DomainRuleException>(() => NodeIds.Parse(NodeIds.Habilitation, Encode(raw))).Code);

    [Fact]
    public void Text_that_is_no_global_id_is_INVALID_ID()
        => Assert.Equal(GraphErrors.InvalidId, Assert.Throws<DomainRuleException>(() => NodeIds.Parse(NodeIds.Intervenant, "not-an-id")).Code);

    [Fact]
    public void The_README_error_table_lists_exactly_the_codes_the_code_defines()
    {
        var readme = File.ReadAllText(Path.Combine(SchemaFileTests.RepositoryRoot(), "README.md"));
        var section = readme[readme.IndexOf("### Error codes", StringComparison.Ordinal)..];
        section = section[..section.IndexOf("\n## ", StringComparison.Ordinal)];
        var documented = section.Split('\n').Where(l => l.StartsWith("| `", StringComparison.Ordinal))
            .SelectMany(l => CodeInBackticks().Matches(l.Split('|')[1]).Select(m => m.Groups[1].Value)).ToHashSet();
        // GraphQL.NET's own parse and validation codes, documented in one row.
        string[] library = ["SYNTAX_ERROR", "FIELDS_ON_CORRECT_TYPE", "ARGUMENTS_OF_CORRECT_TYPE", "INVALID_VALUE", "COMPLEXITY"];

        var defined = DefinedCodes().ToHashSet();
        Assert.Empty(defined.Except(documented).Order());
        Assert.Empty(documented.Except(defined).Except(library).Order());
    }

    /// <summary>Every API error code: the string constants of the error classes of Clea.Data and Clea.Graph.</summary>
    private static IEnumerable<string> DefinedCodes()
    {
        // UserErrors are the administration command line's (docs/identity.md), not the API's.
        Assembly[] assemblies = [typeof(DomainRuleException).Assembly, typeof(NodeIds).Assembly];
        return assemblies.SelectMany(a => a.GetTypes())
            .Where(t => (t.Name.EndsWith("Errors", StringComparison.Ordinal) && t.Name != "UserErrors") || t == typeof(ConcurrentChange)
                || t.Name == "RateLimits")
            .SelectMany(t => t.GetFields(BindingFlags.Public | BindingFlags.Static).Where(f => f.IsLiteral && f.FieldType == typeof(string)))
            .Select(f => (string)f.GetRawConstantValue()!)
            .Where(v => ErrorCode().IsMatch(v))
            // The account pages and declareOrganism answer these too (the rest of UserErrors is the command line's).
            .Concat(typeof(Clea.Auth.Users.PasswordErrors).GetFields(BindingFlags.Public | BindingFlags.Static).Select(f => (string)f.GetRawConstantValue()!))
            .Concat([Data.Users.UserErrors.ConfirmationLinkInvalid, Data.Users.UserErrors.ConfirmationLinkExpired, Data.Users.UserErrors.NotARegistrant,
                Data.Users.UserErrors.EmailAlreadyUsed, Clea.Auth.Server.SignUpThrottle.TooManySignUps])
            .Distinct();
    }

    private static string Encode(string raw) => System.Buffers.Text.Base64Url.EncodeToString(System.Text.Encoding.UTF8.GetBytes(raw));

    [GeneratedRegex(@"FindFirst|FindAll|HasClaim|CleaClaims\.|(?<!Security)\.Claims\b")]
    private static partial Regex ClaimReading();

    [GeneratedRegex(@"class \w+\(CleaDbContext db\) : Batch\w*Loader<")]
    private static partial Regex LoaderDeclaration();

    [GeneratedRegex(@"`([A-Z][A-Z0-9_]+)`")]
    private static partial Regex CodeInBackticks();

    [GeneratedRegex(@"^[A-Z][A-Z0-9]*(_[A-Z0-9]+)+$")]
    private static partial Regex ErrorCode();
}

using Clea.Graph.Schema;
using GraphQL;
using GraphQL.Types;
using GraphQL.Utilities;
using Microsoft.Extensions.DependencyInjection;

namespace Clea.Graph.Tests.Schema;

/// <summary>
/// schema.graphql at the repository root is the reviewed contract integrators code against: it must match the code.
/// Run the tests with UPDATE_SCHEMA=1 to rewrite it, then review the diff.
/// </summary>
public sealed class SchemaFileTests
{
    [Fact]
    public void The_checked_in_schema_file_matches_the_schema_the_code_builds()
    {
        var printed = PrintSchema();
        var path = Path.Combine(RepositoryRoot(), "schema.graphql");
        if (Environment.GetEnvironmentVariable("UPDATE_SCHEMA") == "1") File.WriteAllText(path, printed);

        Assert.True(File.Exists(path), "schema.graphql is missing: run the tests once with UPDATE_SCHEMA=1.");
        var committed = File.ReadAllText(path).ReplaceLineEndings("\n");
        Assert.True(committed == printed,
            "schema.graphql is stale: run `UPDATE_SCHEMA=1 dotnet test --filter SchemaFileTests` and review the diff.");
    }

    internal static string PrintSchema()
    {
        var services = new ServiceCollection().AddLogging().AddSingleton(TimeProvider.System);
        services.AddCleaGraph();
        using var provider = services.BuildServiceProvider();
        var schema = provider.GetRequiredService<ISchema>();
        schema.Initialize();
        return schema.Print(new PrintOptions { StringComparison = StringComparison.Ordinal }).ReplaceLineEndings("\n").TrimEnd() + "\n";
    }

    internal static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "CleaGraph.sln"))) directory = directory.Parent;
        return directory?.FullName ?? throw new InvalidOperationException("CleaGraph.sln not found above " + AppContext.BaseDirectory);
    }
}

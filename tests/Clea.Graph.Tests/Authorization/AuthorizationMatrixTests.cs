using System.Security.Claims;
using Clea.Auth.Policies;
using Clea.Graph.Authorization;
using Clea.Graph.Schema;
using GraphQL.Types;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.DependencyInjection;

namespace Clea.Graph.Tests.Authorization;

/// <summary>
/// Every field of the schema (read from the schema itself, so new fields are covered automatically) has a declared
/// expectation in <c>authorization-matrix.txt</c>: who may select it. This test computes, for each caller, what the
/// authorization rule decides and fails on any difference — and on any field without an expectation. Which object a
/// caller may see (its own organism, its Instance's field, its audits) is proven by the HTTP tests of each feature.
/// </summary>
public sealed class AuthorizationMatrixTests
{
    /// <summary>The callers of the matrix; "everyone" in the file means all of them.</summary>
    private static readonly IReadOnlyDictionary<string, ClaimsPrincipal> Callers = new Dictionary<string, ClaimsPrincipal>
    {
        ["anonymous"] = new(new ClaimsIdentity()),
        ["integrator"] = Principal(CleaRoles.Integrator),
        ["organism"] = Principal(CleaRoles.OrganismStaff, (CleaClaims.Siren, "900000019")),
        ["instance"] = Principal(CleaRoles.InstanceStaff, (CleaClaims.Instance, "CERTIF_PRO")),
        ["auditor"] = Principal(CleaRoles.Auditor, (CleaClaims.AuditedSiren, "900000043")),
        ["admin"] = Principal(CleaRoles.Administrator),
        ["registrant"] = Principal(CleaRoles.Registrant),
        ["orgadmin"] = Principal(CleaRoles.OrganismStaff, (CleaClaims.Siren, "900000019"), (CleaClaims.OrganismAdministrator, "true")),
    };

    private static ClaimsPrincipal Principal(string role, params (string Type, string Value)[] scope)
        => new(new ClaimsIdentity([new Claim(CleaClaims.Role, role), .. scope.Select(s => new Claim(s.Type, s.Value))], "test"));

    [Fact]
    public async Task Every_field_of_the_schema_is_allowed_exactly_to_the_callers_its_expectation_names()
    {
        var services = new ServiceCollection().AddLogging().AddSingleton(TimeProvider.System);
        services.AddCleaGraph();
        await using var provider = services.BuildServiceProvider();
        var schema = provider.GetRequiredService<ISchema>();
        schema.Initialize();
        var authorization = provider.GetRequiredService<IAuthorizationService>();

        var expected = ReadMatrix();
        var actual = new SortedDictionary<string, string>(StringComparer.Ordinal);
        // Input types carry no authorization: only what can be selected is checked.
        foreach (var type in schema.AllTypes.OfType<IComplexGraphType>().Where(t => t is IObjectGraphType or IInterfaceGraphType && !((IGraphType)t).Name.StartsWith("__", StringComparison.Ordinal)))
        {
            var isMutationRoot = ReferenceEquals(type, schema.Mutation);
            foreach (var field in type.Fields)
            {
                var allowed = new List<string>();
                foreach (var (caller, user) in Callers)
                {
                    var decision = await FieldAuthorizationRule.DecideAsync(field, isMutationRoot,
                        m => FieldAuthorizationRule.AllowsAsync(m, user, async p => (await authorization.AuthorizeAsync(user, p)).Succeeded));
                    if (decision == FieldAuthorizationRule.Decision.Allowed) allowed.Add(caller);
                }
                actual[$"{((IGraphType)type).Name}.{field.Name}"] = Describe(allowed);
            }
        }

        var missing = actual.Keys.Except(expected.Keys).ToList();
        var stale = expected.Keys.Except(actual.Keys).ToList();
        var wrong = actual.Where(a => expected.TryGetValue(a.Key, out var e) && e != a.Value)
            .Select(a => $"{a.Key}: expected '{expected[a.Key]}', the schema allows '{a.Value}'").ToList();
        Assert.True(missing.Count == 0 && stale.Count == 0 && wrong.Count == 0,
            "Authorization matrix mismatch.\n" +
            (missing.Count > 0 ? "Fields without an expectation (review, then add to authorization-matrix.txt):\n" + string.Join('\n', missing.Select(m => $"{m}: {actual[m]}")) + "\n" : "") +
            (stale.Count > 0 ? "Expectations for fields that no longer exist:\n" + string.Join('\n', stale) + "\n" : "") +
            (wrong.Count > 0 ? "Different decisions:\n" + string.Join('\n', wrong) : ""));
    }

    /// <summary>
    /// "everyone", "nobody" or the callers; an organism administrator is organism staff, so "organism" implies "orgadmin"
    /// (listed alone only where staff may not go, and "organism -orgadmin" would show an administrator refused what staff may do).
    /// </summary>
    private static string Describe(List<string> allowed)
    {
        if (allowed.Count == Callers.Count) return "everyone";
        if (allowed.Count == 0) return "nobody";
        if (allowed.Contains("organism") && !allowed.Remove("orgadmin")) allowed.Add("-orgadmin");
        return string.Join(' ', allowed);
    }

    [Fact]
    public void No_mutation_is_left_to_the_deny_by_default_rule_unnoticed()
    {
        // A mutation without a policy is denied to everyone; the matrix would say "nobody". Make it explicit here too.
        var matrix = ReadMatrix();
        Assert.DoesNotContain(matrix, m => m.Key.StartsWith("Mutation.", StringComparison.Ordinal) && m.Value == "nobody");
    }

    private static Dictionary<string, string> ReadMatrix()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Authorization", "authorization-matrix.txt");
        return File.ReadAllLines(path)
            .Select(l => l.Trim())
            .Where(l => l.Length > 0 && !l.StartsWith('#'))
            .Select(l => l.Split(':', 2))
            .ToDictionary(p => p[0].Trim(), p => string.Join(' ', p[1].Split(' ', StringSplitOptions.RemoveEmptyEntries)), StringComparer.Ordinal);
    }
}

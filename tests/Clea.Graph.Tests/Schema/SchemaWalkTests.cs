using System.Text;
using Clea.Auth.Demo;
using Clea.Data.Persistence;
using Clea.Data.Seeding;
using Clea.Graph.Tests.Support;
using Clea.Testing;
using GraphQL.Types;
using Microsoft.Extensions.DependencyInjection;

namespace Clea.Graph.Tests.Schema;

/// <summary>
/// The authorization matrix's twin for resolvers: for each caller, every query field it may select (per
/// <c>authorization-matrix.txt</c>) is selected with every nested field it may select, on the demo data, and no answer
/// may carry an internal error (a resolver that throws answers "Error trying to resolve field…" without a code we chose).
/// Then every field of every type must have been selected by at least one caller, except those listed in
/// <see cref="NotReachable"/> with the reason.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class SchemaWalkTests(ApiFixture fixture)
{
    /// <summary>Fields the walk cannot reach on the read-only demo data, and why.</summary>
    private static readonly Dictionary<string, string> NotReachable = new(StringComparer.Ordinal)
    {
        ["Query.node"] = "needs an id; Node types are walked through their lists",
        ["Query.application"] = "needs an id; Application is walked through applications",
        ["Query.candidate"] = "needs an id; Candidate is walked through candidates",
        ["Query.audit"] = "needs an id; Audit is walked through audits",
        ["Query.auditEvidence"] = "needs an audit id; its Candidate type is walked through candidates, the read by AuditorJourneyTests",
    };

    /// <summary>Callers of the matrix and the demo account that plays each.</summary>
    private static readonly (string Caller, string? Email, string Siren)[] Callers =
    [
        ("anonymous", null, DemoFixtures.ActiveQualiopi),
        ("integrator", "integrator", DemoFixtures.ActiveQualiopi),
        ("organism", DemoAccounts.Organism, DemoFixtures.ActiveQualiopi),
        ("instance", DemoAccounts.CertifPro, DemoFixtures.RichDashboard),
        ("auditor", DemoAccounts.Auditor, DemoFixtures.Suspended),
        ("admin", DemoAccounts.Admin, DemoFixtures.RichDashboard),
        // The demo organism's account administers it: walked only from the roots that need an organism administrator.
        ("orgadmin", DemoAccounts.Organism, DemoFixtures.ActiveQualiopi),
    ];

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Every_field_of_every_type_resolves_on_the_demo_data_for_a_caller_allowed_to_read_it(DatabaseProvider provider)
    {
        var api = await fixture.For(provider);
        var schema = api.Services.GetRequiredService<ISchema>();
        schema.Initialize();
        var matrix = ReadMatrix();
        var selected = new HashSet<string>(StringComparer.Ordinal);
        var failures = new List<string>();

        foreach (var (caller, email, siren) in Callers)
        {
            string? token = email switch
            {
                null => null,
                "integrator" => (await api.ClientCredentialsAsync(DemoAccounts.IntegratorClientId, DemoAccounts.IntegratorClientSecret)).AccessToken,
                _ => await api.TokenForAsync(email),
            };
            foreach (var root in schema.Query.Fields)
            {
                if (!Allowed(matrix, "Query", root.Name, caller) || NotReachable.ContainsKey($"Query.{root.Name}")) continue;
                if (caller == "orgadmin" && !matrix[$"Query.{root.Name}"].Split(' ').Contains(caller)) continue; // walked as "organism"
                // Deep selections may pass the complexity or depth limits: shallower ones are tried until one is accepted.
                for (var depth = 8; depth >= 1; depth--)
                {
                    var walk = new Walk(matrix, caller, siren);
                    var text = walk.Root(root, depth);
                    if (text is null) break;
                    var response = token is null ? await api.PostAsync(text) : await api.PostAsAsync(token, text);
                    if (response.ErrorCodes.Any(c => c is "COMPLEXITY" or "MAX_COMPLEXITY" or "MAX_DEPTH" or "DEPTH" || (c?.Contains("COMPLEXITY", StringComparison.Ordinal) ?? false)))
                        continue;
                    if ((int)response.Status >= 500)
                        failures.Add($"{caller} Query.{root.Name}: HTTP {(int)response.Status} {response.Body}");
                    foreach (var error in response.Errors)
                    {
                        var message = error.TryGetProperty("message", out var m) ? m.GetString() : null;
                        var code = error.TryGetProperty("extensions", out var x) && x.TryGetProperty("code", out var c) ? c.GetString() : null;
                        if (message?.StartsWith("Error trying to resolve", StringComparison.Ordinal) == true || code is null)
                            failures.Add($"{caller} Query.{root.Name}: {error}");
                    }
                    selected.UnionWith(walk.Selected);
                    break;
                }
            }
        }

        Assert.True(failures.Count == 0, "Internal errors:\n" + string.Join('\n', failures));
        var everyField = schema.AllTypes.OfType<IObjectGraphType>()
            .Where(t => !t.Name.StartsWith("__", StringComparison.Ordinal) && t != schema.Mutation && t != schema.Subscription)
            .SelectMany(t => t.Fields.Select(f => $"{t.Name}.{f.Name}"));
        var missed = everyField.Where(f => !selected.Contains(f) && !NotReachable.ContainsKey(f) && !OnlyFromMutations(schema, f)).Order(StringComparer.Ordinal).ToList();
        Assert.True(missed.Count == 0, "Fields no caller selected (reach them, or list them in NotReachable with the reason):\n" + string.Join('\n', missed));
    }

    /// <summary>Payload types that only mutations return are walked by each mutation's own tests.</summary>
    private static bool OnlyFromMutations(ISchema schema, string field)
    {
        var typeName = field[..field.IndexOf('.', StringComparison.Ordinal)];
        return !Reachable(schema).Contains(typeName);
    }

    private static HashSet<string>? _reachable;

    private static HashSet<string> Reachable(ISchema schema)
    {
        if (_reachable is not null) return _reachable;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var queue = new Queue<IGraphType>([schema.Query]);
        while (queue.Count > 0)
        {
            var type = queue.Dequeue();
            if (!seen.Add(type.Name)) continue;
            if (type is IComplexGraphType complex)
                foreach (var f in complex.Fields) queue.Enqueue(Unwrap(f.ResolvedType!));
            if (type is IInterfaceGraphType iface)
                foreach (var p in iface.PossibleTypes) queue.Enqueue(p);
            if (type is IAbstractGraphType { PossibleTypes: var possible })
                foreach (var p in possible) queue.Enqueue(p);
        }
        return _reachable = seen;
    }

    private static IGraphType Unwrap(IGraphType type) => type switch
    {
        NonNullGraphType n => Unwrap(n.ResolvedType!),
        ListGraphType l => Unwrap(l.ResolvedType!),
        _ => type,
    };

    private static bool Allowed(Dictionary<string, string> matrix, string type, string field, string caller)
        => matrix.TryGetValue($"{type}.{field}", out var who)
            && (who == "everyone" || who.Split(' ').Contains(caller) || (caller == "orgadmin" && who.Split(' ').Contains("organism")));

    private static Dictionary<string, string> ReadMatrix()
        => File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "Authorization", "authorization-matrix.txt"))
            .Select(l => l.Trim())
            .Where(l => l.Length > 0 && !l.StartsWith('#'))
            .Select(l => l.Split(':', 2))
            .ToDictionary(p => p[0].Trim(), p => string.Join(' ', p[1].Split(' ', StringSplitOptions.RemoveEmptyEntries)), StringComparer.Ordinal);

    /// <summary>Builds one query selecting everything a caller may select under one root field, down to a depth.</summary>
    private sealed class Walk(Dictionary<string, string> matrix, string caller, string siren)
    {
        public HashSet<string> Selected { get; } = new(StringComparer.Ordinal);

        public string? Root(FieldType root, int depth)
        {
            var args = Arguments(root);
            if (args is null) return null;
            var sb = new StringBuilder("query { ").Append(root.Name).Append(args);
            if (!Selection(sb, Unwrap(root.ResolvedType!), depth, [])) return null;
            Selected.Add($"Query.{root.Name}");
            return sb.Append(" }").ToString();
        }

        /// <summary>Appends the selection set of a type (nothing for leaves); false when nothing could be selected.</summary>
        private bool Selection(StringBuilder sb, IGraphType type, int depth, HashSet<string> path)
        {
            if (type is ScalarGraphType or EnumerationGraphType) return true;
            if (depth == 0) return false;
            sb.Append(" { __typename");
            if (type is IAbstractGraphType abstractType)
            {
                foreach (var possible in abstractType.PossibleTypes)
                {
                    var inner = new StringBuilder();
                    if (Fields(inner, possible, depth, path)) sb.Append(" ... on ").Append(possible.Name).Append(" {").Append(inner).Append(" }");
                }
            }
            else Fields(sb, (IComplexGraphType)type, depth, path);
            sb.Append(" }");
            return true;
        }

        private bool Fields(StringBuilder sb, IComplexGraphType type, int depth, HashSet<string> path)
        {
            var any = false;
            var name = ((IGraphType)type).Name;
            path = [.. path, name];
            foreach (var field in type.Fields)
            {
                if (!Allowed(matrix, name, field.Name, caller)) continue;
                var target = Unwrap(field.ResolvedType!);
                if (target is IComplexGraphType && path.Contains(target.Name) && !target.Name.EndsWith("Connection", StringComparison.Ordinal) && !target.Name.EndsWith("Edge", StringComparison.Ordinal)) continue;
                var args = Arguments(field);
                if (args is null) continue;
                var inner = new StringBuilder(" ").Append(field.Name).Append(args);
                // An edge's node is the same object as the connection's nodes: its leaves are enough (a cheaper query).
                var below = name.EndsWith("Edge", StringComparison.Ordinal) && field.Name == "node" ? Math.Min(depth - 1, 1) : depth - 1;
                if (!Selection(inner, target, below, path)) continue;
                sb.Append(inner);
                Selected.Add($"{name}.{field.Name}");
                any = true;
            }
            return any;
        }

        /// <summary>Literal arguments: the required ones from the demo fixtures, and small pages; null when one cannot be given.</summary>
        private string? Arguments(FieldType field)
        {
            var parts = new List<string>();
            foreach (var arg in field.Arguments ?? [])
            {
                var required = arg.ResolvedType is NonNullGraphType;
                string? value = arg.Name switch
                {
                    "first" when !required => "1",
                    "siren" => $"\"{siren}\"",
                    "siret" => $"\"{DemoFixtures.ClosedSiteSiret}\"",
                    "number" => $"\"{DemoFixtures.CertificateNumber}\"",
                    "lastName" => $"\"{DemoFixtures.CertificateHolderLastName}\"",
                    "certification" or "code" => "CLEA_NUMERIQUE",
                    "from" => "\"2024-01-01\"",
                    "to" => "\"2026-12-31\"",
                    "dueBefore" => "\"2030-12-31\"",
                    "requests" => $"[{{siren: \"{siren}\"}}]",
                    _ => null,
                };
                if (value is not null && (required || arg.Name is "first" or "siren" && field.Name is not "organisms")) parts.Add($"{arg.Name}: {value}");
                else if (required) return null;
            }
            return parts.Count == 0 ? "" : $"({string.Join(", ", parts)})";
        }
    }
}

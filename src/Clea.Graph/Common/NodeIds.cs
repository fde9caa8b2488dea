using System.Globalization;
using Clea.Data.Applications;
using Clea.Data.Common;
using Clea.Graph.Intervenants;
using Clea.Graph.Registry;
using GraphQL;

namespace Clea.Graph.Common;

/// <summary>
/// The one table of global ids: each type's name, how its key is written, and (for the types that implement
/// <c>Node</c>) how <c>node(id:)</c> loads it with the same access checks as its own field. Ids parse strictly: a
/// malformed id, or one of another type, answers <see cref="GraphErrors.InvalidId"/>; a well-formed id of nothing the
/// caller may see answers the type's own not-found code where an argument needs it (null from <c>node</c>).
/// </summary>
public static class NodeIds
{
    public const string Organism = "Organism";
    public const string Site = "Site";
    public const string Habilitation = "Habilitation";
    public const string Application = "Application";
    public const string Intervenant = "Intervenant";
    public const string Certification = "Certification";
    public const string Instance = "Instance";
    public const string Region = "Region";
    public const string Department = "Department";
    public const string Candidate = "Candidate";
    public const string Evaluation = "Evaluation";
    public const string Invoice = "Invoice";
    public const string LifecycleEvent = "LifecycleEvent";
    public const string SituationChange = "SituationChange";
    public const string Audit = "Audit";
    public const string ConformityProcedure = "ConformityProcedure";
    public const string EdofAlert = "EdofAlert";

    /// <summary>How <c>node(id:)</c> loads each refetchable type from its key (null when missing or not visible).</summary>
    private static readonly Dictionary<string, Func<IResolveFieldContext, string, Task<object?>>> Refetch = new(StringComparer.Ordinal)
    {
        // Organisms not public yet (no decided habilitation) are refetched only by callers whose scope covers them.
        [Organism] = (ctx, key) => Numeric(key, async n => await ctx.Service<OrganismByIdLoader>().Load(n).GetResultAsync() is Clea.Data.Registry.Organism o
            && await ctx.Service<Clea.Data.Registry.PublicRegistry>().SeesAsync(o, ctx.CancellationToken) ? o : null),
        [Site] = (ctx, key) => Numeric(key, async n => await ctx.Service<SiteByIdLoader>().Load(n).GetResultAsync() is Clea.Data.Registry.Site s
            && await ctx.Service<OrganismByIdLoader>().Load(s.OrganismId).GetResultAsync() is Clea.Data.Registry.Organism o
            && await ctx.Service<Clea.Data.Registry.PublicRegistry>().SeesAsync(o, ctx.CancellationToken) ? s : null),
        [Habilitation] = (ctx, key) => Numeric(key, async n => await ctx.Service<HabilitationByIdLoader>().Load(n).GetResultAsync() is Clea.Data.Habilitations.Habilitation h
            && await ctx.Service<Clea.Data.Habilitations.PendingApplications>().MaySeeAsync(h) ? h : null),
        [Application] = (ctx, key) => Numeric(key, async n => await ctx.Service<ApplicationFiles>().FindVisibleAsync(n, ctx.Caller(), ctx.CancellationToken)),
        [Intervenant] = (ctx, key) => Numeric(key, n => IntervenantAccess.VisibleAsync(ctx, n, "Query.node")),
        [Certification] = async (ctx, key) => (await ctx.Service<ReferenceData>().GetAsync()).Certifications.FirstOrDefault(c => c.Code.ToString() == key),
        [Instance] = async (ctx, key) => (await ctx.Service<ReferenceData>().GetAsync()).InstancesByCode.GetValueOrDefault(key),
        [Region] = async (ctx, key) => (await ctx.Service<ReferenceData>().GetAsync()).RegionsByCode.GetValueOrDefault(key),
        [Department] = async (ctx, key) => (await ctx.Service<ReferenceData>().GetAsync()).Departments.GetValueOrDefault(key),
    };

    /// <summary>The types <c>node(id:)</c> resolves: every type that implements <c>Node</c> (a test keeps them equal).</summary>
    public static IReadOnlyCollection<string> RefetchableTypes => Refetch.Keys;

    public static string Encode(string type, int key) => GlobalId.Encode(type, key.ToString(CultureInfo.InvariantCulture));

    public static string Encode(string type, string key) => GlobalId.Encode(type, key);

    /// <summary>The numeric key of an id of <paramref name="type"/>; anything else (another type, a sign, spaces, leading zeros) is malformed.</summary>
    public static int Parse(string type, string? id)
        => GlobalId.TryDecode(id, out var actual, out var key) && actual == type && TryParseKey(key, out var value)
            ? value
            : throw Malformed(type, id);

    public static DomainRuleException Malformed(string type, string? id)
        => new(GraphErrors.InvalidId, $"'{id}' is not {Article(type)} {type} id issued by this API.");

    /// <summary><c>node(id:)</c>: the object, or null when it does not exist or is not visible to the caller.</summary>
    public static async Task<object?> ResolveAsync(IResolveFieldContext ctx, string? id)
    {
        if (!GlobalId.TryDecode(id, out var type, out var key) || !Refetch.TryGetValue(type, out var load))
            throw new DomainRuleException(GraphErrors.InvalidId, $"'{id}' is not a global id issued by this API.");
        return await load(ctx, key);
    }

    /// <summary>Keys are the canonical decimal form of a positive int: "12", never "012", "+12", " 12" or "-1".</summary>
    private static bool TryParseKey(string key, out int value)
        => int.TryParse(key, NumberStyles.None, CultureInfo.InvariantCulture, out value) && value > 0
           && key == value.ToString(CultureInfo.InvariantCulture);

    private static Task<object?> Numeric(string key, Func<int, Task<object?>> load)
        => TryParseKey(key, out var n) ? load(n) : throw new DomainRuleException(GraphErrors.InvalidId, "This is not a global id issued by this API.");

    private static string Article(string type) => "AEIOU".Contains(type[0], StringComparison.Ordinal) ? "an" : "a";
}

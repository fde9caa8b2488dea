using Clea.Data.Common;
using Clea.Data.Habilitations;
using Clea.Data.Referentials;

namespace Clea.Data.Registry;

/// <summary>
/// The public registry's search criteria. Everything is applied in SQL. Site-based criteria (region, département,
/// postal code, city) look at the sites open on <see cref="On"/>; habilitation criteria (certification, Instance,
/// status) must hold for one and the same habilitation.
/// </summary>
public sealed record OrganismSearch
{
    public string? RegionCode { get; init; }
    public string? DepartmentCode { get; init; }
    /// <summary>A postal code or its beginning ("69" for the Rhône).</summary>
    public string? PostalCode { get; init; }
    public CertificationCode? Certification { get; init; }
    /// <summary>Status on <see cref="On"/>; null means any status (organisms with at least one habilitation file).</summary>
    public HabilitationStatus? Status { get; init; } = HabilitationStatus.Active;
    public string? InstanceCode { get; init; }
    public bool? Qualiopi { get; init; }
    /// <summary>Words that must each appear in the name or in the city of an open site (accents and case ignored).</summary>
    public string? Text { get; init; }
    public DateOnly On { get; init; }
    /// <summary>False for callers who may not see undecided applications (N/M §IV.5): PENDING files then never match.</summary>
    public bool IncludeUndecided { get; init; } = true;

    /// <summary>
    /// Bounds of <see cref="Text"/>: each word adds a predicate to the SQL expression, so an unbounded text would build an
    /// unbounded expression tree (a 2,000-word search overflowed EF Core's stack). Callers refuse longer input with a code;
    /// <see cref="Words"/> never yields more than <see cref="MaxWords"/> distinct words whatever it is given.
    /// </summary>
    public const int MaxTextLength = 200;
    public const int MaxWords = 10;

    /// <summary>The distinct normalized words of <see cref="Text"/>, at most <see cref="MaxWords"/>.</summary>
    public IReadOnlyList<string> Words
        => SearchText.Normalize(Text is { Length: > MaxTextLength } ? Text[..MaxTextLength] : Text)
            .Split(' ', StringSplitOptions.RemoveEmptyEntries).Distinct(StringComparer.Ordinal).Take(MaxWords).ToList();

    /// <summary>True when <paramref name="text"/> is within <see cref="MaxTextLength"/> and <see cref="MaxWords"/> words.</summary>
    public static bool IsWithinBounds(string? text)
        => text is null || (text.Length <= MaxTextLength
            && text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Length <= MaxWords);

    public IQueryable<Organism> Apply(IQueryable<Organism> organisms, IQueryable<Referentials.Department> departments)
    {
        var on = On;
        var query = organisms;
        if (Qualiopi is { } qualiopi) query = query.Where(o => o.Qualiopi == qualiopi);

        if (RegionCode is { } region)
        {
            var inRegion = departments.Where(d => d.RegionCode == region).Select(d => d.Code);
            var openInRegion = Site.OpenOn(on).And(s => inRegion.Contains(s.Address.DepartmentCode));
            query = query.Where(o => o.Sites.AsQueryable().Any(openInRegion));
        }
        if (DepartmentCode is { } department)
        {
            var openInDepartment = Site.OpenOn(on).And(s => s.Address.DepartmentCode == department);
            query = query.Where(o => o.Sites.AsQueryable().Any(openInDepartment));
        }
        if (!string.IsNullOrWhiteSpace(PostalCode))
        {
            var prefix = PostalCode.Trim();
            var openWithPostalCode = Site.OpenOn(on).And(s => s.Address.PostalCode.StartsWith(prefix));
            query = query.Where(o => o.Sites.AsQueryable().Any(openWithPostalCode));
        }
        foreach (var word in Words)
        {
            // An uncorrelated IN rather than EXISTS: PostgreSQL hashes the matching sites once (a trigram index finds
            // them), where a correlated EXISTS under OR may be re-run per organism — 2 s for a count at national volume.
            var inCity = organisms.SelectMany(o => o.Sites)
                .Where(Site.OpenOn(on).And(s => s.Address.CitySearch.Contains(word)))
                .Select(s => s.OrganismId);
            query = query.Where(o => o.NameSearch.Contains(word) || inCity.Contains(o.Id));
        }
        if (Status is null && Certification is null && InstanceCode is null)
        {
            // Any status, any certification: "a file filed by that day" (decided, for the public) is read on the organism's
            // row (maintained with the habilitations) instead of semi-joining every habilitation — 50 ms at national volume.
            return IncludeUndecided ? query.Where(o => o.FirstFiledOn <= on) : query.Where(o => o.FirstDecidedFiledOn <= on);
        }
        return query.Where(o => o.Habilitations.AsQueryable().Any(MatchingHabilitation()));
    }

    /// <summary>
    /// The search as a cache key: every criterion as the SQL applies it (trimmed postal code, the distinct normalized
    /// words in order, the day, whether undecided files count), so two searches with the same key match the same rows.
    /// </summary>
    public string CanonicalKey
        => System.Text.Json.JsonSerializer.Serialize(new object?[]
        {
            RegionCode, DepartmentCode, string.IsNullOrWhiteSpace(PostalCode) ? null : PostalCode.Trim(), Certification?.ToString(),
            Status?.ToString(), InstanceCode, Qualiopi, Words.Order(StringComparer.Ordinal).ToArray(), On.DayNumber, IncludeUndecided,
        });

    private System.Linq.Expressions.Expression<Func<Habilitation, bool>> MatchingHabilitation()
    {
        System.Linq.Expressions.Expression<Func<Habilitation, bool>> predicate = Status is { } status
            ? HabilitationStatusRules.HasStatusOn(status, On)
            : h => h.FiledOn <= On;
        if (!IncludeUndecided) predicate = predicate.And(h => h.Outcome != DecisionOutcome.Pending);
        if (Certification is { } certification) predicate = predicate.And(h => h.Certification == certification);
        if (InstanceCode is { } instance) predicate = predicate.And(h => h.Instance.Code == instance);
        return predicate;
    }
}

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
        foreach (var word in SearchText.Normalize(Text).Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var openInCity = Site.OpenOn(on).And(s => s.Address.CitySearch.Contains(word));
            query = query.Where(o => o.NameSearch.Contains(word) || o.Sites.AsQueryable().Any(openInCity));
        }
        return query.Where(o => o.Habilitations.AsQueryable().Any(MatchingHabilitation()));
    }

    private System.Linq.Expressions.Expression<Func<Habilitation, bool>> MatchingHabilitation()
    {
        System.Linq.Expressions.Expression<Func<Habilitation, bool>> predicate = Status is { } status
            ? HabilitationStatusRules.HasStatusOn(status, On)
            : h => h.FiledOn <= On;
        if (Certification is { } certification) predicate = predicate.And(h => h.Certification == certification);
        if (InstanceCode is { } instance) predicate = predicate.And(h => h.Instance.Code == instance);
        return predicate;
    }
}

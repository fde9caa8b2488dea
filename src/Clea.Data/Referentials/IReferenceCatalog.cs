using Clea.Data.Common;
using Clea.Data.Instances;

namespace Clea.Data.Referentials;

/// <summary>
/// Reference data (référentiels, regions, départements, Instances) as use cases need it: served from memory by the host,
/// so checking a code costs no SQL. The one place that refuses an unknown code.
/// </summary>
public interface IReferenceCatalog
{
    Task<Certification> CertificationAsync(CertificationCode code, CancellationToken ct = default);
    Task<Instance?> FindInstanceAsync(string code, CancellationToken ct = default);
    Task<bool> RegionExistsAsync(string code, CancellationToken ct = default);
    Task<bool> DepartmentExistsAsync(string code, CancellationToken ct = default);
}

public static class ReferenceCatalogChecks
{
    /// <summary>The codes of the sub-competences (sub-domains) of a certification's référentiel, in published order.</summary>
    public static async Task<IReadOnlyList<string>> SubCompetencesAsync(this IReferenceCatalog catalog, CertificationCode code, CancellationToken ct = default)
        => [.. (await catalog.CertificationAsync(code, ct)).Domains.SelectMany(d => d.SubDomains).Select(s => s.Code)];

    public static async Task RequireRegionAsync(this IReferenceCatalog catalog, string code, CancellationToken ct = default)
    {
        if (!await catalog.RegionExistsAsync(code, ct))
            throw new DomainRuleException(ReferentialErrors.UnknownRegion, $"No region has INSEE code '{code}': see `regions` for the 18 codes.");
    }

    public static async Task RequireDepartmentAsync(this IReferenceCatalog catalog, string code, CancellationToken ct = default)
    {
        if (!await catalog.DepartmentExistsAsync(code, ct))
            throw new DomainRuleException(ReferentialErrors.UnknownDepartment, $"No département has INSEE code '{code}'.");
    }

    public static async Task<Instance> RequireInstanceAsync(this IReferenceCatalog catalog, string code, CancellationToken ct = default)
        => await catalog.FindInstanceAsync(code, ct) ?? throw UnknownInstance(code);

    public static DomainRuleException UnknownInstance(string code)
        => new(ReferentialErrors.UnknownInstance, $"No Instance has code '{code}': see `instances`.");
}

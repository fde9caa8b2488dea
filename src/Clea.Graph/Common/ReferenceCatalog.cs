using Clea.Data.Instances;
using Clea.Data.Referentials;

namespace Clea.Graph.Common;

/// <summary>The use cases' view of <see cref="ReferenceData"/> (the in-memory snapshot).</summary>
public sealed class ReferenceCatalog(ReferenceData reference) : IReferenceCatalog
{
    public async Task<Certification> CertificationAsync(CertificationCode code, CancellationToken ct = default)
        => (await reference.GetAsync(ct)).Certifications.Single(c => c.Code == code);

    public async Task<Instance?> FindInstanceAsync(string code, CancellationToken ct = default)
        => (await reference.GetAsync(ct)).InstancesByCode.GetValueOrDefault(code);

    public async Task<bool> RegionExistsAsync(string code, CancellationToken ct = default)
        => (await reference.GetAsync(ct)).RegionsByCode.ContainsKey(code);

    public async Task<bool> DepartmentExistsAsync(string code, CancellationToken ct = default)
        => (await reference.GetAsync(ct)).Departments.ContainsKey(code);
}

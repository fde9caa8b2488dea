using Clea.Data.Common;
using Clea.Data.Referentials;
using Clea.Data.Registry;

namespace Clea.Data.Onboarding;

/// <summary>A head office's postal code → its département (<see cref="PostalCodeDepartment"/>), which must exist in the reference data (which gives the region).</summary>
public static class PostalCodes
{
    /// <summary>
    /// The département of a postal code; <see cref="RegistryErrors.InvalidPostalCode"/> when not 5 digits,
    /// <see cref="OnboardingErrors.UnknownPostalCode"/> when the reference data has no such département (e.g. 96xxx, 00xxx).
    /// </summary>
    public static async Task<string> DepartmentOfAsync(IReferenceCatalog reference, string? postalCode, CancellationToken ct)
    {
        var department = PostalCodeDepartment.Of(postalCode);
        if (!await reference.DepartmentExistsAsync(department, ct))
            throw new DomainRuleException(OnboardingErrors.UnknownPostalCode,
                $"'{postalCode}' is not the postal code of a French département known to the reference data (e.g. 69003, 20000, 97400).");
        return department;
    }
}

using Clea.Data.Common;
using Clea.Data.Referentials;

namespace Clea.Data.Onboarding;

/// <summary>French postal code → département (INSEE code), checked against the reference data (which gives the region).</summary>
public static class PostalCodes
{
    /// <summary>
    /// The département of a postal code: overseas (97x, 98x) by three digits, Corsica (20xxx) by its range (200–201
    /// Corse-du-Sud 2A, 202–206 Haute-Corse 2B), elsewhere by two digits. Refused with <see cref="OnboardingErrors.UnknownPostalCode"/>
    /// when the reference data has no such département.
    /// </summary>
    public static async Task<string> DepartmentOfAsync(IReferenceCatalog reference, string? postalCode, CancellationToken ct)
    {
        var code = (postalCode ?? string.Empty).Trim();
        var department = code.Length == 5 && code.All(char.IsAsciiDigit) ? Candidate(code) : null;
        if (department is null || !await reference.DepartmentExistsAsync(department, ct))
            throw new DomainRuleException(OnboardingErrors.UnknownPostalCode,
                $"'{postalCode}' is not the postal code of a French département known to the reference data (5 digits, e.g. 69003, 20000, 97400).");
        return department;
    }

    private static string? Candidate(string code) => code[..2] switch
    {
        "97" or "98" => code[..3],
        "20" => code[2] is '0' or '1' ? "2A" : "2B",
        "00" => null,
        var two => two,
    };
}

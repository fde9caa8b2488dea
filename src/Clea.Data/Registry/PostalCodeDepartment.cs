using Clea.Data.Common;

namespace Clea.Data.Registry;

/// <summary>
/// The département of a French postal code, for addresses given without one (the CSV import, corrections): the first two
/// digits, three for the overseas départements (971–976), and Corsica's 20xxx split at 20200 (2A below, 2B from it).
/// The caller still checks the code against the reference data (<c>IReferenceCatalog.RequireDepartmentAsync</c>).
/// </summary>
public static class PostalCodeDepartment
{
    public static string Of(string? postalCode)
    {
        var code = (postalCode ?? string.Empty).Trim();
        if (code.Length != 5 || !code.All(char.IsAsciiDigit))
            throw new DomainRuleException(RegistryErrors.InvalidPostalCode, $"A French postal code has 5 digits; '{postalCode}' does not.");
        return code[..2] switch
        {
            "97" => code[..3],
            "20" => string.CompareOrdinal(code, "20200") < 0 ? "2A" : "2B",
            var two => two,
        };
    }
}

using Clea.Data.Common;

namespace Clea.Data.Registry;

/// <summary>A French postal address; its département places it in a region for the public search.</summary>
public sealed record Address
{
    public const int StreetMaxLength = 200;
    public const int CityMaxLength = 100;

    public string? Street { get; private init; }
    public string PostalCode { get; private init; } = null!;
    public string City { get; private init; } = null!;
    /// <summary>Folded copy of <see cref="City"/> for accent- and case-insensitive search.</summary>
    public string CitySearch { get; private init; } = null!;
    public string DepartmentCode { get; private init; } = null!;

    private Address() { }

    /// <summary>Checks that the postal code has 5 digits and belongs to the département (Corsica's 20xxx to 2A/2B).</summary>
    public static Address Create(string? street, string postalCode, string city, string departmentCode)
    {
        postalCode = (postalCode ?? string.Empty).Trim();
        if (postalCode.Length != 5 || !postalCode.All(char.IsAsciiDigit))
            throw new DomainRuleException(RegistryErrors.InvalidPostalCode, $"A French postal code has 5 digits; '{postalCode}' does not.");
        if (!PostalCodeMatchesDepartment(postalCode, departmentCode))
            throw new DomainRuleException(RegistryErrors.PostalCodeOutsideDepartment,
                $"Postal code {postalCode} does not belong to département {departmentCode}.");
        if (string.IsNullOrWhiteSpace(city))
            throw new DomainRuleException(RegistryErrors.NameRequired, "An address needs a city.");
        return new Address
        {
            Street = string.IsNullOrWhiteSpace(street) ? null : street.Trim(),
            PostalCode = postalCode,
            City = city.Trim(),
            CitySearch = SearchText.Normalize(city),
            DepartmentCode = departmentCode,
        };
    }

    private static bool PostalCodeMatchesDepartment(string postalCode, string departmentCode) => departmentCode switch
    {
        "2A" or "2B" => postalCode.StartsWith("20", StringComparison.Ordinal),
        { Length: 3 } => postalCode.StartsWith(departmentCode, StringComparison.Ordinal),
        _ => postalCode.StartsWith(departmentCode, StringComparison.Ordinal),
    };
}

using Clea.Data.Common;

namespace Clea.Data.Registry;

/// <summary>
/// A training body's declaration number (numéro de déclaration d'activité): 11 digits, spaces ignored. The one place
/// the format is checked (registration, corrections, the CSV import).
/// </summary>
public static class DeclarationNumber
{
    public const int Length = 11;

    public static string Parse(string? text)
    {
        var value = (text ?? string.Empty).Replace(" ", string.Empty, StringComparison.Ordinal);
        if (value.Length != Length || !value.All(char.IsAsciiDigit))
            throw new DomainRuleException(OrganismRegistrationErrors.InvalidDeclarationNumber,
                $"A declaration number has exactly {Length} digits; '{text}' does not.");
        return value;
    }
}

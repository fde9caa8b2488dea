using Clea.Data.Common;

namespace Clea.Data.Registry;

/// <summary>
/// A NAF/APE code (INSEE's nomenclature of activities): 4 digits and 1 letter, written "85.59A". "8559A" and "85.59 a"
/// are read as the same code. The one place the format is checked (registration, corrections, the CSV import).
/// </summary>
public static class NafCode
{
    public const int Length = 6;

    /// <summary>The canonical form "NN.NNL", or <see cref="OrganismRegistrationErrors.InvalidNafCode"/>.</summary>
    public static string Parse(string? text)
    {
        var compact = (text ?? string.Empty).Replace(" ", string.Empty, StringComparison.Ordinal).Replace(".", string.Empty, StringComparison.Ordinal).ToUpperInvariant();
        if (compact.Length != 5 || !compact[..4].All(char.IsAsciiDigit) || !char.IsAsciiLetterUpper(compact[4]))
            throw new DomainRuleException(OrganismRegistrationErrors.InvalidNafCode, $"A NAF code has 4 digits and a letter (e.g. 85.59A); '{text}' does not.");
        return $"{compact[..2]}.{compact[2..]}";
    }
}

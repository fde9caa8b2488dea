using Clea.Data.Common;

namespace Clea.Data.Registry;

/// <summary>SIREN: the 9-digit INSEE identifier of a legal entity, checked with the Luhn algorithm.</summary>
public readonly record struct Siren
{
    public const int Length = 9;
    public string Value { get; }

    private Siren(string value) => Value = value;

    /// <summary>The one place a SIREN is validated: length, digits only, Luhn checksum.</summary>
    public static Siren Parse(string? text)
        => TryParse(text, out var siren, out var error) ? siren : throw new DomainRuleException(RegistryErrors.InvalidSiren, error!);

    public static bool TryParse(string? text, out Siren siren, out string? error)
    {
        siren = default;
        var value = (text ?? string.Empty).Replace(" ", string.Empty, StringComparison.Ordinal);
        if (value.Length != Length || value.AsSpan().ContainsAnyExceptInRange('0', '9'))
        {
            error = $"A SIREN has exactly {Length} digits; '{text}' does not.";
            return false;
        }
        if (!Luhn.IsValid(value))
        {
            error = $"SIREN '{value}' fails the Luhn checksum: check for a mistyped digit.";
            return false;
        }
        siren = new Siren(value);
        error = null;
        return true;
    }

    public override string ToString() => Value;
}

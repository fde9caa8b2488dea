using Clea.Data.Common;

namespace Clea.Data.Registry;

/// <summary>SIRET: an establishment's 14 digits, the SIREN followed by a 5-digit NIC, Luhn-checked over all 14.</summary>
public readonly record struct Siret
{
    public const int Length = 14;

    /// <summary>La Poste's establishments do not follow the Luhn rule; INSEE checks them by digit sum modulo 5.</summary>
    private const string LaPosteSiren = "356000000";

    public string Value { get; }
    public Siren Siren => Siren.Parse(Value[..Siren.Length]);

    private Siret(string value) => Value = value;

    public static Siret Parse(string? text)
        => TryParse(text, out var siret, out var error) ? siret : throw new DomainRuleException(RegistryErrors.InvalidSiret, error!);

    public static bool TryParse(string? text, out Siret siret, out string? error)
    {
        siret = default;
        var value = (text ?? string.Empty).Replace(" ", string.Empty, StringComparison.Ordinal);
        if (value.Length != Length || value.AsSpan().ContainsAnyExceptInRange('0', '9'))
        {
            error = $"A SIRET has exactly {Length} digits (SIREN + NIC); '{text}' does not.";
            return false;
        }
        if (!Siren.TryParse(value[..Siren.Length], out _, out _))
        {
            error = $"SIRET '{value}' does not start with a valid SIREN: check its first 9 digits.";
            return false;
        }
        var valid = value.StartsWith(LaPosteSiren, StringComparison.Ordinal)
            ? value.Sum(c => c - '0') % 5 == 0
            : Luhn.IsValid(value);
        if (!valid)
        {
            error = $"SIRET '{value}' fails its checksum: check for a mistyped digit.";
            return false;
        }
        siret = new Siret(value);
        error = null;
        return true;
    }

    /// <summary>Builds a valid SIRET for <paramref name="siren"/> from a 4-digit establishment number (demo and tests).</summary>
    public static Siret Compose(Siren siren, int establishment)
    {
        var stem = siren.Value + establishment.ToString("D4", System.Globalization.CultureInfo.InvariantCulture);
        return Parse(stem + Luhn.CheckDigit(stem));
    }

    public override string ToString() => Value;
}

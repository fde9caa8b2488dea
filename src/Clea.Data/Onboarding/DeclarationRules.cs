using Clea.Data.Common;

namespace Clea.Data.Onboarding;

/// <summary>The identity rules of an organism's declaration (administrative part of the application form, convention §II).</summary>
public static class DeclarationRules
{
    public const int QualiopiCertificateMaxLength = 50;

    /// <summary>NAF/APE code: 4 digits and a letter, written <c>85.59A</c> (the dot may be omitted; the letter is upper-cased).</summary>
    public static string NafCode(string? value)
    {
        var text = (value ?? string.Empty).Trim().ToUpperInvariant().Replace(".", "", StringComparison.Ordinal);
        if (text.Length != 5 || !text[..4].All(char.IsAsciiDigit) || !char.IsAsciiLetterUpper(text[4]))
            throw new DomainRuleException(OnboardingErrors.InvalidNafCode, $"'{value}' is not a NAF code (4 digits and a letter, e.g. 85.59A).");
        return $"{text[..2]}.{text[2..]}";
    }

    /// <summary>A training body's declaration number (numéro de déclaration d'activité): exactly 11 digits.</summary>
    public static string DeclarationNumber(string? value)
    {
        var text = (value ?? string.Empty).Trim();
        if (text.Length != 11 || !text.All(char.IsAsciiDigit))
            throw new DomainRuleException(OnboardingErrors.InvalidDeclarationNumber, $"A declaration number has exactly 11 digits; '{value}' does not.");
        return text;
    }

    /// <summary>
    /// Qualiopi: when certified, the certificate number and its expiry date are required and the certificate must still be
    /// valid today (the expiry day itself included); when not, neither may be given.
    /// </summary>
    public static (string? Number, DateOnly? ValidUntil) Qualiopi(bool certified, string? number, DateOnly? validUntil, DateOnly today)
    {
        number = string.IsNullOrWhiteSpace(number) ? null : number.Trim();
        if (!certified)
        {
            if (number is not null || validUntil is not null)
                throw new DomainRuleException(OnboardingErrors.QualiopiCertificateNotExpected, "A certificate number or expiry date is given only when the organism is Qualiopi-certified.");
            return (null, null);
        }
        if (number is null || validUntil is null || number.Length > QualiopiCertificateMaxLength)
            throw new DomainRuleException(OnboardingErrors.QualiopiCertificateRequired,
                $"A Qualiopi-certified organism gives its certificate number (at most {QualiopiCertificateMaxLength} characters) and expiry date.");
        if (validUntil < today)
            throw new DomainRuleException(OnboardingErrors.QualiopiCertificateExpired, $"The Qualiopi certificate expired on {validUntil:yyyy-MM-dd}.");
        return (number, validUntil);
    }
}

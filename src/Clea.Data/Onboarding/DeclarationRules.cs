using Clea.Data.Common;

namespace Clea.Data.Onboarding;

/// <summary>The Qualiopi rule of an organism's declaration (NAF code and declaration number: <c>Registry.NafCode</c>, <c>Registry.DeclarationNumber</c>).</summary>
public static class DeclarationRules
{
    public const int QualiopiCertificateMaxLength = 50;

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

using System.Net.Mail;
using Clea.Data.Common;

namespace Clea.Data.Registry;

/// <summary>
/// A person to reach at an organism (main or billing contact of the application form). Not public: only the organism,
/// its Instances, its auditors and administrators see it.
/// </summary>
public sealed record Contact
{
    public const int NameMaxLength = 120;
    public const int EmailMaxLength = 254;
    public const int PhoneMaxLength = 20;

    public string Name { get; private init; } = null!;
    public string Email { get; private init; } = null!;
    public string? Phone { get; private init; }

    private Contact() { }

    public static Contact Create(string? name, string? email, string? phone)
    {
        if (string.IsNullOrWhiteSpace(name) || name.Trim().Length > NameMaxLength)
            throw new DomainRuleException(RegistryErrors.InvalidContact, $"A contact needs a name of at most {NameMaxLength} characters.");
        email = email?.Trim() ?? string.Empty;
        if (email.Length > EmailMaxLength || !MailAddress.TryCreate(email, out var address) || address.Address != email || !email.Contains('.', StringComparison.Ordinal))
            throw new DomainRuleException(RegistryErrors.InvalidContact, $"'{email}' is not a usable e-mail address.");
        phone = string.IsNullOrWhiteSpace(phone) ? null : phone.Trim();
        if (phone is not null && (phone.Length > PhoneMaxLength || !phone.All(c => char.IsAsciiDigit(c) || c is ' ' or '+' or '.' or '-')
            || phone.Count(char.IsAsciiDigit) < 9))
            throw new DomainRuleException(RegistryErrors.InvalidContact, $"'{phone}' is not a phone number (digits, spaces, '+', '.', '-').");
        return new Contact { Name = name.Trim(), Email = email, Phone = phone };
    }
}

/// <summary>Turnover of one financial year, as declared on the application form (the last 3 years are asked).</summary>
public sealed class AnnualTurnover
{
    public int OrganismId { get; private set; }
    public int Year { get; private set; }
    public decimal AmountEuros { get; private set; }

    private AnnualTurnover() { }

    internal AnnualTurnover(int year, decimal amountEuros)
    {
        Year = year;
        AmountEuros = amountEuros;
    }

    internal void Correct(decimal amountEuros) => AmountEuros = amountEuros;
}

using Clea.Data.Common;

namespace Clea.Auth.Users;

/// <summary>Stable codes of the password rules of self-service accounts (sign-up, invitation).</summary>
public static class PasswordErrors
{
    public const string TooShort = "PASSWORD_TOO_SHORT";
    public const string TooLong = "PASSWORD_TOO_LONG";
    public const string TooCommon = "PASSWORD_TOO_COMMON";
    public const string ContainsEmail = "PASSWORD_CONTAINS_EMAIL";
}

/// <summary>
/// The password rules of accounts people create themselves (NIST SP 800-63B §5.1.1.2, ANSSI): at least
/// <see cref="MinLength"/> characters, no composition rules, but refused when very common or breached-looking (a common
/// word or keyboard run with digits and symbols around it, or too few distinct characters) or when it contains the
/// e-mail address or its local part. Accounts an operator creates on the command line keep their own minimum.
/// </summary>
public static class PasswordPolicy
{
    public const int MinLength = 12;
    public const int MaxLength = 128;
    public const int MinDistinctCharacters = 5;

    // Cores of the most frequent leaked passwords (French and English lists), compared after removing digits, symbols
    // and common letter substitutions: "Motdepasse2024!" and "P@ssw0rd123456" are both refused.
    private static readonly HashSet<string> CommonCores = new(StringComparer.Ordinal)
    {
        "", "password", "passwort", "motdepasse", "azerty", "azertyuiop", "qwerty", "qwertyuiop", "qwertz", "abc", "abcdef",
        "abcdefgh", "abcdefghijkl", "aaaaaa", "soleil", "bonjour", "bonjourbonjour", "doudou", "loulou", "chouchou",
        "marseille", "paris", "france", "nicolas", "julien", "camille", "admin", "administrator", "administrateur",
        "welcome", "bienvenue", "iloveyou", "jetaime", "letmein", "monkey", "dragon", "football", "sunshine", "princess",
        "master", "shadow", "superman", "batman", "trustno", "secret", "changeme", "default", "test", "testtest", "user",
        "login", "clea", "certifpro", "certificationclea", "formation", "organisme",
    };

    /// <summary>Refuses <paramref name="password"/> with the rule it breaks; <paramref name="email"/> is the account's.</summary>
    public static void Check(string? password, string? email)
    {
        password ??= string.Empty;
        if (password.Length < MinLength)
            throw new DomainRuleException(PasswordErrors.TooShort, $"A password has at least {MinLength} characters.");
        if (password.Length > MaxLength)
            throw new DomainRuleException(PasswordErrors.TooLong, $"A password has at most {MaxLength} characters.");
        var lower = password.ToLowerInvariant();
        var address = (email ?? string.Empty).Trim().ToLowerInvariant();
        var local = address.Split('@')[0];
        if ((address.Length > 0 && lower.Contains(address, StringComparison.Ordinal)) || (local.Length >= 3 && lower.Contains(local, StringComparison.Ordinal)))
            throw new DomainRuleException(PasswordErrors.ContainsEmail, "A password may not contain your e-mail address or its part before '@'.");
        if (password.Distinct().Count() < MinDistinctCharacters || CommonCores.Contains(Core(lower)) || IsRun(lower))
            throw new DomainRuleException(PasswordErrors.TooCommon,
                "This password is among the most common or follows a common pattern (a usual word or keyboard row with digits or symbols): choose a longer phrase.");
    }

    /// <summary>
    /// The word inside: leading and trailing digits and symbols removed, usual substitutions (@→a, 0→o, 1→i, 3→e, $→s)
    /// undone, then letters only ("P@ssw0rd123!" → "password").
    /// </summary>
    private static string Core(string lower)
        => new([.. lower.Trim([.. lower.Where(c => !char.IsLetter(c)).Distinct()])
            .Select(c => c switch { '@' => 'a', '0' => 'o', '1' => 'i', '3' => 'e', '$' => 's', _ => c }).Where(char.IsLetter)]);

    /// <summary>Digits only, or an ascending/descending run like 123456789012 or abcdefghijkl.</summary>
    private static bool IsRun(string lower)
    {
        if (lower.All(char.IsAsciiDigit)) return true;
        var steps = lower.Zip(lower.Skip(1), (a, b) => b - a).Distinct().ToList();
        return steps.Count == 1 && Math.Abs(steps[0]) <= 1;
    }
}

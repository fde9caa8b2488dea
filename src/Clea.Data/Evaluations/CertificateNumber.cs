using System.Security.Cryptography;
using System.Text;

namespace Clea.Data.Evaluations;

/// <summary>
/// A certificate number: 80 cryptographically random bits written as 16 Crockford base-32 characters in groups of
/// four, and a Crockford check character (mod 37), e.g. <c>CLEA-7K2M-Q9XD-4TNB-H1VR-W</c>. Random, so numbers cannot be
/// guessed from one another; checked, so a mistyped number is told apart from a genuine one without a lookup.
/// </summary>
public static class CertificateNumber
{
    public const string Prefix = "CLEA";
    public const int MaxLength = 32;
    private const string Symbols = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    private const string CheckSymbols = Symbols + "*~$=U";
    private const int RandomCharacters = 16;

    public static string NewNumber()
    {
        Span<byte> bytes = stackalloc byte[RandomCharacters];
        RandomNumberGenerator.Fill(bytes);
        var body = new StringBuilder(RandomCharacters);
        foreach (var b in bytes) body.Append(Symbols[b & 31]);
        return Format(body.ToString());
    }

    /// <summary>The canonical form of what a person typed, or null when it is not a well-formed, correctly checked number.</summary>
    public static string? Normalize(string? typed)
    {
        if (string.IsNullOrWhiteSpace(typed) || typed.Length > MaxLength * 2) return null;
        var chars = new StringBuilder();
        foreach (var c in typed.ToUpperInvariant())
        {
            if (c is '-' or ' ') continue;
            chars.Append(c switch { 'O' => '0', 'I' or 'L' => '1', _ => c });
        }
        var text = chars.ToString();
        if (!text.StartsWith(Prefix, StringComparison.Ordinal) || text.Length != Prefix.Length + RandomCharacters + 1) return null;
        var body = text.Substring(Prefix.Length, RandomCharacters);
        if (body.Any(c => !Symbols.Contains(c, StringComparison.Ordinal))) return null;
        return text[^1] == Check(body) ? Format(body) : null;
    }

    private static string Format(string body)
        => $"{Prefix}-{body[..4]}-{body[4..8]}-{body[8..12]}-{body[12..16]}-{Check(body)}";

    private static char Check(string body)
    {
        var remainder = 0;
        foreach (var c in body) remainder = (remainder * 32 + Symbols.IndexOf(c, StringComparison.Ordinal)) % 37;
        return CheckSymbols[remainder];
    }

    /// <summary>
    /// What verification compares the typed last name against once the candidate's personal data is erased: a hash of
    /// the folded name (case, accents and punctuation ignored), salted with the number so it reveals nothing by itself.
    /// </summary>
    public static string LastNameHash(string number, string lastName)
    {
        var folded = Common.SearchText.Normalize(lastName).Replace(" ", string.Empty, StringComparison.Ordinal);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{number}\n{folded}")));
    }
}

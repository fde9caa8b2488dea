namespace Clea.Data.Registry;

internal static class Luhn
{
    /// <summary>True when the digits pass the Luhn checksum (INSEE uses it for SIREN and SIRET).</summary>
    public static bool IsValid(ReadOnlySpan<char> digits)
    {
        var sum = 0;
        for (var i = 0; i < digits.Length; i++)
        {
            var d = digits[digits.Length - 1 - i] - '0';
            if (i % 2 == 1)
            {
                d *= 2;
                if (d > 9) d -= 9;
            }
            sum += d;
        }
        return sum % 10 == 0;
    }

    /// <summary>The digit to append to <paramref name="digits"/> so that the whole passes the checksum.</summary>
    public static char CheckDigit(ReadOnlySpan<char> digits)
    {
        Span<char> candidate = stackalloc char[digits.Length + 1];
        digits.CopyTo(candidate);
        for (var c = '0'; c <= '9'; c++)
        {
            candidate[^1] = c;
            if (IsValid(candidate)) return c;
        }
        throw new InvalidOperationException("unreachable: one digit always completes a Luhn sum");
    }
}

using System.Globalization;
using System.Text;

namespace Clea.Data.Common;

/// <summary>
/// Folds text for accent- and case-insensitive search. SQLite folds ASCII only and has no ICU, and PostgreSQL
/// compares case-sensitively, so the domain stores a folded copy of searchable text and queries that.
/// </summary>
public static class SearchText
{
    public static string Normalize(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return string.Empty;
        var decomposed = text.Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        var lastWasSpace = false;
        foreach (var c in decomposed)
        {
            var category = CharUnicodeInfo.GetUnicodeCategory(c);
            if (category == UnicodeCategory.NonSpacingMark) continue;
            var folded = c switch
            {
                'œ' or 'Œ' => "oe",
                'æ' or 'Æ' => "ae",
                'ß' => "ss",
                _ => char.IsLetterOrDigit(c) ? char.ToLowerInvariant(c).ToString() : " ",
            };
            if (folded == " ")
            {
                if (lastWasSpace || builder.Length == 0) continue;
                lastWasSpace = true;
            }
            else lastWasSpace = false;
            builder.Append(folded);
        }
        return builder.ToString().TrimEnd();
    }
}

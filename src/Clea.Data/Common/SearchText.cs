using System.Text;

namespace Clea.Data.Common;

/// <summary>
/// Folds text for accent- and case-insensitive search. SQLite folds ASCII only and has no ICU, and PostgreSQL
/// compares case-sensitively, so the domain stores a folded copy of searchable text and queries that.
/// The folding table is explicit (Latin-1 and Latin Extended-A, which cover French) because the service runs with
/// invariant globalization, where Unicode decomposition is not available.
/// </summary>
public static class SearchText
{
    private const string Accented = "ÀÁÂÃÄÅÇÈÉÊËÌÍÎÏÑÒÓÔÕÖÙÚÛÜÝàáâãäåçèéêëìíîïñòóôõöùúûüýÿĀāĂăĄąĆćĈĉĊċČčĎďĒēĔĕĖėĘęĚěĜĝĞğĠġĢģĤĥĨĩĪīĬĭĮįİĴĵĶķĹĺĻļĽľŃńŅņŇňŌōŎŏŐőŔŕŖŗŘřŚśŜŝŞşŠšŢţŤťŨũŪūŬŭŮůŰűŲųŴŵŶŷŸŹźŻżŽž";
    private const string Plain = "aaaaaaceeeeiiiinooooouuuuyaaaaaaceeeeiiiinooooouuuuyyaaaaaaccccccccddeeeeeeeeeegggggggghhiiiiiiiiijjkkllllllnnnnnnoooooorrrrrrssssssssttttuuuuuuuuuuuuwwyyyzzzzzz";
    private static readonly Dictionary<char, char> Folding = Accented.Zip(Plain).ToDictionary(p => p.First, p => p.Second);

    public static string Normalize(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return string.Empty;
        var builder = new StringBuilder(text.Length);
        var pendingSpace = false;
        foreach (var c in text)
        {
            var folded = c switch
            {
                'œ' or 'Œ' => "oe",
                'æ' or 'Æ' => "ae",
                'ß' => "ss",
                _ when Folding.TryGetValue(c, out var plain) => plain.ToString(),
                _ when char.IsLetterOrDigit(c) => char.ToLowerInvariant(c).ToString(),
                _ => null,
            };
            if (folded is null)
            {
                pendingSpace = builder.Length > 0;
                continue;
            }
            if (pendingSpace) builder.Append(' ');
            pendingSpace = false;
            builder.Append(folded);
        }
        return builder.ToString();
    }
}

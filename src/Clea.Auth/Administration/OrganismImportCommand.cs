using Clea.Data.Common;
using Clea.Data.Registry;

namespace Clea.Auth.Administration;

/// <summary>
/// <c>import-organisms FILE.csv</c>: runs <see cref="OrganismImport"/> and prints one report line per CSV line
/// (<c>line N  SIREN  created|updated|unchanged|refused  [CODE]  detail</c>) and a summary. Exit code 0 when no line was
/// refused, 1 otherwise (the other organisms of the file are imported: each organism is its own transaction).
/// </summary>
public static class OrganismImportCommand
{
    public static async Task<int> RunAsync(OrganismImport import, string path, TextWriter output, TextWriter error, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(import);
        if (!File.Exists(path))
        {
            await error.WriteLineAsync($"File not found: {path}");
            return 1;
        }
        IReadOnlyList<ImportLineResult> results;
        try
        {
            using var reader = new StreamReader(path, System.Text.Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
            results = await import.ImportAsync(reader, Path.GetFileName(path), ct);
        }
        catch (DomainRuleException e)
        {
            await error.WriteLineAsync($"Refused ({e.Code}): {e.Message}");
            return 1;
        }
        foreach (var r in results)
            await output.WriteLineAsync($"line {r.Line}\t{r.Siren}\t{r.Outcome.ToString().ToLowerInvariant()}\t{r.Code ?? "-"}\t{r.Detail}");
        var counts = string.Join(", ", Enum.GetValues<ImportOutcome>().Select(o => $"{results.Count(r => r.Outcome == o)} {o.ToString().ToLowerInvariant()}"));
        await output.WriteLineAsync($"{results.Count} line(s): {counts}.");
        return results.Any(r => r.Outcome == ImportOutcome.Refused) ? 1 : 0;
    }
}

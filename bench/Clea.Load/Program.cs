using System.Globalization;
using Clea.Load;

// dotnet run -c Release --project bench/Clea.Load [-- --seconds 10 --rounds 3 --connections 16 --only "verify by SIREN"]
// dotnet run -c Release --project bench/Clea.Load -- --compare /path/to/other/Clea.Graph.dll   (A/B of two API builds)
// dotnet run -c Release --project bench/Clea.Load -- --profile      (one client: medians, and the API's SQL with durations)
// dotnet run -c Release --project bench/Clea.Load -- --national [--scale 0.1] [--samples 100]   (national volume)
if (args.Length >= 3 && args[0] == "--baseline")
{
    await Baseline.RunAsync(args[1], args[2]);
    return;
}

string? Option(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();
int Number(string name, int fallback) => Option(name) is { } text ? int.Parse(text, CultureInfo.InvariantCulture) : fallback;

try
{
    if (args.Contains("--national"))
    {
        await NationalRun.RunAsync(double.Parse(Option("--scale") ?? "1", CultureInfo.InvariantCulture), Number("--samples", 100));
        return;
    }
    var options = new LoadOptions(Number("--seconds", 10), Number("--rounds", 3), Number("--connections", 16),
        args.Select((a, i) => (a, i)).Where(p => p.a == "--only").Select(p => args[p.i + 1]).ToList(), args.Contains("--profile"), Option("--compare"));
    await LoadRun.RunAsync(options);
}
catch (Exception e)
{
    // A normal exit (not an unhandled exception) lets the throwaway PostgreSQL stop with the process.
    Console.Error.WriteLine(e is OperationCanceledException ? "cancelled" : e.ToString());
    Environment.ExitCode = 1;
}

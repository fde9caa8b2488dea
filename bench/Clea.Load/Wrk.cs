using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace Clea.Load;

/// <summary>One wrk run's figures.</summary>
internal sealed record WrkResult(double Rps, double P50Ms, double P90Ms, double P99Ms, long Requests, long Errors);

/// <summary>Runs Debian's <c>wrk</c> (closed loop: each connection sends its next request when the answer arrived) with post.lua.</summary>
internal static partial class Wrk
{
    public static void EnsureInstalled()
    {
        if (Which("wrk")) return;
        Console.WriteLine("wrk is missing: apt-get install -y wrk");
        var sudo = Environment.UserName == "root" ? "" : "sudo ";
        using var install = Process.Start("/bin/sh", ["-c", $"{sudo}apt-get install -y wrk || ({sudo}apt-get update && {sudo}apt-get install -y wrk)"])!;
        install.WaitForExit();
        if (!Which("wrk")) throw new InvalidOperationException("wrk could not be installed (apt-get install -y wrk).");
    }

    private static bool Which(string program)
    {
        using var which = Process.Start(new ProcessStartInfo("/bin/sh", ["-c", $"command -v {program}"]) { RedirectStandardOutput = true })!;
        which.WaitForExit();
        return which.ExitCode == 0;
    }

    public static async Task<WrkResult> RunAsync(string url, string bodiesFile, IReadOnlyDictionary<string, string> headers, int connections,
        int seconds, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo("wrk")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        // Two threads: the machine has two cores, shared with the servers under test.
        foreach (var a in new[] { "-t", Math.Min(2, connections).ToString(CultureInfo.InvariantCulture), "-c", connections.ToString(CultureInfo.InvariantCulture),
                     "-d", $"{seconds}s", "--timeout", "10s", "--latency", "-s", Path.Combine(AppContext.BaseDirectory, "post.lua") })
            start.ArgumentList.Add(a);
        foreach (var (name, value) in headers)
        {
            start.ArgumentList.Add("-H");
            start.ArgumentList.Add($"{name}: {value}");
        }
        start.ArgumentList.Add(url);
        start.Environment["WRK_BODIES"] = bodiesFile;
        using var process = Process.Start(start)!;
        var output = await process.StandardOutput.ReadToEndAsync(cancellationToken);
        var error = await process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        if (process.ExitCode != 0) throw new InvalidOperationException($"wrk failed: {error}{output}");
        return Parse(output);
    }

    internal static WrkResult Parse(string output)
    {
        double Percentile(string p) => Duration(Regex.Match(output, $@"^\s+{p}%\s+(\S+)", RegexOptions.Multiline).Groups[1].Value);
        var rps = double.Parse(Rps().Match(output).Groups[1].Value, CultureInfo.InvariantCulture);
        var requests = long.Parse(Requests().Match(output).Groups[1].Value, CultureInfo.InvariantCulture);
        long errors = 0;
        var non2xx = Non2xx().Match(output);
        if (non2xx.Success) errors += long.Parse(non2xx.Groups[1].Value, CultureInfo.InvariantCulture);
        var socket = SocketErrors().Match(output);
        if (socket.Success) errors += socket.Groups.Values.Skip(1).Sum(g => long.Parse(g.Value, CultureInfo.InvariantCulture));
        return new WrkResult(rps, Percentile("50"), Percentile("90"), Percentile("99"), requests, errors);
    }

    private static double Duration(string text)
    {
        var match = DurationPattern().Match(text);
        if (!match.Success) return double.NaN;
        var value = double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
        return match.Groups[2].Value switch
        {
            "us" => value / 1000,
            "ms" => value,
            "s" => value * 1000,
            "m" => value * 60_000,
            _ => double.NaN,
        };
    }

    [GeneratedRegex(@"Requests/sec:\s+([\d.]+)")]
    private static partial Regex Rps();

    [GeneratedRegex(@"(\d+) requests in")]
    private static partial Regex Requests();

    [GeneratedRegex(@"Non-2xx or 3xx responses:\s+(\d+)")]
    private static partial Regex Non2xx();

    [GeneratedRegex(@"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)")]
    private static partial Regex SocketErrors();

    [GeneratedRegex(@"^([\d.]+)(us|ms|s|m)$")]
    private static partial Regex DurationPattern();
}

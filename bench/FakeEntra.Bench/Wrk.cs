using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace FakeEntra.Bench;

/// <summary>What one wrk run measured.</summary>
public sealed record WrkResult(double RequestsPerSecond, double P50Milliseconds, double P99Milliseconds, long Requests, long Failures);

/// <summary>
/// Runs Debian's wrk (one thread, pinned to its own core) against the server with a generated Lua script, and reads its
/// <c>--latency</c> report. Any answer that is not 2xx or 3xx, and any socket error, counts as a failure.
/// </summary>
public static partial class Wrk
{
    public static async Task<WrkResult> Run(string origin, BenchCase benchCase, int connections, TimeSpan duration, int cpu)
    {
        var script = Path.Combine(Path.GetTempPath(), $"fakeentra-bench-{Guid.NewGuid():N}.lua");
        await File.WriteAllTextAsync(script, benchCase.Script);
        try
        {
            var start = new ProcessStartInfo("taskset") { RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (var arg in new[] { "-c", cpu.ToString(CultureInfo.InvariantCulture), "wrk", "-t1", $"-c{connections}", $"-d{(int)duration.TotalSeconds}s", "--latency", "-s", script, origin + benchCase.Path })
                start.ArgumentList.Add(arg);
            using var process = Process.Start(start)!;
            var output = await process.StandardOutput.ReadToEndAsync();
            var error = await process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync();
            if (process.ExitCode != 0) throw new InvalidOperationException($"wrk failed ({process.ExitCode}): {error}{output}");
            var result = Parse(output);
            if (result.Failures > 0) Console.Error.WriteLine($"{benchCase.Name}: {result.Failures} failures\n{output}");
            return result;
        }
        finally
        {
            File.Delete(script);
        }
    }

    public static WrkResult Parse(string output)
    {
        var requests = long.Parse(Requests().Match(output).Groups[1].Value, CultureInfo.InvariantCulture);
        var failures = NonSuccess().Match(output) is { Success: true } n ? long.Parse(n.Groups[1].Value, CultureInfo.InvariantCulture) : 0;
        foreach (Match error in SocketErrors().Matches(output)) failures += long.Parse(error.Groups[1].Value, CultureInfo.InvariantCulture);
        return new WrkResult(
            double.Parse(Rate().Match(output).Groups[1].Value, CultureInfo.InvariantCulture),
            Latency(output, "50"),
            Latency(output, "99"),
            requests,
            failures);
    }

    private static double Latency(string output, string percentile)
    {
        var match = Regex.Match(output, $@"^\s*{percentile}%\s+([\d.]+)(us|ms|s)\s*$", RegexOptions.Multiline);
        if (!match.Success) throw new InvalidOperationException($"wrk printed no {percentile}th percentile:\n{output}");
        var value = double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
        return match.Groups[2].Value switch { "us" => value / 1000, "s" => value * 1000, _ => value };
    }

    [GeneratedRegex(@"Requests/sec:\s+([\d.]+)")]
    private static partial Regex Rate();

    [GeneratedRegex(@"(\d+) requests in")]
    private static partial Regex Requests();

    [GeneratedRegex(@"Non-2xx or 3xx responses: (\d+)")]
    private static partial Regex NonSuccess();

    [GeneratedRegex(@"(?:connect|read|write|timeout) (\d+)")]
    private static partial Regex SocketErrors();
}

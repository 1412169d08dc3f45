using System.Globalization;
using System.Text;

namespace FakeEntra.Server.Tests.Fuzz;

/// <summary>
/// A run in numbers (answers by status class, overall and per route) and its failures — 5xx answers, requests with no answer,
/// errors in the server's log — grouped by cause: the exception and the first frame in FakeEntra's code, so that one bug
/// reached from many routes is one line. Bounded in length.
/// </summary>
public sealed class FuzzReport
{
    private const int MaxGroups = 30;
    private const int MaxExamples = 3;

    private readonly int _seed;
    private readonly IReadOnlyList<FuzzOutcome> _outcomes;
    private readonly List<FailureGroup> _groups;

    /// <summary>Failures with one cause: the cases, the root exceptions' types, and one full log entry.</summary>
    private sealed record FailureGroup(string Cause, List<FuzzCase> Cases, IReadOnlyList<string> Roots, string? Detail);

    public FuzzReport(int seed, IReadOnlyList<FuzzOutcome> outcomes, IReadOnlyCollection<LoggedError> errors)
    {
        _seed = seed;
        _outcomes = outcomes;
        var byCase = errors.Where(e => e.CaseId is not null).ToLookup(e => e.CaseId!.Value);
        var failures = new List<(string Cause, FuzzCase Case, LoggedError? Logged)>();
        foreach (var outcome in outcomes)
        {
            var logged = byCase[outcome.Case.Id].FirstOrDefault(e => e.Exception is not null) ?? byCase[outcome.Case.Id].FirstOrDefault();
            if (logged is not null) failures.Add((Cause(logged), outcome.Case, logged));
            else if (outcome.Status >= 500) failures.Add(($"{outcome.Status} with no error logged, on {outcome.Case.Route}", outcome.Case, null));
            else if (outcome.NoAnswer is { } why) failures.Add(($"{why}, on {outcome.Case.Route}", outcome.Case, null));
        }
        // Errors logged outside any case's request (while harvesting, in a background writer).
        var known = outcomes.Select(o => o.Case.Id).ToHashSet();
        foreach (var stray in errors.Where(e => e.CaseId is not { } id || !known.Contains(id)))
            failures.Add((Cause(stray), new FuzzCase { Method = "", Target = "", Route = "(no fuzz request)", Input = stray.Message }, stray));
        _groups = [.. failures.GroupBy(f => f.Cause)
            .Select(g => new FailureGroup(g.Key, [.. g.Select(f => f.Case)],
                [.. g.Select(f => f.Logged?.Exception).OfType<Exception>().Select(e => Chain(e).Last().GetType().Name).Distinct()],
                g.Select(f => f.Logged).OfType<LoggedError>().Select(l => l.Exception?.ToString() ?? l.Message).FirstOrDefault()))
            .OrderByDescending(g => g.Cases.Count)];
    }

    public bool Failed => _groups.Count > 0;

    /// <summary>Answers by status class: 2xx, 3xx, 4xx, 5xx, and requests without an answer.</summary>
    public string Counts(IEnumerable<FuzzOutcome>? outcomes = null)
    {
        var list = (outcomes ?? _outcomes).ToList();
        var classes = list.Where(o => o.Status is not null).GroupBy(o => o.Status!.Value / 100).ToDictionary(g => g.Key, g => g.Count());
        var none = list.Count(o => o.Status is null);
        var other = list.Count(o => o.Status is < 200 or >= 600);
        return $"2xx {classes.GetValueOrDefault(2)}, 3xx {classes.GetValueOrDefault(3)}, 4xx {classes.GetValueOrDefault(4)}, 5xx {classes.GetValueOrDefault(5)}" +
               (none > 0 ? $", no answer {none}" : "") + (other > 0 ? $", other {other}" : "");
    }

    /// <summary>For the test's output: the counts overall and per route, the slowest requests, then every failure group with its routes, inputs and a full log entry.</summary>
    public string Details(TimeSpan elapsed)
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"Fuzz seed {_seed}: {_outcomes.Count} requests in {elapsed.TotalSeconds:0.0} s — {Counts()}");
        foreach (var route in _outcomes.GroupBy(o => o.Case.Route).OrderBy(g => g.Key, StringComparer.Ordinal))
            text.AppendLine(CultureInfo.InvariantCulture, $"  {route.Key}: {route.Count()} — {Counts(route)}");
        text.AppendLine("Slowest (unbounded work shows here first):");
        foreach (var slow in _outcomes.OrderByDescending(o => o.Elapsed).Take(5))
            text.AppendLine(CultureInfo.InvariantCulture, $"  {slow.Elapsed.TotalSeconds:0.00} s case {slow.Case.Id}: {slow.Case.Route}: {Shown(slow.Case.Input, 200)}");
        foreach (var group in _groups)
        {
            text.AppendLine().AppendLine(CultureInfo.InvariantCulture, $"{group.Cause}{Roots(group)} — {group.Cases.Count}× on {Routes(group, int.MaxValue)}");
            foreach (var example in group.Cases.DistinctBy(c => (c.Route, c.Input)).Take(MaxExamples * 2))
                text.AppendLine(CultureInfo.InvariantCulture, $"  case {example.Id}: {example.Route}: {Shown(example.Input, 300)}");
            if (group.Detail is { } detail) text.AppendLine(Shown(detail, 2_500, multiline: true));
        }
        return text.ToString();
    }

    /// <summary>The failure message: the seed to replay, the counts, and one line per cause with its routes and example inputs.</summary>
    public string Failure()
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"The fuzz run with seed {_seed} found {_groups.Sum(g => g.Cases.Count)} failing requests with {_groups.Count} causes ({Counts()}).");
        text.AppendLine(CultureInfo.InvariantCulture, $"Replay: {FuzzSeed.Variable}={_seed} dotnet test tests/FakeEntra.Server.Tests --filter Category=Fuzz");
        foreach (var group in _groups.Take(MaxGroups))
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"- {group.Cause}{Roots(group)} — {group.Cases.Count}× on {Routes(group, 3)}");
            foreach (var example in group.Cases.DistinctBy(c => c.Route).Take(MaxExamples))
                text.AppendLine(CultureInfo.InvariantCulture, $"    e.g. case {example.Id}: {example.Route}: {Shown(example.Input, 160)}");
        }
        if (_groups.Count > MaxGroups) text.AppendLine(CultureInfo.InvariantCulture, $"… and {_groups.Count - MaxGroups} more causes (see the test output).");
        return text.ToString();
    }

    private static string Roots(FailureGroup group) =>
        group.Roots.Count == 0 || group.Roots.SequenceEqual([group.Cause.Split(' ')[0]]) ? "" : $" (root {string.Join(", ", group.Roots)})";

    private static string Routes(FailureGroup group, int max)
    {
        var routes = group.Cases.GroupBy(c => c.Route).OrderByDescending(r => r.Count()).ToList();
        var shown = string.Join(", ", routes.Take(max).Select(r => $"{r.Key} ({r.Count()})"));
        return routes.Count > max ? $"{shown} and {routes.Count - max} more routes" : shown;
    }

    /// <summary>
    /// The exception, where it was thrown when that is outside FakeEntra, and the first frame in FakeEntra's code, found from
    /// its root cause outwards, e.g. <c>ArgumentException thrown in JsonObject.Add, at FakeEntra.Server.Graph.GraphJson.Patch (GraphJson.cs:60)</c>.
    /// </summary>
    private static string Cause(LoggedError error)
    {
        if (error.Exception is not { } exception) return $"{error.Category}: {Shown(error.Message, 120)}";
        var frames = Chain(exception).Reverse().Select(e => (e.StackTrace ?? "").Split('\n').Select(l => l.Trim()).Where(l => l.StartsWith("at ", StringComparison.Ordinal)).ToList()).ToList();
        var ours = frames.Select(f => f.FirstOrDefault(l => l.StartsWith("at FakeEntra.", StringComparison.Ordinal))).FirstOrDefault(l => l is not null);
        var thrower = frames[^1].FirstOrDefault(); // where the exception itself (not its root) was thrown
        var thrown = thrower is null || thrower == ours ? "" : $" thrown in {ShortMethod(thrower)},";
        return ours is null ? $"{exception.GetType().Name}{thrown} with no FakeEntra frame" : $"{exception.GetType().Name}{thrown} at {Frame(ours)}";
    }

    // "at System.Text.Json.Nodes.JsonObject.Add(String, JsonNode) in …" → "JsonObject.Add"
    private static string ShortMethod(string line)
    {
        var parts = line[3..].Split('(')[0].Split('.');
        return parts.Length >= 2 ? $"{parts[^2]}.{parts[^1]}" : parts[^1];
    }

    private static IEnumerable<Exception> Chain(Exception exception)
    {
        for (Exception? e = exception; e is not null; e = e.InnerException) yield return e;
    }

    // "at N.T.M(args) in /path/File.cs:line 42" → "N.T.M (File.cs:42)"
    private static string Frame(string line)
    {
        var method = line[3..];
        var at = method.IndexOf(" in ", StringComparison.Ordinal);
        var location = at < 0 ? "" : method[(at + 4)..];
        method = (at < 0 ? method : method[..at]).Split('(')[0];
        if (location.Length == 0) return method;
        var parts = location.Split(":line ");
        return $"{method} ({Path.GetFileName(parts[0])}{(parts.Length > 1 ? ":" + parts[1] : "")})";
    }

    /// <summary>Text safe to print: control characters (line breaks too, unless <paramref name="multiline"/>) and surrogates escaped, long text cut.</summary>
    private static string Shown(string text, int max, bool multiline = false)
    {
        var shown = new StringBuilder();
        foreach (var c in text.Length > max ? text[..max] : text)
            shown.Append((char.IsControl(c) && !(multiline && c is '\n' or '\r')) || char.IsSurrogate(c) ? $"\\u{(int)c:X4}" : c);
        return text.Length > max ? shown.Append('…').ToString() : shown.ToString();
    }
}

using System.Text.Json;

namespace FakeEntra.Core.Scenarios;

/// <summary>Reads and validates a scenario; every failure names the source, the JSON path and the problem.</summary>
public static class ScenarioLoader
{
    public static Scenario LoadFile(string path) => Parse(ReadFile(path), path);

    public static string ReadFile(string path)
    {
        try
        {
            return File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ScenarioException(path, "$", $"the file cannot be read ({e.Message})");
        }
    }

    public static Scenario Parse(string json, string source)
    {
        Scenario? scenario;
        try
        {
            scenario = JsonSerializer.Deserialize<Scenario>(json, DirectoryJson.Options);
        }
        catch (JsonException e)
        {
            throw new ScenarioException(source, e.Path ?? "$", Describe(e));
        }
        if (scenario is null) throw new ScenarioException(source, "$", "the document is null; expected an object with a 'tenants' array");
        ScenarioValidator.Validate(scenario, source);
        return scenario;
    }

    // System.Text.Json appends "Path: … | LineNumber: …" to its messages; keep the problem and the position only.
    private static string Describe(JsonException e)
    {
        var message = e.Message;
        var cut = message.IndexOf(" Path: ", StringComparison.Ordinal);
        if (cut >= 0) message = message[..cut];
        var position = e.LineNumber is { } line ? $" (line {line + 1}, byte {e.BytePositionInLine + 1})" : "";
        return message.TrimEnd() + position;
    }
}

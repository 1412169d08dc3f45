using System.Text.Json;
using System.Text.Json.Nodes;

namespace FakeEntra.Core.Scenarios;

/// <summary>Reads and validates a scenario; every failure names the source, the JSON path and the problem.</summary>
public static class ScenarioLoader
{
    public static Scenario LoadFile(string path) => Parse(ReadFile(path), path);

    public static string ReadFile(string path) => ReadFile(path, reader => reader.ReadToEnd());

    /// <summary>The file's text through <paramref name="read"/>, decoded as <see cref="File.ReadAllText(string)"/> decodes it.</summary>
    public static T ReadFile<T>(string path, Func<TextReader, T> read)
    {
        try
        {
            using var reader = new StreamReader(path, System.Text.Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
            return read(reader);
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
        // System.Text.Json lets a list hold null; no list of a world may (a null authentication method once failed every sign-in).
        if (NullInList(JsonNode.Parse(json, documentOptions: new() { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true }), "$") is { } at)
            throw new ScenarioException(source, at, "null is not allowed in a list");
        ScenarioValidator.Validate(scenario, source);
        return scenario;
    }

    private static string? NullInList(JsonNode? node, string path) => node switch
    {
        JsonObject obj => obj.Select(p => NullInList(p.Value, $"{path}.{p.Key}")).FirstOrDefault(p => p is not null),
        JsonArray array => array.Select((item, i) => item is null ? $"{path}[{i}]" : NullInList(item, $"{path}[{i}]")).FirstOrDefault(p => p is not null),
        _ => null,
    };

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

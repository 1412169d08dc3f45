using System.Text.RegularExpressions;

namespace FakeEntra.Server.Tests.Infrastructure;

/// <summary>The ```csharp blocks of the repository's README.md, in order, each with the line it starts on; and its JSON blocks.</summary>
public static partial class ReadmeSnippets
{
    public sealed record Snippet(int Line, string Code)
    {
        public override string ToString() => $"README.md line {Line}";
    }

    public static string ReadmePath
    {
        get
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "FakeEntra.sln"))) dir = dir.Parent;
            return Path.Combine(dir?.FullName ?? throw new InvalidOperationException("FakeEntra.sln not found above the test binaries."), "README.md");
        }
    }

    public static IReadOnlyList<Snippet> All()
    {
        var text = File.ReadAllText(ReadmePath).ReplaceLineEndings("\n");
        return [.. Block().Matches(text).Select(m => new Snippet(text[..m.Index].Count(c => c == '\n') + 2, m.Groups["code"].Value))];
    }

    /// <summary>The ```json block that holds the property <paramref name="name"/>.</summary>
    public static string Json(string name)
    {
        var text = File.ReadAllText(ReadmePath).ReplaceLineEndings("\n");
        return JsonBlock().Matches(text).Select(m => m.Groups["code"].Value).Single(code => code.Contains($"\"{name}\"", StringComparison.Ordinal));
    }

    [GeneratedRegex(@"^```json\n(?<code>.*?)^```", RegexOptions.Multiline | RegexOptions.Singleline)]
    private static partial Regex JsonBlock();

    [GeneratedRegex(@"^```csharp\n(?<code>.*?)^```", RegexOptions.Multiline | RegexOptions.Singleline)]
    private static partial Regex Block();
}

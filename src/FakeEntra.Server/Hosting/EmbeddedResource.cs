using System.Text;

namespace FakeEntra.Server.Hosting;

/// <summary>Text embedded in the server's assembly (pages' assets, the built-in world, the SQLite schema script).</summary>
public static class EmbeddedResource
{
    public static string ReadText(string name) => Read(name, reader => reader.ReadToEnd());

    public static T Read<T>(string name, Func<TextReader, T> read)
    {
        using var stream = typeof(EmbeddedResource).Assembly.GetManifestResourceStream(name)
                           ?? throw new InvalidOperationException($"The embedded resource {name} is missing.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return read(reader);
    }
}

using System.Text.Json;
using System.Text.Json.Nodes;
using FakeEntra.Core.Scenarios;

namespace FakeEntra.Server.Graph;

/// <summary>
/// What a create or update body of a Graph resource may name, as Graph documents it: the writable properties FakeEntra keeps,
/// the read-only ones (ids and keys are the server's), and the writable ones FakeEntra does not keep. Names match
/// case-insensitively; anything else is Graph's "Invalid property".
/// </summary>
public sealed record GraphResource(string Name)
{
    public IReadOnlyList<string> Writable { get; init; } = [];
    public IReadOnlyList<string> ReadOnly { get; init; } = [];
    /// <summary>Graph documents them as writable; FakeEntra refuses them rather than drop them unseen.</summary>
    public IReadOnlyList<string> NotSupported { get; init; } = [];
    /// <summary>Set when the object is created, read-only afterwards (a partner's <c>tenantId</c>).</summary>
    public IReadOnlyList<string> Keys { get; init; } = [];
    /// <summary>Graph's required properties on create, beyond those the type itself requires.</summary>
    public IReadOnlyList<string> RequiredOnCreate { get; init; } = [];

    /// <summary>The server gives each new object its <c>id</c>; the caller never does.</summary>
    public bool AssignsId { get; init; }

    /// <summary>Reads a create body as <typeparamref name="T"/>.</summary>
    public T Create<T>(JsonObject body)
    {
        Accept(body, create: true);
        if (AssignsId) body["id"] = Guid.NewGuid().ToString("D");
        GraphTypeCheck.Check(body, typeof(T), Name, partial: false);
        return Deserialize<T>(body);
    }

    /// <summary>Applies a PATCH: each property given replaces the current one (complex values whole).</summary>
    public T Update<T>(T current, JsonObject patch)
    {
        Accept(patch, create: false);
        GraphTypeCheck.Check(patch, typeof(T), Name, partial: true);
        var merged = JsonSerializer.SerializeToNode(current, DirectoryJson.Options)!.AsObject();
        foreach (var (key, value) in patch) merged[key] = value?.DeepClone();
        return Deserialize<T>(merged);
    }

    private void Accept(JsonObject body, bool create)
    {
        foreach (var (key, _) in body)
        {
            if (key.StartsWith("@odata.", StringComparison.Ordinal)) continue;
            if (Names(ReadOnly, key) || (!create && Names(Keys, key))) throw GraphException.ReadOnlyProperty(key);
            if (Names(NotSupported, key)) throw GraphException.UnsupportedProperty(key, Name);
            if (!Names(Writable, key) && !Names(Keys, key)) throw GraphException.InvalidProperty(key);
        }
        if (!create) return;
        foreach (var required in RequiredOnCreate.Concat(Keys))
            if (!body.Any(p => p.Value is not null && string.Equals(p.Key, required, StringComparison.OrdinalIgnoreCase)))
                throw GraphException.ValueRequired(required, Name);
    }

    private static bool Names(IReadOnlyList<string> names, string key) => names.Contains(key, StringComparer.OrdinalIgnoreCase);

    // The checks above leave nothing the reader refuses; should one slip through, it is still the caller's 400, in its terms.
    private T Deserialize<T>(JsonObject body)
    {
        try
        {
            return body.Deserialize<T>(DirectoryJson.Options)!;
        }
        catch (JsonException e)
        {
            throw GraphException.InvalidValue(e.Path ?? "$", Name, "a value of the documented type");
        }
    }
}

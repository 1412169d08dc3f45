namespace FakeEntra.Server.Tests.Fuzz;

/// <summary>One generated request: what is sent, and how a report names it (the route's template and the kind of input).</summary>
public sealed record FuzzCase
{
    public int Id { get; init; }
    public required string Method { get; init; }
    /// <summary>Path and query exactly as sent: escaped by the generator, odd on purpose where the input is.</summary>
    public required string Target { get; init; }
    /// <summary>The route as the server maps it, e.g. <c>POST /{tenant}/oauth2/v2.0/token (password)</c>.</summary>
    public required string Route { get; init; }
    /// <summary>What is hostile about the request, short, e.g. <c>scope: invalid UTF-8</c>.</summary>
    public required string Input { get; init; }
    public IReadOnlyList<KeyValuePair<string, string>> Headers { get; init; } = [];
    public byte[]? Body { get; init; }
    public string? ContentType { get; init; }
    /// <summary>A request sent right after this one has its answer: one that meets what this one stored (a sign-in after a Graph change).</summary>
    public FuzzCase? Then { get; init; }
}

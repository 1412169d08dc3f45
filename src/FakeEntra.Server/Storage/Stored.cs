using FakeEntra.Server.Storage.Rows;

namespace FakeEntra.Server.Storage;

/// <summary>A directory object as the database holds it now, with the version a write of it must still find.</summary>
public sealed record Stored<T>(T Value, DirectoryObjectRow Row)
{
    /// <summary>Graph's <c>@odata.etag</c> (and the <c>If-Match</c> a conditional write compares).</summary>
    public string ETag => $"W/\"{Row.Version}\"";
}

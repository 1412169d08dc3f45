namespace FakeEntra.Server.Storage.Rows;

/// <summary>One directory object of one tenant, its Graph-shaped JSON beside the keys the database keeps unique.</summary>
public sealed class DirectoryObjectRow
{
    /// <summary>Insertion order (lists keep the order objects were added in).</summary>
    public long Sequence { get; set; }
    public Guid TenantId { get; set; }
    /// <summary>A <see cref="Core.DirectoryObjects.DirectoryObjectKind"/> name.</summary>
    public required string Kind { get; set; }
    /// <summary>Object id (a partner's tenant id, <c>default</c> for the default setting), unique per tenant and kind.</summary>
    public required string Key { get; set; }
    /// <summary>A second unique key per tenant and kind: a user's principal name, upper-cased.</summary>
    public string? UniqueName { get; set; }
    public required string Json { get; set; }
    /// <summary>Optimistic concurrency: a write succeeds only on the version it read; Graph's <c>@odata.etag</c>.</summary>
    public long Version { get; set; }
}

namespace FakeEntra.Server.Storage.Rows;

/// <summary>An authorization grant whose refresh tokens no longer work (its code was replayed).</summary>
public sealed class GrantRevocationRow
{
    public Guid GrantId { get; set; }
    /// <summary>UTC.</summary>
    public DateTime Revoked { get; set; }
}

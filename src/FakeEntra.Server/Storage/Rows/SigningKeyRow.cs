namespace FakeEntra.Server.Storage.Rows;

/// <summary>A token-signing key (the one key set all tenants share).</summary>
public sealed class SigningKeyRow
{
    public required string Kid { get; set; }
    public required byte[] Certificate { get; set; }
    public required byte[] PrivateKey { get; set; }
    /// <summary>UTC.</summary>
    public DateTime Created { get; set; }
}

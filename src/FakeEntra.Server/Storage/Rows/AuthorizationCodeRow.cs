namespace FakeEntra.Server.Storage.Rows;

/// <summary>A pending authorization code, found by the hash of its value (the value itself is never stored).</summary>
public sealed class AuthorizationCodeRow
{
    public required string CodeHash { get; set; }
    public required string Json { get; set; }
    /// <summary>UTC.</summary>
    public DateTime ExpiresAt { get; set; }
    /// <summary>Set once, by the one redemption the database lets through (UTC).</summary>
    public DateTime? RedeemedAt { get; set; }
}

namespace FakeEntra.Server.Storage.Rows;

/// <summary>A device-code sign-in: the device polls with the code (found by its hash), the person types the user code.</summary>
public sealed class DeviceAuthorizationRow
{
    public required string DeviceCodeHash { get; set; }
    public required string UserCode { get; set; }
    /// <summary>A <c>DeviceAuthorizationStatus</c> name; moves only forward, each step conditional on the one before.</summary>
    public required string Status { get; set; }
    public required string Json { get; set; }
    /// <summary>UTC.</summary>
    public DateTime ExpiresAt { get; set; }
}

namespace FakeEntra.Core.DirectoryObjects;

public sealed record Device
{
    public required Guid Id { get; init; }
    public required Guid DeviceId { get; init; }
    public required string DisplayName { get; init; }
    /// <summary><c>AzureAd</c> (Entra joined), <c>ServerAd</c> (hybrid joined) or <c>Workplace</c> (registered).</summary>
    public required string TrustType { get; init; }
    public bool IsCompliant { get; init; }
    public bool IsManaged { get; init; }
    public string? OperatingSystem { get; init; }
    public bool AccountEnabled { get; init; } = true;
    public IReadOnlyList<Guid> RegisteredOwners { get; init; } = [];
}

public static class DeviceTrustTypes
{
    public const string AzureAd = "AzureAd";
    public const string ServerAd = "ServerAd";
    public const string Workplace = "Workplace";
    public static readonly IReadOnlyList<string> All = [AzureAd, ServerAd, Workplace];
}

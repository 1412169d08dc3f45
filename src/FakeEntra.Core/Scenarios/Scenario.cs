using FakeEntra.Core.DirectoryObjects;

namespace FakeEntra.Core.Scenarios;

/// <summary>A whole world as a scenario file declares it, in Graph's property names.</summary>
public sealed record Scenario
{
    [System.Text.Json.Serialization.JsonPropertyName("$schema")]
    public string? Schema { get; init; }
    public string? Description { get; init; }
    public required IReadOnlyList<TenantDirectory> Tenants { get; init; }
}

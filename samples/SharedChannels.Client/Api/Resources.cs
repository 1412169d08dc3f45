using System.Text.Json.Serialization;

namespace SharedChannels.Client.Api;

// The API's JSON (camelCase), as the contract pins it.

public sealed record Team(string Id, string DisplayName, DateTimeOffset? CreatedDateTime);

public sealed record Channel(string Id, string? TeamId, string DisplayName, string MembershipType);

public sealed record Member(string Id, string? DisplayName, string? Email, string Role, string? TenantId, string? UserId, string? Kind);

public sealed record MessageSender(string? DisplayName, string? UserId, string? TenantId);

public sealed record Message(string Id, string Content, DateTimeOffset CreatedDateTime, MessageSender? From);

/// <summary>Graph's collection shape: <c>value</c> and, when more pages follow, <c>@odata.nextLink</c>.</summary>
public sealed record Collection<T>(IReadOnlyList<T> Value, [property: JsonPropertyName("@odata.nextLink")] string? NextLink);

/// <summary>An RFC 7807 problem details body.</summary>
public sealed record ProblemDetails(string? Type, string? Title, int? Status, string? Detail);

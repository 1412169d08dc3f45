using SharedChannels.Api.Data;

namespace SharedChannels.Api.Channels;

public sealed record ChannelResource(Guid Id, Guid TeamId, string DisplayName, MembershipType MembershipType, DateTimeOffset CreatedDateTime)
{
    public static ChannelResource Of(Channel c) => new(c.Id, c.TeamId, c.DisplayName, c.MembershipType, c.CreatedDateTime);
}

public sealed record MemberResource(Guid Id, string DisplayName, string? Email, MemberRole Role, Guid TenantId, Guid UserId, MemberKind Kind)
{
    public static MemberResource Of(Person p) => new(p.Id, p.DisplayName, p.Email, p.Role, p.TenantId, p.UserId, p.Kind);
}

public sealed record Identity(string DisplayName, Guid UserId, Guid TenantId);

/// <summary>A message; its id is a string, as Graph's ids are.</summary>
public sealed record MessageResource(string Id, string Content, DateTimeOffset CreatedDateTime, Identity From)
{
    public static MessageResource Of(Message m) => new(m.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), m.Content, m.CreatedDateTime, new Identity(m.FromDisplayName, m.FromUserId, m.FromTenantId));
}

public sealed record FileResource(Guid Id, string Name, long Size, Identity UploadedBy, DateTimeOffset CreatedDateTime)
{
    public static FileResource Of(ChannelFile f) => new(f.Id, f.Name, f.Size, new Identity(f.UploadedByDisplayName, f.UploadedByUserId, f.UploadedByTenantId), f.CreatedDateTime);
}

public sealed record AddMemberRequest(string Email, string? Role = null);

public sealed record UpdateMemberRequest(string Role);

public sealed record CreateChannelRequest(string DisplayName, string? MembershipType = null);

public sealed record PostMessageRequest(string Content);

/// <summary>Graph's collection shape.</summary>
public sealed record Collection<T>(IReadOnlyList<T> Value)
{
    [System.Text.Json.Serialization.JsonPropertyName("@odata.nextLink")]
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public string? NextLink { get; init; }
}

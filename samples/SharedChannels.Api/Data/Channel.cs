namespace SharedChannels.Api.Data;

public enum MembershipType
{
    Standard,
    Shared,
}

/// <summary>A channel of a team: standard (the team's members) or shared (its own members, people of other organizations too).</summary>
public sealed class Channel
{
    public Guid Id { get; set; }
    public Guid TeamId { get; set; }
    public Team? Team { get; set; }
    public required string DisplayName { get; set; }
    public MembershipType MembershipType { get; set; }
    public DateTimeOffset CreatedDateTime { get; set; }
    public List<ChannelMember> Members { get; set; } = [];
}

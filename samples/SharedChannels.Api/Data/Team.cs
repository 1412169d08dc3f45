namespace SharedChannels.Api.Data;

/// <summary>A team of the resource tenant.</summary>
public sealed class Team
{
    public Guid Id { get; set; }
    public required string DisplayName { get; set; }
    public DateTimeOffset CreatedDateTime { get; set; }
    public List<TeamMember> Members { get; set; } = [];
    public List<Channel> Channels { get; set; } = [];
}

namespace SharedChannels.Api.Data;

/// <summary>A message posted in a channel; <see cref="Id"/> grows with time, so it orders and pages.</summary>
public sealed class Message
{
    public long Id { get; set; }
    public Guid ChannelId { get; set; }
    public required string Content { get; set; }
    public DateTimeOffset CreatedDateTime { get; set; }
    public Guid FromTenantId { get; set; }
    public Guid FromUserId { get; set; }
    public required string FromDisplayName { get; set; }
}

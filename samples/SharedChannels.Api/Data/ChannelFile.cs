namespace SharedChannels.Api.Data;

/// <summary>A small file shared in a channel, kept in the database with who uploaded it.</summary>
public sealed class ChannelFile
{
    public Guid Id { get; set; }
    public Guid ChannelId { get; set; }
    public required string Name { get; set; }
    public required byte[] Content { get; set; }
    public long Size { get; set; }
    public DateTimeOffset CreatedDateTime { get; set; }
    public Guid UploadedByTenantId { get; set; }
    public Guid UploadedByUserId { get; set; }
    public required string UploadedByDisplayName { get; set; }
}

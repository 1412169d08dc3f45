namespace FakeEntra.Server.Storage.Rows;

/// <summary>A user or group that is a member of a group.</summary>
public sealed class GroupMemberRow
{
    public long Sequence { get; set; }
    public Guid TenantId { get; set; }
    public Guid GroupId { get; set; }
    public Guid MemberId { get; set; }
}

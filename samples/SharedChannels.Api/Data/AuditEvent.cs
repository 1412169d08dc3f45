namespace SharedChannels.Api.Data;

/// <summary>
/// A Teams audit event of the resource tenant (shared channel lifecycle, member lifecycle), in-tenant or cross-tenant, with
/// the actor and the target. There is no counterpart in an external member's home tenant.
/// </summary>
public sealed class AuditEvent
{
    public long Id { get; set; }
    public DateTimeOffset CreatedDateTime { get; set; }
    public required string Operation { get; set; }
    public bool CrossTenant { get; set; }
    public Guid TeamId { get; set; }
    public Guid ChannelId { get; set; }
    public required string ChannelName { get; set; }
    public Guid ActorTenantId { get; set; }
    public Guid ActorUserId { get; set; }
    public required string ActorDisplayName { get; set; }
    public Guid? TargetTenantId { get; set; }
    public Guid? TargetUserId { get; set; }
    public string? TargetDisplayName { get; set; }
    public MemberRole? TargetRole { get; set; }
}

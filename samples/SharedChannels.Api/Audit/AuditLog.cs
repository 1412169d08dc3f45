using SharedChannels.Api.Callers;
using SharedChannels.Api.Data;

namespace SharedChannels.Api.Audit;

/// <summary>
/// Records Teams audit events in the resource tenant, in the same save as the change itself: a member lifecycle event is
/// cross-tenant when the actor or the target is of another organization.
/// </summary>
public sealed class AuditLog(SharedChannelsDb db, TimeProvider time, ResourceTenant resource)
{
    public const string SharedChannelCreated = "sharedChannelCreated";
    public const string SharedChannelDeleted = "sharedChannelDeleted";
    public const string MemberAdded = "memberAdded";
    public const string MemberRemoved = "memberRemoved";
    public const string MemberPromoted = "memberPromoted";
    public const string MemberDemoted = "memberDemoted";

    public void Record(string operation, Channel channel, Caller actor, ChannelMember? target = null) => db.AuditEvents.Add(new AuditEvent
    {
        CreatedDateTime = time.GetUtcNow(),
        Operation = operation,
        CrossTenant = actor.TenantId != resource.Id || (target is not null && target.TenantId != resource.Id),
        TeamId = channel.TeamId,
        ChannelId = channel.Id,
        ChannelName = channel.DisplayName,
        ActorTenantId = actor.TenantId,
        ActorUserId = actor.UserId,
        ActorDisplayName = actor.DisplayName,
        TargetTenantId = target?.TenantId,
        TargetUserId = target?.UserId,
        TargetDisplayName = target?.DisplayName,
        TargetRole = target?.Role,
    });
}

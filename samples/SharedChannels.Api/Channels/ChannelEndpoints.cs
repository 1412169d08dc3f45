using Microsoft.EntityFrameworkCore;
using SharedChannels.Api.Callers;
using SharedChannels.Api.Data;

namespace SharedChannels.Api.Channels;

/// <summary><c>/channels</c>: every channel the caller may use, across teams (for a direct connect user, their shared channels only).</summary>
public static class ChannelEndpoints
{
    public static void MapChannels(this RouteGroupBuilder channels)
    {
        channels.MapGet("", async (Caller caller, SharedChannelsDb db) =>
        {
            var visible = caller.Kind switch
            {
                CallerKind.App => db.Channels,
                CallerKind.External => db.Channels.Where(c => c.MembershipType == MembershipType.Shared
                    && db.ChannelMembers.Any(m => m.ChannelId == c.Id && m.TenantId == caller.TenantId && m.UserId == caller.UserId)),
                CallerKind.Guest => db.Channels.Where(c => c.MembershipType == MembershipType.Standard
                    && db.TeamMembers.Any(m => m.TeamId == c.TeamId && m.TenantId == caller.TenantId && m.UserId == caller.UserId)),
                _ => db.Channels.Where(c =>
                    (c.MembershipType == MembershipType.Standard && db.TeamMembers.Any(m => m.TeamId == c.TeamId && m.TenantId == caller.TenantId && m.UserId == caller.UserId))
                    || (c.MembershipType == MembershipType.Shared && db.ChannelMembers.Any(m => m.ChannelId == c.Id && m.TenantId == caller.TenantId && m.UserId == caller.UserId))),
            };
            var list = await visible.OrderBy(c => c.DisplayName).ToListAsync();
            return new Collection<ChannelResource>([.. list.Select(ChannelResource.Of)]);
        });

        channels.MapGet("/{channelId}", async (string channelId, Caller caller, ChannelAccess access) => ChannelResource.Of(await access.UsableAsync(channelId, caller)));
    }
}

using Microsoft.EntityFrameworkCore;
using SharedChannels.Api.Callers;
using SharedChannels.Api.Data;
using SharedChannels.Api.Directory;
using SharedChannels.Api.Hosting;

namespace SharedChannels.Api.Channels;

/// <summary><c>/channels/{id}/members</c>: a shared channel's owners add people by e-mail, promote, demote and remove them.</summary>
public static class ChannelMemberEndpoints
{
    public static void MapChannelMembers(this RouteGroupBuilder channels)
    {
        channels.MapGet("/{channelId}/members", async (string channelId, Caller caller, ChannelAccess access, SharedChannelsDb db) =>
        {
            var channel = await access.UsableAsync(channelId, caller);
            List<Person> members = channel.MembershipType == MembershipType.Shared
                ? [.. await db.ChannelMembers.Where(m => m.ChannelId == channel.Id).ToListAsync()]
                : [.. await db.TeamMembers.Where(m => m.TeamId == channel.TeamId).ToListAsync()];
            return new Collection<MemberResource>([.. members.OrderBy(m => m.DisplayName, StringComparer.OrdinalIgnoreCase).Select(MemberResource.Of)]);
        });

        channels.MapPost("/{channelId}/members", async (string channelId, Caller caller, HttpRequest request, ChannelAccess access, MemberLookup lookup, ChannelMembership membership) =>
        {
            var channel = await access.OwnedSharedAsync(channelId, caller);
            var body = await RequestBody.ReadAsync<AddMemberRequest>(request);
            var role = Roles.Parse(body.Role, MemberRole.Member);
            var candidate = await lookup.ForSharedChannelAsync(body.Email, request.HttpContext.RequestAborted);
            var member = await membership.AddAsync(channel, caller, candidate, role);
            return Results.Created($"/channels/{channel.Id}/members/{member.Id}", MemberResource.Of(member));
        });

        channels.MapPatch("/{channelId}/members/{memberId}", async (string channelId, string memberId, Caller caller, HttpRequest request, ChannelAccess access, ChannelMembership membership) =>
        {
            var channel = await access.OwnedSharedAsync(channelId, caller);
            var body = await RequestBody.ReadAsync<UpdateMemberRequest>(request);
            var member = await membership.ChangeRoleAsync(channel, caller, memberId, Roles.Parse(body.Role, MemberRole.Member));
            return MemberResource.Of(member);
        });

        channels.MapDelete("/{channelId}/members/{memberId}", async (string channelId, string memberId, Caller caller, ChannelAccess access, ChannelMembership membership) =>
        {
            var channel = await access.OwnedSharedAsync(channelId, caller);
            await membership.RemoveAsync(channel, caller, memberId);
            return Results.NoContent();
        });
    }
}

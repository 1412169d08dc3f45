using Microsoft.EntityFrameworkCore;
using SharedChannels.Api.Callers;
using SharedChannels.Api.Channels;
using SharedChannels.Api.Data;
using SharedChannels.Api.Teams;

namespace SharedChannels.Api.AccessReview;

/// <summary>A member as a review shows them: its kind (internal, guest, external) and, for external users, their home tenant.</summary>
public sealed record ReviewedMember(Guid Id, string DisplayName, string? Email, MemberRole Role, MemberKind Kind, Guid TenantId, Guid UserId, Guid? HomeTenantId)
{
    public static ReviewedMember Of(Person p) =>
        new(p.Id, p.DisplayName, p.Email, p.Role, p.Kind, p.TenantId, p.UserId, p.Kind == MemberKind.External ? p.TenantId : null);
}

public sealed record ReviewedChannel(Guid Id, string DisplayName, IReadOnlyList<ReviewedMember> Members);

public sealed record TeamAccessReview(Guid TeamId, string DisplayName, IReadOnlyList<ReviewedMember> Members, IReadOnlyList<ReviewedChannel> SharedChannels);

/// <summary>
/// <c>/teams/{id}/accessReview</c>: as Teams access reviews do, the team's members and each shared channel's direct members,
/// classified internal, guest or external (B2B direct connect, with home tenant); a reviewer removes people from here.
/// </summary>
public static class AccessReviewEndpoints
{
    public static void MapAccessReview(this RouteGroupBuilder teams)
    {
        teams.MapGet("/{teamId}/accessReview", async (string teamId, Caller caller, TeamAccess access, SharedChannelsDb db) =>
        {
            var team = await access.ReviewableAsync(teamId, caller);
            var members = await db.TeamMembers.Where(m => m.TeamId == team.Id).ToListAsync();
            var shared = await db.Channels.Where(c => c.TeamId == team.Id && c.MembershipType == MembershipType.Shared).Include(c => c.Members).OrderBy(c => c.DisplayName).ToListAsync();
            return new TeamAccessReview(team.Id, team.DisplayName, Ordered(members),
                [.. shared.Select(c => new ReviewedChannel(c.Id, c.DisplayName, Ordered(c.Members)))]);
        });

        teams.MapDelete("/{teamId}/accessReview/channels/{channelId}/members/{memberId}", async (string teamId, string channelId, string memberId, Caller caller,
            TeamAccess access, ChannelAccess channels, ChannelMembership membership) =>
        {
            var team = await access.ReviewableAsync(teamId, caller.RequireUser());
            var channel = await channels.FindAsync(channelId);
            if (channel.TeamId != team.Id || channel.MembershipType != MembershipType.Shared) throw ChannelAccess.NoChannel(channelId);
            await membership.RemoveAsync(channel, caller, memberId);
            return Results.NoContent();
        });
    }

    private static List<ReviewedMember> Ordered(IEnumerable<Person> people) =>
        [.. people.OrderBy(p => p.Kind).ThenBy(p => p.DisplayName, StringComparer.OrdinalIgnoreCase).Select(ReviewedMember.Of)];
}

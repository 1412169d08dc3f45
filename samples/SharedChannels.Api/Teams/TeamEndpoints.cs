using Microsoft.EntityFrameworkCore;
using SharedChannels.Api.Audit;
using SharedChannels.Api.Callers;
using SharedChannels.Api.Channels;
using SharedChannels.Api.Data;
using SharedChannels.Api.Directory;
using SharedChannels.Api.Hosting;

namespace SharedChannels.Api.Teams;

/// <summary><c>/teams</c>: teams of the resource tenant, their members (members and guests) and channels.</summary>
public static class TeamEndpoints
{
    public static void MapTeams(this RouteGroupBuilder teams)
    {
        teams.MapPost("", async (Caller caller, HttpRequest request, SharedChannelsDb db, TimeProvider time) =>
        {
            if (caller.RequireUser().Kind != CallerKind.Internal) throw ProblemException.Forbidden("Only the organization's own members create teams.");
            var body = await RequestBody.ReadAsync<CreateTeamRequest>(request);
            var now = time.GetUtcNow();
            var team = new Team { DisplayName = DisplayNames.Parse(body.DisplayName, "team"), CreatedDateTime = now };
            team.Members.Add(Members.Creator<TeamMember>(caller, now));
            db.Teams.Add(team);
            await db.SaveChangesAsync();
            return Results.Created($"/teams/{team.Id}", TeamResource.Of(team));
        });

        teams.MapGet("", async (Caller caller, SharedChannelsDb db) =>
        {
            var list = caller.Kind switch
            {
                CallerKind.App => await db.Teams.OrderBy(t => t.DisplayName).ToListAsync(),
                CallerKind.External => [],
                _ => await db.Teams.Where(t => t.Members.Any(m => m.TenantId == caller.TenantId && m.UserId == caller.UserId)).OrderBy(t => t.DisplayName).ToListAsync(),
            };
            return new Collection<TeamResource>([.. list.Select(TeamResource.Of)]);
        });

        teams.MapGet("/{teamId}/members", async (string teamId, Caller caller, TeamAccess access, SharedChannelsDb db) =>
        {
            var (team, _) = await access.VisibleAsync(teamId, caller);
            var members = await db.TeamMembers.Where(m => m.TeamId == team.Id).ToListAsync();
            return new Collection<MemberResource>([.. members.OrderBy(m => m.DisplayName, StringComparer.OrdinalIgnoreCase).Select(MemberResource.Of)]);
        });

        teams.MapPost("/{teamId}/members", async (string teamId, Caller caller, HttpRequest request, TeamAccess access, MemberLookup lookup, SharedChannelsDb db, TimeProvider time) =>
        {
            var team = await access.OwnedAsync(teamId, caller);
            var body = await RequestBody.ReadAsync<AddMemberRequest>(request);
            var role = Roles.Parse(body.Role, MemberRole.Member);
            var candidate = await lookup.ForTeamAsync(body.Email, request.HttpContext.RequestAborted);
            if (await db.TeamMembers.AnyAsync(m => m.TeamId == team.Id && m.TenantId == candidate.TenantId && m.UserId == candidate.UserId))
                throw ProblemException.Conflict($"{candidate.DisplayName} is already a member of '{team.DisplayName}'.");
            var member = Members.Found<TeamMember>(candidate, role, time.GetUtcNow());
            member.TeamId = team.Id;
            db.TeamMembers.Add(member);
            await db.SaveChangesAsync();
            return Results.Created($"/teams/{team.Id}/members/{member.Id}", MemberResource.Of(member));
        });

        teams.MapGet("/{teamId}/channels", async (string teamId, Caller caller, TeamAccess access, SharedChannelsDb db) =>
        {
            var (team, membership) = await access.VisibleAsync(teamId, caller);
            var all = await db.Channels.Where(c => c.TeamId == team.Id).OrderBy(c => c.DisplayName).ToListAsync();
            var mine = await db.ChannelMembers.Where(m => m.TenantId == caller.TenantId && m.UserId == caller.UserId).Select(m => m.ChannelId).ToListAsync();
            var visible = caller.Kind == CallerKind.App || (caller.IsAdmin && membership is null)
                ? all
                : all.Where(c => c.MembershipType == MembershipType.Standard || (caller.Kind == CallerKind.Internal && mine.Contains(c.Id)));
            return new Collection<ChannelResource>([.. visible.Select(ChannelResource.Of)]);
        });

        teams.MapPost("/{teamId}/channels", async (string teamId, Caller caller, HttpRequest request, TeamAccess access, SharedChannelsDb db, AuditLog audit, TimeProvider time) =>
        {
            var (team, membership) = await access.VisibleAsync(teamId, caller.RequireUser());
            if (membership is null || caller.Kind != CallerKind.Internal) throw ProblemException.Forbidden("Only the team's own members (not guests) create channels.");
            var body = await RequestBody.ReadAsync<CreateChannelRequest>(request);
            var type = body.MembershipType switch
            {
                null or "standard" => MembershipType.Standard,
                "shared" => MembershipType.Shared,
                _ => throw ProblemException.BadRequest("membershipType must be 'standard' or 'shared'."),
            };
            var now = time.GetUtcNow();
            var channel = new Channel { TeamId = team.Id, DisplayName = DisplayNames.Parse(body.DisplayName, "channel"), MembershipType = type, CreatedDateTime = now };
            db.Channels.Add(channel);
            if (type == MembershipType.Shared)
            {
                // The creator is the shared channel's first owner.
                channel.Members.Add(Members.Creator<ChannelMember>(caller, now));
                audit.Record(AuditLog.SharedChannelCreated, channel, caller);
            }
            await db.SaveChangesAsync();
            return Results.Created($"/channels/{channel.Id}", ChannelResource.Of(channel));
        });

        teams.MapDelete("/{teamId}/channels/{channelId}", async (string teamId, string channelId, Caller caller, TeamAccess access, ChannelAccess channels, SharedChannelsDb db, AuditLog audit) =>
        {
            var (team, membership) = await access.VisibleAsync(teamId, caller.RequireUser());
            var channel = await channels.FindAsync(channelId);
            if (channel.TeamId != team.Id) throw ChannelAccess.NoChannel(channelId);
            var ownsChannel = channel.MembershipType == MembershipType.Shared && await channels.MembershipAsync(channel.Id, caller) is { Role: MemberRole.Owner };
            if (membership is not { Role: MemberRole.Owner } && !ownsChannel) throw ProblemException.Forbidden("Only the team's owners (or a shared channel's owners) delete a channel.");
            db.Channels.Remove(channel);
            if (channel.MembershipType == MembershipType.Shared) audit.Record(AuditLog.SharedChannelDeleted, channel, caller);
            await db.SaveChangesAsync();
            return Results.NoContent();
        });
    }
}

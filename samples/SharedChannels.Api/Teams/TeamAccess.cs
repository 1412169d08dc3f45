using Microsoft.EntityFrameworkCore;
using SharedChannels.Api.Callers;
using SharedChannels.Api.Channels;
using SharedChannels.Api.Data;
using SharedChannels.Api.Hosting;

namespace SharedChannels.Api.Teams;

/// <summary>
/// Teams are for the resource tenant's members and guests who belong to them; a B2B direct connect user never sees one.
/// Owners manage; the organization's admins (and reading apps) also see every team for reviews.
/// </summary>
public sealed class TeamAccess(SharedChannelsDb db, ChannelAccess channels)
{
    public async Task<(Team Team, TeamMember? Membership)> VisibleAsync(string teamId, Caller caller)
    {
        var team = Guid.TryParse(teamId, out var id) ? await db.Teams.FirstOrDefaultAsync(t => t.Id == id) : null;
        var membership = team is null ? null : await channels.TeamMembershipAsync(team.Id, caller);
        if (team is null || (membership is null && !caller.IsAdmin && caller.Kind != CallerKind.App))
            throw ProblemException.NotFound($"No team '{(teamId.Length > 40 ? teamId[..40] : teamId)}' that you belong to.");
        return (team, membership);
    }

    public async Task<Team> OwnedAsync(string teamId, Caller caller)
    {
        var (team, membership) = await VisibleAsync(teamId, caller.RequireUser());
        return membership is { Role: MemberRole.Owner } ? team : throw ProblemException.Forbidden("Only the team's owners may do this.");
    }

    /// <summary>Owners, and the organization's admins, review a team's access; apps with Channels.Read.All read it.</summary>
    public async Task<Team> ReviewableAsync(string teamId, Caller caller)
    {
        var (team, membership) = await VisibleAsync(teamId, caller);
        return membership is { Role: MemberRole.Owner } || caller.IsAdmin || caller.Kind == CallerKind.App
            ? team
            : throw ProblemException.Forbidden("Only the team's owners and the organization's admins review its access.");
    }
}

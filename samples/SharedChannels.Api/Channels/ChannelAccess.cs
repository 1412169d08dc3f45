using Microsoft.EntityFrameworkCore;
using SharedChannels.Api.Callers;
using SharedChannels.Api.Data;
using SharedChannels.Api.Hosting;

namespace SharedChannels.Api.Channels;

/// <summary>
/// Who may use what. A standard channel belongs to its team's members (Contoso members and guests); a shared channel to its
/// own members (Contoso members and B2B direct connect users) — a guest never sees one, a direct connect user sees nothing
/// but the shared channels they belong to. Apps with <c>Channels.Read.All</c> read everything. What a caller may not see
/// does not exist for them (404); a guest who asks for their own team's shared channel is told why (403).
/// </summary>
public sealed class ChannelAccess(SharedChannelsDb db)
{
    public async Task<Channel> UsableAsync(string channelId, Caller caller)
    {
        var channel = await FindAsync(channelId);
        if (caller.Kind == CallerKind.App) return channel;
        if (channel.MembershipType == MembershipType.Standard)
        {
            if (caller.Kind != CallerKind.External && await IsTeamMemberAsync(channel.TeamId, caller)) return channel;
        }
        else if (caller.Kind == CallerKind.Guest)
        {
            if (await IsTeamMemberAsync(channel.TeamId, caller))
                throw ProblemException.Forbidden("Guests (B2B collaboration) can neither see nor join shared channels.");
        }
        else if (await MembershipAsync(channel.Id, caller) is not null)
        {
            return channel;
        }
        throw NoChannel(channelId);
    }

    /// <summary>A shared channel the caller owns (to manage its members).</summary>
    public async Task<Channel> OwnedSharedAsync(string channelId, Caller caller)
    {
        var channel = await UsableAsync(channelId, caller.RequireUser());
        if (channel.MembershipType != MembershipType.Shared)
            throw ProblemException.BadRequest("A standard channel's members are its team's members; manage them on the team.");
        if (await MembershipAsync(channel.Id, caller) is not { Role: MemberRole.Owner })
            throw ProblemException.Forbidden("Only the shared channel's owners manage its members.");
        return channel;
    }

    public async Task<Channel> FindAsync(string channelId) =>
        Guid.TryParse(channelId, out var id) && await db.Channels.FirstOrDefaultAsync(c => c.Id == id) is { } channel ? channel : throw NoChannel(channelId);

    public Task<ChannelMember?> MembershipAsync(Guid channelId, Caller caller) =>
        db.ChannelMembers.FirstOrDefaultAsync(m => m.ChannelId == channelId && m.TenantId == caller.TenantId && m.UserId == caller.UserId);

    public Task<TeamMember?> TeamMembershipAsync(Guid teamId, Caller caller) =>
        caller.Kind is CallerKind.Internal or CallerKind.Guest
            ? db.TeamMembers.FirstOrDefaultAsync(m => m.TeamId == teamId && m.TenantId == caller.TenantId && m.UserId == caller.UserId)
            : Task.FromResult<TeamMember?>(null);

    private async Task<bool> IsTeamMemberAsync(Guid teamId, Caller caller) => await TeamMembershipAsync(teamId, caller) is not null;

    public static ProblemException NoChannel(string channelId) =>
        ProblemException.NotFound($"No channel '{(channelId.Length > 40 ? channelId[..40] : channelId)}' that you can use.");
}

using Microsoft.EntityFrameworkCore;
using SharedChannels.Api.Audit;
using SharedChannels.Api.Callers;
using SharedChannels.Api.Data;
using SharedChannels.Api.Directory;
using SharedChannels.Api.Hosting;

namespace SharedChannels.Api.Channels;

/// <summary>A shared channel's member lifecycle (add, promote, demote, remove), each change audited in the same save.</summary>
public sealed class ChannelMembership(SharedChannelsDb db, AuditLog audit, TimeProvider time)
{
    public async Task<ChannelMember> AddAsync(Channel channel, Caller actor, Candidate candidate, MemberRole role)
    {
        if (await db.ChannelMembers.AnyAsync(m => m.ChannelId == channel.Id && m.TenantId == candidate.TenantId && m.UserId == candidate.UserId))
            throw ProblemException.Conflict($"{candidate.DisplayName} is already a member of '{channel.DisplayName}'.");
        var member = Members.Found<ChannelMember>(candidate, role, time.GetUtcNow());
        member.ChannelId = channel.Id;
        db.ChannelMembers.Add(member);
        audit.Record(AuditLog.MemberAdded, channel, actor, member);
        try
        {
            await db.SaveChangesAsync();
        }
        catch (DbUpdateException)
        {
            // Added by a concurrent request between the check and the save.
            throw ProblemException.Conflict($"{candidate.DisplayName} is already a member of '{channel.DisplayName}'.");
        }
        return member;
    }

    public async Task<ChannelMember> ChangeRoleAsync(Channel channel, Caller actor, string memberId, MemberRole role)
    {
        var member = await FindAsync(channel, memberId);
        if (member.Role == role) return member;
        if (role == MemberRole.Member) await KeepAnOwnerAsync(channel, member);
        member.Role = role;
        audit.Record(role == MemberRole.Owner ? AuditLog.MemberPromoted : AuditLog.MemberDemoted, channel, actor, member);
        await db.SaveChangesAsync();
        return member;
    }

    public async Task RemoveAsync(Channel channel, Caller actor, string memberId)
    {
        var member = await FindAsync(channel, memberId);
        await KeepAnOwnerAsync(channel, member);
        db.ChannelMembers.Remove(member);
        audit.Record(AuditLog.MemberRemoved, channel, actor, member);
        await db.SaveChangesAsync();
    }

    private async Task<ChannelMember> FindAsync(Channel channel, string memberId) =>
        Guid.TryParse(memberId, out var id) && await db.ChannelMembers.FirstOrDefaultAsync(m => m.Id == id && m.ChannelId == channel.Id) is { } member
            ? member
            : throw ProblemException.NotFound($"No member '{(memberId.Length > 40 ? memberId[..40] : memberId)}' in '{channel.DisplayName}'.");

    private async Task KeepAnOwnerAsync(Channel channel, ChannelMember leaving)
    {
        if (leaving.Role == MemberRole.Owner && !await db.ChannelMembers.AnyAsync(m => m.ChannelId == channel.Id && m.Id != leaving.Id && m.Role == MemberRole.Owner))
            throw ProblemException.BadRequest($"'{channel.DisplayName}' needs at least one owner: promote someone else first.");
    }
}

using SharedChannels.Api.Callers;
using SharedChannels.Api.Data;
using SharedChannels.Api.Directory;

namespace SharedChannels.Api.Channels;

/// <summary>New team and channel members: someone the directory found, or the creator (a Contoso member) as first owner.</summary>
public static class Members
{
    public static T Found<T>(Candidate candidate, MemberRole role, DateTimeOffset now) where T : Person, new() => new()
    {
        TenantId = candidate.TenantId,
        UserId = candidate.UserId,
        DisplayName = candidate.DisplayName,
        Email = candidate.Email,
        Role = role,
        Kind = candidate.Kind,
        AddedDateTime = now,
    };

    public static T Creator<T>(Caller caller, DateTimeOffset now) where T : Person, new() => new()
    {
        TenantId = caller.TenantId,
        UserId = caller.UserId,
        DisplayName = caller.DisplayName,
        Email = caller.Email,
        Role = MemberRole.Owner,
        Kind = MemberKind.Internal,
        AddedDateTime = now,
    };
}

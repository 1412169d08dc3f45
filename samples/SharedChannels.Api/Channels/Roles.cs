using SharedChannels.Api.Data;
using SharedChannels.Api.Hosting;

namespace SharedChannels.Api.Channels;

/// <summary>The <c>role</c> of a request: <c>member</c> (the default when adding) or <c>owner</c>.</summary>
public static class Roles
{
    public static MemberRole Parse(string? role, MemberRole fallback) => role switch
    {
        null => fallback,
        "member" => MemberRole.Member,
        "owner" => MemberRole.Owner,
        _ => throw ProblemException.BadRequest($"Unknown role '{(role.Length > 40 ? role[..40] : role)}': use 'member' or 'owner'."),
    };
}

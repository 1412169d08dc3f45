namespace SharedChannels.Api.Data;

/// <summary>How a member belongs to the resource tenant: its own member, a B2B collaboration guest, or a B2B direct connect user.</summary>
public enum MemberKind
{
    Internal,
    Guest,
    External,
}

/// <summary>A member's role in a team or shared channel.</summary>
public enum MemberRole
{
    Member,
    Owner,
}

namespace SharedChannels.Api.Data;

/// <summary>
/// Who a member is: <see cref="TenantId"/> and <see cref="UserId"/> as a token names them (the home tenant and home object
/// for a B2B direct connect user; the resource tenant and its object for members and guests), plus the contact data the
/// directory gave when they were added. Email is kept only when the directory returned it.
/// </summary>
public abstract class Person
{
    public Guid Id { get; set; }
    public Guid TenantId { get; set; }
    public Guid UserId { get; set; }
    public string DisplayName { get; set; } = "";
    public string? Email { get; set; }
    public MemberRole Role { get; set; }
    public MemberKind Kind { get; set; }
    public DateTimeOffset AddedDateTime { get; set; }
}

/// <summary>A team member: Contoso members and B2B collaboration guests.</summary>
public sealed class TeamMember : Person
{
    public Guid TeamId { get; set; }
}

/// <summary>A shared channel member: Contoso members and B2B direct connect users, never guests.</summary>
public sealed class ChannelMember : Person
{
    public Guid ChannelId { get; set; }
}

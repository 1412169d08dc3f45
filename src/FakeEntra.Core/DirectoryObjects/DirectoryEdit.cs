namespace FakeEntra.Core.DirectoryObjects;

/// <summary>
/// One change to one object or relation of a tenant: what a write committed, applied the same way to the stored rows and to
/// the in-memory snapshot.
/// </summary>
public abstract record DirectoryEdit(Guid TenantId)
{
    public abstract TenantDirectory ApplyTo(TenantDirectory tenant);
}

/// <summary>An object added or replaced (its relations are kept).</summary>
public sealed record ObjectSaved(Guid TenantId, DirectoryObjectKind Kind, object Value) : DirectoryEdit(TenantId)
{
    public string Key => Kind.KeyOf(Value);

    public override TenantDirectory ApplyTo(TenantDirectory tenant) => Kind.With(tenant, Key, Value);
}

public sealed record ObjectDeleted(Guid TenantId, DirectoryObjectKind Kind, string Key) : DirectoryEdit(TenantId)
{
    public override TenantDirectory ApplyTo(TenantDirectory tenant) => Kind.With(tenant, Key, null);
}

/// <summary>A user or group made a member of a group.</summary>
public sealed record GroupMemberAdded(Guid TenantId, Guid GroupId, Guid MemberId) : DirectoryEdit(TenantId)
{
    public override TenantDirectory ApplyTo(TenantDirectory tenant) => EditGroup(tenant, GroupId, g => g.Members.Contains(MemberId) ? g : g with { Members = [.. g.Members, MemberId] });

    internal static TenantDirectory EditGroup(TenantDirectory tenant, Guid groupId, Func<Group, Group> edit) =>
        DirectoryObjectKinds.Group.Find(tenant, DirectoryObjectKinds.Key(groupId)) is { } group
            ? tenant with { Groups = [.. tenant.Groups.Select(g => g.Id == groupId ? edit(group) : g)] }
            : tenant;
}

public sealed record GroupMemberRemoved(Guid TenantId, Guid GroupId, Guid MemberId) : DirectoryEdit(TenantId)
{
    public override TenantDirectory ApplyTo(TenantDirectory tenant) =>
        GroupMemberAdded.EditGroup(tenant, GroupId, g => g with { Members = [.. g.Members.Where(m => m != MemberId)] });
}

/// <summary>A user's acceptance of a resource organization's privacy statement.</summary>
public sealed record PrivacyConsentAdded(Guid TenantId, Guid UserId, Guid ResourceTenantId) : DirectoryEdit(TenantId)
{
    public override TenantDirectory ApplyTo(TenantDirectory tenant) =>
        EditUser(tenant, UserId, u => u.PrivacyConsents.Contains(ResourceTenantId) ? u : u with { PrivacyConsents = [.. u.PrivacyConsents, ResourceTenantId] });

    internal static TenantDirectory EditUser(TenantDirectory tenant, Guid userId, Func<User, User> edit) =>
        tenant.Users.Any(u => u.Id == userId) ? tenant with { Users = [.. tenant.Users.Select(u => u.Id == userId ? edit(u) : u)] } : tenant;
}

public sealed record PrivacyConsentRemoved(Guid TenantId, Guid UserId, Guid ResourceTenantId) : DirectoryEdit(TenantId)
{
    public override TenantDirectory ApplyTo(TenantDirectory tenant) =>
        PrivacyConsentAdded.EditUser(tenant, UserId, u => u with { PrivacyConsents = [.. u.PrivacyConsents.Where(t => t != ResourceTenantId)] });
}

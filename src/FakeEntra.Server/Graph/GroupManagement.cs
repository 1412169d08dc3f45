using System.Text.Json;
using System.Text.Json.Nodes;
using FakeEntra.Core.DirectoryObjects;
using FakeEntra.Core.Monitoring;
using FakeEntra.Server.Storage;
using Kinds = FakeEntra.Core.DirectoryObjects.DirectoryObjectKinds;

namespace FakeEntra.Server.Graph;

/// <summary>A tenant's groups and their members, as Graph reads and changes them, each change audited (category GroupManagement).</summary>
public sealed class GroupManagement(GraphContext g)
{
    private const string Category = "GroupManagement";

    public IReadOnlyList<Group> List(GraphCaller caller)
    {
        caller.Require(GraphPermission.ReadDirectory);
        return caller.Tenant.Groups;
    }

    public Group Get(GraphCaller caller, string id)
    {
        caller.Require(GraphPermission.ReadDirectory);
        return Find(caller.Tenant, id);
    }

    /// <summary>The group's direct members, users and nested groups, as Graph shows them.</summary>
    public IReadOnlyList<JsonObject> Members(GraphCaller caller, string id)
    {
        var group = Get(caller, id);
        var tenant = caller.Tenant;
        return [.. group.Members.Select(m => tenant.Users.FirstOrDefault(u => u.Id == m) is { } user ? DirectoryObjectViews.Of(user)
            : tenant.Groups.FirstOrDefault(gr => gr.Id == m) is { } nested ? DirectoryObjectViews.Of(nested) : null).OfType<JsonObject>()];
    }

    public async Task<Group> CreateAsync(GraphCaller caller, JsonObject body)
    {
        caller.Require(GraphPermission.WriteGroups);
        var group = GraphResources.Group.Create<Group>(body);
        await g.ChangeAsync(caller, Category, transaction =>
        {
            transaction.Add(Kinds.Group, group);
            return Task.FromResult(new AuditEntry("Add group", "Add", group.Id.ToString("D"), [new ModifiedProperty("DisplayName", null, group.DisplayName)]));
        });
        return group;
    }

    public Task UpdateAsync(GraphCaller caller, string id, JsonObject patch, string? ifMatch = null)
    {
        caller.Require(GraphPermission.WriteGroups);
        return g.ChangeAsync(caller, Category, async transaction =>
        {
            var stored = await Stored(transaction, id);
            GraphContext.CheckIfMatch(ifMatch, stored);
            var after = GraphResources.Group.Update(stored.Value, patch);
            transaction.Update(Kinds.Group, stored, after);
            return new AuditEntry("Update group", "Update", after.Id.ToString("D"), DirectoryObjectViews.Changed(DirectoryObjectViews.Of(stored.Value), DirectoryObjectViews.Of(after)));
        });
    }

    public Task DeleteAsync(GraphCaller caller, string id, string? ifMatch = null)
    {
        caller.Require(GraphPermission.WriteGroups);
        return g.ChangeAsync(caller, Category, async transaction =>
        {
            var stored = await Stored(transaction, id);
            GraphContext.CheckIfMatch(ifMatch, stored);
            await transaction.RemoveMembersAsync(stored.Value.Id);
            await transaction.RemoveFromGroupsAsync(stored.Value.Id);
            transaction.Delete(Kinds.Group, stored);
            return new AuditEntry("Delete group", "Delete", stored.Value.Id.ToString("D"), [new ModifiedProperty("DisplayName", stored.Value.DisplayName, null)]);
        });
    }

    /// <summary>Adds the member a reference body names: <c>{"@odata.id": "https://graph.microsoft.com/v1.0/directoryObjects/{id}"}</c>.</summary>
    public Task AddMemberAsync(GraphCaller caller, string id, JsonObject reference)
    {
        caller.Require(GraphPermission.WriteGroups);
        var url = reference["@odata.id"] switch
        {
            null => throw GraphException.ValueRequired("@odata.id", "ReferenceCreate"),
            JsonValue value when value.GetValueKind() == JsonValueKind.String => value.GetValue<string>(),
            _ => throw GraphException.InvalidValue("@odata.id", "ReferenceCreate", "a string with the URL of a user or group"),
        };
        var memberId = Guid.TryParse(url.TrimEnd('/').Split('/')[^1], out var m) ? m : throw GraphException.BadRequest($"Invalid @odata.id '{url}'.", "@odata.id");
        var already = GraphException.BadRequest("One or more added object references already exist for the following modified properties: 'members'.");
        return g.ChangeAsync(caller, Category, async transaction =>
        {
            var group = (await Stored(transaction, id)).Value;
            if (!await transaction.ExistsAsync(Kinds.User, Kinds.Key(memberId)) && !await transaction.ExistsAsync(Kinds.Group, Kinds.Key(memberId)))
                throw GraphException.NotFound($"Resource '{memberId}' does not exist or one of its queried reference-property objects are not present.");
            if (await transaction.IsMemberAsync(group.Id, memberId)) throw already;
            transaction.Conflict = () => already;
            transaction.AddMember(group.Id, memberId);
            return new AuditEntry("Add member to group", "Add", group.Id.ToString("D"), [new ModifiedProperty("Group.ObjectID", null, memberId.ToString("D"))]);
        });
    }

    public Task RemoveMemberAsync(GraphCaller caller, string id, string memberId)
    {
        caller.Require(GraphPermission.WriteGroups);
        return g.ChangeAsync(caller, Category, async transaction =>
        {
            var group = (await Stored(transaction, id)).Value;
            if (!Guid.TryParse(memberId, out var member) || !await transaction.RemoveMemberAsync(group.Id, member))
                throw GraphException.NotFound($"'{memberId}' is not a member of the group.");
            return new AuditEntry("Remove member from group", "Delete", group.Id.ToString("D"), [new ModifiedProperty("Group.ObjectID", member.ToString("D"), null)]);
        });
    }

    private static async Task<Stored<Group>> Stored(DirectoryTransaction transaction, string id) =>
        (Guid.TryParse(id, out var guid) ? await transaction.FindAsync(Kinds.Group, Kinds.Key(guid)) : null)
        ?? throw GraphException.NotFound($"Resource '{id}' does not exist or one of its queried reference-property objects are not present.");

    private static Group Find(TenantDirectory tenant, string id) =>
        (Guid.TryParse(id, out var guid) ? tenant.Groups.FirstOrDefault(g => g.Id == guid) : null)
        ?? throw GraphException.NotFound($"Resource '{id}' does not exist or one of its queried reference-property objects are not present.");
}

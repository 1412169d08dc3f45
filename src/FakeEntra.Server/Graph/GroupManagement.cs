using System.Text.Json;
using System.Text.Json.Nodes;
using FakeEntra.Core.DirectoryObjects;
using FakeEntra.Core.Monitoring;

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

    public Group Create(GraphCaller caller, JsonObject body)
    {
        caller.Require(GraphPermission.WriteGroups);
        var group = GraphResources.Group.Create<Group>(body);
        g.Change(caller, Category, t => t with { Groups = [.. t.Groups, group] }, "Add group", "Add", group.Id.ToString("D"),
            [new ModifiedProperty("DisplayName", null, group.DisplayName)]);
        return group;
    }

    public void Update(GraphCaller caller, string id, JsonObject patch)
    {
        caller.Require(GraphPermission.WriteGroups);
        var before = Find(caller.Tenant, id);
        var after = GraphResources.Group.Update(before, patch);
        g.Change(caller, Category, t => t with { Groups = [.. t.Groups.Select(gr => gr.Id == before.Id ? after : gr)] }, "Update group", "Update",
            before.Id.ToString("D"), DirectoryObjectViews.Changed(DirectoryObjectViews.Of(before), DirectoryObjectViews.Of(after)));
    }

    public void Delete(GraphCaller caller, string id)
    {
        caller.Require(GraphPermission.WriteGroups);
        var group = Find(caller.Tenant, id);
        g.Change(caller, Category, t => t with { Groups = [.. t.Groups.Where(gr => gr.Id != group.Id)] }, "Delete group", "Delete", group.Id.ToString("D"),
            [new ModifiedProperty("DisplayName", group.DisplayName, null)]);
    }

    /// <summary>Adds the member a reference body names: <c>{"@odata.id": "https://graph.microsoft.com/v1.0/directoryObjects/{id}"}</c>.</summary>
    public void AddMember(GraphCaller caller, string id, JsonObject reference)
    {
        caller.Require(GraphPermission.WriteGroups);
        var group = Find(caller.Tenant, id);
        var url = reference["@odata.id"] switch
        {
            null => throw GraphException.ValueRequired("@odata.id", "ReferenceCreate"),
            JsonValue value when value.GetValueKind() == JsonValueKind.String => value.GetValue<string>(),
            _ => throw GraphException.InvalidValue("@odata.id", "ReferenceCreate", "a string with the URL of a user or group"),
        };
        var memberId = Guid.TryParse(url.TrimEnd('/').Split('/')[^1], out var m) ? m : throw GraphException.BadRequest($"Invalid @odata.id '{url}'.", "@odata.id");
        if (caller.Tenant.Users.All(u => u.Id != memberId) && caller.Tenant.Groups.All(gr => gr.Id != memberId))
            throw GraphException.NotFound($"Resource '{memberId}' does not exist or one of its queried reference-property objects are not present.");
        if (group.Members.Contains(memberId))
            throw GraphException.BadRequest("One or more added object references already exist for the following modified properties: 'members'.");
        g.Change(caller, Category, t => t with { Groups = [.. t.Groups.Select(gr => gr.Id == group.Id ? gr with { Members = [.. gr.Members, memberId] } : gr)] },
            "Add member to group", "Add", group.Id.ToString("D"), [new ModifiedProperty("Group.ObjectID", null, memberId.ToString("D"))]);
    }

    public void RemoveMember(GraphCaller caller, string id, string memberId)
    {
        caller.Require(GraphPermission.WriteGroups);
        var group = Find(caller.Tenant, id);
        if (!Guid.TryParse(memberId, out var member) || !group.Members.Contains(member)) throw GraphException.NotFound($"'{memberId}' is not a member of the group.");
        g.Change(caller, Category, t => t with { Groups = [.. t.Groups.Select(gr => gr.Id == group.Id ? gr with { Members = [.. gr.Members.Where(x => x != member)] } : gr)] },
            "Remove member from group", "Delete", group.Id.ToString("D"), [new ModifiedProperty("Group.ObjectID", member.ToString("D"), null)]);
    }

    private static Group Find(TenantDirectory tenant, string id) =>
        (Guid.TryParse(id, out var guid) ? tenant.Groups.FirstOrDefault(g => g.Id == guid) : null)
        ?? throw GraphException.NotFound($"Resource '{id}' does not exist or one of its queried reference-property objects are not present.");
}

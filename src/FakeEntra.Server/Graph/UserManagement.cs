using System.Text.Json.Nodes;
using FakeEntra.Core.DirectoryObjects;
using FakeEntra.Core.Monitoring;
using FakeEntra.Core.Security;

namespace FakeEntra.Server.Graph;

/// <summary>A tenant's users: read, created, changed and deleted as Graph does, each change audited (category UserManagement).</summary>
public sealed class UserManagement(GraphContext g)
{
    private const string Category = "UserManagement";

    public IReadOnlyList<User> List(GraphCaller caller)
    {
        caller.Require(GraphPermission.ReadDirectory);
        return caller.Tenant.Users;
    }

    /// <summary>By object id or user principal name.</summary>
    public User Get(GraphCaller caller, string id)
    {
        caller.Require(GraphPermission.ReadDirectory);
        return Find(caller.Tenant, id);
    }

    public User Create(GraphCaller caller, JsonObject body)
    {
        caller.Require(GraphPermission.WriteUsers);
        var user = GraphResources.User.Create<User>(body);
        if (user.PasswordProfile is not { Password.Length: > 0 } profile) throw GraphException.ValueRequired("passwordProfile.password", GraphResources.User.Name);
        var domain = user.UserPrincipalName.Split('@') is [_, var d] ? d : "";
        if (g.Directory.FindTenantByDomain(domain)?.Id != caller.Tenant.Id)
            throw GraphException.BadRequest($"The domain of '{user.UserPrincipalName}' is not a verified domain of this organization.", "userPrincipalName");
        if (g.Directory.FindUserByPrincipalName(user.UserPrincipalName) is not null)
            throw GraphException.BadRequest("Another object with the same value for property userPrincipalName already exists.", "userPrincipalName");
        user = user with { PasswordProfile = null, PasswordHash = PasswordHasher.Hash(profile.Password) };
        g.Change(caller, Category, t => t with { Users = [.. t.Users, user] }, "Add user", "Add", user.Id.ToString("D"),
            [new ModifiedProperty("UserPrincipalName", null, user.UserPrincipalName)]);
        return user;
    }

    public void Update(GraphCaller caller, string id, JsonObject patch)
    {
        caller.Require(GraphPermission.WriteUsers);
        var before = Find(caller.Tenant, id);
        var after = GraphResources.User.Update(before, patch);
        if (after.PasswordProfile is { } profile) after = after with { PasswordProfile = null, PasswordHash = PasswordHasher.Hash(profile.Password) };
        if (!string.Equals(after.UserPrincipalName, before.UserPrincipalName, StringComparison.OrdinalIgnoreCase))
            throw GraphException.BadRequest("Changing userPrincipalName is not supported by FakeEntra.", "userPrincipalName");
        g.Change(caller, Category, t => t with { Users = [.. t.Users.Select(u => u.Id == before.Id ? after : u)] }, "Update user", "Update",
            before.Id.ToString("D"), DirectoryObjectViews.Changed(DirectoryObjectViews.Of(before), DirectoryObjectViews.Of(after)));
    }

    public void Delete(GraphCaller caller, string id)
    {
        caller.Require(GraphPermission.WriteUsers);
        var user = Find(caller.Tenant, id);
        g.Change(caller, Category, t => t with
        {
            Users = [.. t.Users.Where(u => u.Id != user.Id)],
            Groups = [.. t.Groups.Select(gr => gr with { Members = [.. gr.Members.Where(m => m != user.Id)] })],
            RoleAssignments = [.. t.RoleAssignments.Where(r => r.PrincipalId != user.Id)],
        }, "Delete user", "Delete", user.Id.ToString("D"), [new ModifiedProperty("UserPrincipalName", user.UserPrincipalName, null)]);
    }

    private static User Find(TenantDirectory tenant, string id) =>
        tenant.Users.FirstOrDefault(u => Guid.TryParse(id, out var guid) ? u.Id == guid : string.Equals(u.UserPrincipalName, id, StringComparison.OrdinalIgnoreCase))
        ?? throw GraphException.NotFound($"Resource '{id}' does not exist or one of its queried reference-property objects are not present.");
}

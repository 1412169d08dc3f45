using System.Text.Json.Nodes;
using FakeEntra.Core.DirectoryObjects;
using FakeEntra.Core.Monitoring;
using FakeEntra.Core.Security;
using FakeEntra.Server.Storage;
using Kinds = FakeEntra.Core.DirectoryObjects.DirectoryObjectKinds;

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

    public async Task<User> CreateAsync(GraphCaller caller, JsonObject body)
    {
        caller.Require(GraphPermission.WriteUsers);
        var user = GraphResources.User.Create<User>(body);
        if (user.PasswordProfile is not { Password.Length: > 0 } profile) throw GraphException.ValueRequired("passwordProfile.password", GraphResources.User.Name);
        var domain = user.UserPrincipalName.Split('@') is [_, var d] ? d : "";
        if (g.Directory.FindTenantByDomain(domain)?.Id != caller.Tenant.Id)
            throw GraphException.BadRequest($"The domain of '{user.UserPrincipalName}' is not a verified domain of this organization.", "userPrincipalName");
        user = user with { PasswordProfile = null, PasswordHash = PasswordHasher.Hash(profile.Password) };
        var taken = GraphException.BadRequest("Another object with the same value for property userPrincipalName already exists.", "userPrincipalName");
        await g.ChangeAsync(caller, Category, async transaction =>
        {
            // Checked here for the usual answer; the database's unique key decides between simultaneous creates.
            if (await transaction.FindByUniqueNameAsync(Kinds.User, user.UserPrincipalName) is not null) throw taken;
            transaction.Conflict = () => taken;
            transaction.Add(Kinds.User, user);
            return new AuditEntry("Add user", "Add", user.Id.ToString("D"), [new ModifiedProperty("UserPrincipalName", null, user.UserPrincipalName)]);
        });
        return user;
    }

    public Task UpdateAsync(GraphCaller caller, string id, JsonObject patch, string? ifMatch = null)
    {
        caller.Require(GraphPermission.WriteUsers);
        return g.ChangeAsync(caller, Category, async transaction =>
        {
            var stored = await Stored(transaction, id);
            GraphContext.CheckIfMatch(ifMatch, stored);
            var before = stored.Value;
            var after = GraphResources.User.Update(before, patch);
            if (after.PasswordProfile is { } profile) after = after with { PasswordProfile = null, PasswordHash = PasswordHasher.Hash(profile.Password) };
            if (!string.Equals(after.UserPrincipalName, before.UserPrincipalName, StringComparison.OrdinalIgnoreCase))
                throw GraphException.BadRequest("Changing userPrincipalName is not supported by FakeEntra.", "userPrincipalName");
            transaction.Update(Kinds.User, stored, after);
            return new AuditEntry("Update user", "Update", before.Id.ToString("D"), DirectoryObjectViews.Changed(DirectoryObjectViews.Of(before), DirectoryObjectViews.Of(after)));
        });
    }

    public Task DeleteAsync(GraphCaller caller, string id, string? ifMatch = null)
    {
        caller.Require(GraphPermission.WriteUsers);
        return g.ChangeAsync(caller, Category, async transaction =>
        {
            var stored = await Stored(transaction, id);
            GraphContext.CheckIfMatch(ifMatch, stored);
            var user = stored.Value;
            await transaction.RemoveFromGroupsAsync(user.Id);
            foreach (var resource in await transaction.PrivacyConsentsAsync(user.Id)) await transaction.RemovePrivacyConsentAsync(user.Id, resource);
            foreach (var assignment in caller.Tenant.RoleAssignments.Where(r => r.PrincipalId == user.Id))
                if (await transaction.FindAsync(Kinds.RoleAssignment, Kinds.Key(assignment.Id)) is { } role) transaction.Delete(Kinds.RoleAssignment, role);
            transaction.Delete(Kinds.User, stored);
            return new AuditEntry("Delete user", "Delete", user.Id.ToString("D"), [new ModifiedProperty("UserPrincipalName", user.UserPrincipalName, null)]);
        });
    }

    /// <summary>As stored now, by object id or user principal name.</summary>
    private static async Task<Stored<User>> Stored(DirectoryTransaction transaction, string id) =>
        (Guid.TryParse(id, out var guid) ? await transaction.FindAsync(Kinds.User, Kinds.Key(guid)) : await transaction.FindByUniqueNameAsync(Kinds.User, id))
        ?? throw GraphException.NotFound($"Resource '{id}' does not exist or one of its queried reference-property objects are not present.");

    private static User Find(TenantDirectory tenant, string id) =>
        tenant.Users.FirstOrDefault(u => Guid.TryParse(id, out var guid) ? u.Id == guid : string.Equals(u.UserPrincipalName, id, StringComparison.OrdinalIgnoreCase))
        ?? throw GraphException.NotFound($"Resource '{id}' does not exist or one of its queried reference-property objects are not present.");
}

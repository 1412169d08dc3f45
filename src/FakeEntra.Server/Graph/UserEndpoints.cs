using System.Text.Json;
using System.Text.Json.Nodes;
using FakeEntra.Core.DirectoryObjects;
using FakeEntra.Core.Monitoring;
using FakeEntra.Core.Security;
using FakeEntra.Server.Storage;
using Kinds = FakeEntra.Core.DirectoryObjects.DirectoryObjectKinds;

namespace FakeEntra.Server.Graph;

/// <summary><c>/v1.0/users</c> and <c>/v1.0/groups</c> (with <c>members</c>): list and get with OData options; create, update, delete.</summary>
public static class UserEndpoints
{
    public static RouteGroupBuilder MapUsersAndGroups(this RouteGroupBuilder graph)
    {
        graph.MapGet("/users", (HttpContext http, GraphContext g) =>
            ODataQuery.List(http, g.Caller(http, GraphPermission.ReadDirectory).Tenant.Users.Select(View), "users"));

        graph.MapGet("/users/{id}", (string id, HttpContext http, GraphContext g) =>
            Results.Text(ODataQuery.Select(View(FindUser(g.Caller(http, GraphPermission.ReadDirectory).Tenant, id)),
                http.Request.Query["$select"].FirstOrDefault()?.Split(',', StringSplitOptions.TrimEntries)).ToJsonString(), "application/json; charset=utf-8"));

        graph.MapPost("/users", async (HttpContext http, GraphContext g) =>
        {
            var caller = g.Caller(http, GraphPermission.WriteUsers);
            var body = await GraphRequestBody.ReadObjectAsync(http.Request);
            var user = GraphResources.User.Create<User>(body);
            if (user.PasswordProfile is not { Password.Length: > 0 } profile) throw GraphException.ValueRequired("passwordProfile.password", GraphResources.User.Name);
            var domain = user.UserPrincipalName.Split('@') is [_, var d] ? d : "";
            if (g.Directory.FindTenantByDomain(domain)?.Id != caller.Tenant.Id)
                throw GraphException.BadRequest($"The domain of '{user.UserPrincipalName}' is not a verified domain of this organization.");
            user = user with { PasswordProfile = null, PasswordHash = PasswordHasher.Hash(profile.Password) };
            var taken = new GraphException(400, "Request_BadRequest", "Another object with the same value for property userPrincipalName already exists.");
            await g.ChangeAsync(http, caller, "UserManagement", async transaction =>
            {
                // Checked here for the usual answer; the database's unique key decides between simultaneous creates.
                if (await transaction.FindByUniqueNameAsync(Kinds.User, user.UserPrincipalName) is not null) throw taken;
                transaction.Conflict = () => taken;
                transaction.Add(Kinds.User, user);
                return new AuditEntry("Add user", "Add", user.Id.ToString("D"), [new ModifiedProperty("UserPrincipalName", null, user.UserPrincipalName)]);
            });
            return Results.Text(GraphJson.WithContext(View(user), "users/$entity").ToJsonString(), "application/json; charset=utf-8", statusCode: StatusCodes.Status201Created);
        });

        graph.MapMethods("/users/{id}", ["PATCH"], async (string id, HttpContext http, GraphContext g) =>
        {
            var caller = g.Caller(http, GraphPermission.WriteUsers);
            var patch = await GraphRequestBody.ReadObjectAsync(http.Request);
            await g.ChangeAsync(http, caller, "UserManagement", async transaction =>
            {
                var stored = await FindUser(transaction, id);
                GraphContext.CheckIfMatch(http, stored);
                var before = stored.Value;
                var after = GraphResources.User.Update(before, patch);
                if (after.PasswordProfile is { } profile) after = after with { PasswordProfile = null, PasswordHash = PasswordHasher.Hash(profile.Password) };
                if (!string.Equals(after.UserPrincipalName, before.UserPrincipalName, StringComparison.OrdinalIgnoreCase))
                    throw GraphException.BadRequest("Changing userPrincipalName is not supported by FakeEntra.");
                transaction.Update(Kinds.User, stored, after);
                return new AuditEntry("Update user", "Update", before.Id.ToString("D"), Changed(View(before), View(after)));
            });
            return Results.NoContent();
        });

        graph.MapDelete("/users/{id}", async (string id, HttpContext http, GraphContext g) =>
        {
            var caller = g.Caller(http, GraphPermission.WriteUsers);
            await g.ChangeAsync(http, caller, "UserManagement", async transaction =>
            {
                var stored = await FindUser(transaction, id);
                GraphContext.CheckIfMatch(http, stored);
                var user = stored.Value;
                await transaction.RemoveFromGroupsAsync(user.Id);
                foreach (var resource in await transaction.PrivacyConsentsAsync(user.Id)) await transaction.RemovePrivacyConsentAsync(user.Id, resource);
                foreach (var assignment in caller.Tenant.RoleAssignments.Where(r => r.PrincipalId == user.Id))
                    if (await transaction.FindAsync(Kinds.RoleAssignment, Kinds.Key(assignment.Id)) is { } role) transaction.Delete(Kinds.RoleAssignment, role);
                transaction.Delete(Kinds.User, stored);
                return new AuditEntry("Delete user", "Delete", user.Id.ToString("D"), [new ModifiedProperty("UserPrincipalName", user.UserPrincipalName, null)]);
            });
            return Results.NoContent();
        });

        graph.MapGet("/groups", (HttpContext http, GraphContext g) =>
            ODataQuery.List(http, g.Caller(http, GraphPermission.ReadDirectory).Tenant.Groups.Select(View), "groups"));

        graph.MapGet("/groups/{id}", (string id, HttpContext http, GraphContext g) =>
            Results.Text(View(FindGroup(g.Caller(http, GraphPermission.ReadDirectory).Tenant, id)).ToJsonString(), "application/json; charset=utf-8"));

        graph.MapPost("/groups", async (HttpContext http, GraphContext g) =>
        {
            var caller = g.Caller(http, GraphPermission.WriteGroups);
            var body = await GraphRequestBody.ReadObjectAsync(http.Request);
            var group = GraphResources.Group.Create<Group>(body);
            await g.ChangeAsync(http, caller, "GroupManagement", transaction =>
            {
                transaction.Add(Kinds.Group, group);
                return Task.FromResult(new AuditEntry("Add group", "Add", group.Id.ToString("D"), [new ModifiedProperty("DisplayName", null, group.DisplayName)]));
            });
            return Results.Text(GraphJson.WithContext(View(group), "groups/$entity").ToJsonString(), "application/json; charset=utf-8", statusCode: StatusCodes.Status201Created);
        });

        graph.MapMethods("/groups/{id}", ["PATCH"], async (string id, HttpContext http, GraphContext g) =>
        {
            var caller = g.Caller(http, GraphPermission.WriteGroups);
            var patch = await GraphRequestBody.ReadObjectAsync(http.Request);
            await g.ChangeAsync(http, caller, "GroupManagement", async transaction =>
            {
                var stored = await FindGroup(transaction, id);
                GraphContext.CheckIfMatch(http, stored);
                var after = GraphResources.Group.Update(stored.Value, patch);
                transaction.Update(Kinds.Group, stored, after);
                return new AuditEntry("Update group", "Update", after.Id.ToString("D"), Changed(View(stored.Value), View(after)));
            });
            return Results.NoContent();
        });

        graph.MapDelete("/groups/{id}", async (string id, HttpContext http, GraphContext g) =>
        {
            var caller = g.Caller(http, GraphPermission.WriteGroups);
            await g.ChangeAsync(http, caller, "GroupManagement", async transaction =>
            {
                var stored = await FindGroup(transaction, id);
                GraphContext.CheckIfMatch(http, stored);
                await transaction.RemoveMembersAsync(stored.Value.Id);
                await transaction.RemoveFromGroupsAsync(stored.Value.Id);
                transaction.Delete(Kinds.Group, stored);
                return new AuditEntry("Delete group", "Delete", stored.Value.Id.ToString("D"), [new ModifiedProperty("DisplayName", stored.Value.DisplayName, null)]);
            });
            return Results.NoContent();
        });

        graph.MapGet("/groups/{id}/members", (string id, HttpContext http, GraphContext g) =>
        {
            var tenant = g.Caller(http, GraphPermission.ReadDirectory).Tenant;
            var group = FindGroup(tenant, id);
            var members = group.Members.Select(m => tenant.Users.FirstOrDefault(u => u.Id == m) is { } user ? View(user)
                : tenant.Groups.FirstOrDefault(gr => gr.Id == m) is { } nested ? View(nested) : null).OfType<JsonObject>();
            return ODataQuery.List(http, members, "directoryObjects");
        });

        graph.MapPost("/groups/{id}/members/$ref", async (string id, HttpContext http, GraphContext g) =>
        {
            var caller = g.Caller(http, GraphPermission.WriteGroups);
            var reference = MemberReference(await GraphRequestBody.ReadObjectAsync(http.Request));
            var memberId = Guid.TryParse(reference.TrimEnd('/').Split('/')[^1], out var m) ? m : throw GraphException.BadRequest($"Invalid @odata.id '{reference}'.");
            var already = GraphException.BadRequest("One or more added object references already exist for the following modified properties: 'members'.");
            await g.ChangeAsync(http, caller, "GroupManagement", async transaction =>
            {
                var group = (await FindGroup(transaction, id)).Value;
                if (!await transaction.ExistsAsync(Kinds.User, Kinds.Key(memberId)) && !await transaction.ExistsAsync(Kinds.Group, Kinds.Key(memberId)))
                    throw GraphException.NotFound($"Resource '{memberId}' does not exist or one of its queried reference-property objects are not present.");
                if (await transaction.IsMemberAsync(group.Id, memberId)) throw already;
                transaction.Conflict = () => already;
                transaction.AddMember(group.Id, memberId);
                return new AuditEntry("Add member to group", "Add", group.Id.ToString("D"), [new ModifiedProperty("Group.ObjectID", null, memberId.ToString("D"))]);
            });
            return Results.NoContent();
        });

        graph.MapDelete("/groups/{id}/members/{memberId}/$ref", async (string id, string memberId, HttpContext http, GraphContext g) =>
        {
            var caller = g.Caller(http, GraphPermission.WriteGroups);
            await g.ChangeAsync(http, caller, "GroupManagement", async transaction =>
            {
                var group = (await FindGroup(transaction, id)).Value;
                if (!Guid.TryParse(memberId, out var member) || !await transaction.RemoveMemberAsync(group.Id, member))
                    throw GraphException.NotFound($"'{memberId}' is not a member of the group.");
                return new AuditEntry("Remove member from group", "Delete", group.Id.ToString("D"), [new ModifiedProperty("Group.ObjectID", member.ToString("D"), null)]);
            });
            return Results.NoContent();
        });
        return graph;
    }

    // {"@odata.id": "https://graph.microsoft.com/v1.0/directoryObjects/{id}"}
    private static string MemberReference(JsonObject body) => body["@odata.id"] switch
    {
        null => throw GraphException.ValueRequired("@odata.id", "ReferenceCreate"),
        JsonValue value when value.GetValueKind() == JsonValueKind.String => value.GetValue<string>(),
        _ => throw GraphException.InvalidValue("@odata.id", "ReferenceCreate", "a string with the URL of a user or group"),
    };

    private static async Task<Stored<User>> FindUser(DirectoryTransaction transaction, string id) =>
        (Guid.TryParse(id, out var guid) ? await transaction.FindAsync(Kinds.User, Kinds.Key(guid)) : await transaction.FindByUniqueNameAsync(Kinds.User, id))
        ?? throw GraphException.NotFound($"Resource '{id}' does not exist or one of its queried reference-property objects are not present.");

    private static async Task<Stored<Group>> FindGroup(DirectoryTransaction transaction, string id) =>
        (Guid.TryParse(id, out var guid) ? await transaction.FindAsync(Kinds.Group, Kinds.Key(guid)) : null)
        ?? throw GraphException.NotFound($"Resource '{id}' does not exist or one of its queried reference-property objects are not present.");

    private static User FindUser(TenantDirectory tenant, string id) =>
        tenant.Users.FirstOrDefault(u => Guid.TryParse(id, out var guid) ? u.Id == guid : string.Equals(u.UserPrincipalName, id, StringComparison.OrdinalIgnoreCase))
        ?? throw GraphException.NotFound($"Resource '{id}' does not exist or one of its queried reference-property objects are not present.");

    private static Group FindGroup(TenantDirectory tenant, string id) =>
        (Guid.TryParse(id, out var guid) ? tenant.Groups.FirstOrDefault(g => g.Id == guid) : null)
        ?? throw GraphException.NotFound($"Resource '{id}' does not exist or one of its queried reference-property objects are not present.");

    // What Graph shows of a user: never its password or authentication secrets.
    private static JsonObject View(User user) => new()
    {
        ["@odata.type"] = "#microsoft.graph.user",
        ["id"] = user.Id.ToString("D"),
        ["displayName"] = user.DisplayName,
        ["givenName"] = user.GivenName,
        ["surname"] = user.Surname,
        ["mail"] = user.Mail,
        ["mailNickname"] = user.MailNickname,
        ["userPrincipalName"] = user.UserPrincipalName,
        ["userType"] = user.UserType,
        ["accountEnabled"] = user.AccountEnabled,
        ["creationType"] = user.CreationType,
        ["externalUserState"] = user.ExternalUserState,
    };

    private static JsonObject View(Group group) => new()
    {
        ["@odata.type"] = "#microsoft.graph.group",
        ["id"] = group.Id.ToString("D"),
        ["displayName"] = group.DisplayName,
        ["description"] = group.Description,
        ["mailNickname"] = group.MailNickname,
        ["securityEnabled"] = group.SecurityEnabled,
        ["mailEnabled"] = group.MailEnabled,
        ["groupTypes"] = new JsonArray([.. group.GroupTypes.Select(t => (JsonNode)JsonValue.Create(t))]),
    };

    private static IReadOnlyList<ModifiedProperty> Changed(JsonObject before, JsonObject after) =>
        [.. after.Where(p => !JsonNode.DeepEquals(before[p.Key], p.Value)).Select(p => new ModifiedProperty(p.Key, before[p.Key]?.ToJsonString(), p.Value?.ToJsonString()))];
}

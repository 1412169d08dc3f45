using System.Text.Json;
using System.Text.Json.Nodes;
using FakeEntra.Core.DirectoryObjects;
using FakeEntra.Core.Monitoring;
using FakeEntra.Core.Security;

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
            if (g.Directory.FindUserByPrincipalName(user.UserPrincipalName) is not null)
                throw new GraphException(400, "Request_BadRequest", "Another object with the same value for property userPrincipalName already exists.");
            user = user with { PasswordProfile = null, PasswordHash = PasswordHasher.Hash(profile.Password) };
            g.Change(http, caller, "UserManagement", t => t with { Users = [.. t.Users, user] }, "Add user", "Add", user.Id.ToString("D"),
                [new ModifiedProperty("UserPrincipalName", null, user.UserPrincipalName)]);
            return Results.Text(GraphJson.WithContext(View(user), "users/$entity").ToJsonString(), "application/json; charset=utf-8", statusCode: StatusCodes.Status201Created);
        });

        graph.MapMethods("/users/{id}", ["PATCH"], async (string id, HttpContext http, GraphContext g) =>
        {
            var caller = g.Caller(http, GraphPermission.WriteUsers);
            var before = FindUser(caller.Tenant, id);
            var after = GraphResources.User.Update(before, await GraphRequestBody.ReadObjectAsync(http.Request));
            if (after.PasswordProfile is { } profile) after = after with { PasswordProfile = null, PasswordHash = PasswordHasher.Hash(profile.Password) };
            if (!string.Equals(after.UserPrincipalName, before.UserPrincipalName, StringComparison.OrdinalIgnoreCase))
                throw GraphException.BadRequest("Changing userPrincipalName is not supported by FakeEntra.");
            g.Change(http, caller, "UserManagement", t => t with { Users = [.. t.Users.Select(u => u.Id == before.Id ? after : u)] }, "Update user", "Update",
                before.Id.ToString("D"), Changed(View(before), View(after)));
            return Results.NoContent();
        });

        graph.MapDelete("/users/{id}", (string id, HttpContext http, GraphContext g) =>
        {
            var caller = g.Caller(http, GraphPermission.WriteUsers);
            var user = FindUser(caller.Tenant, id);
            g.Change(http, caller, "UserManagement", t => t with
            {
                Users = [.. t.Users.Where(u => u.Id != user.Id)],
                Groups = [.. t.Groups.Select(gr => gr with { Members = [.. gr.Members.Where(m => m != user.Id)] })],
                RoleAssignments = [.. t.RoleAssignments.Where(r => r.PrincipalId != user.Id)],
            }, "Delete user", "Delete", user.Id.ToString("D"), [new ModifiedProperty("UserPrincipalName", user.UserPrincipalName, null)]);
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
            g.Change(http, caller, "GroupManagement", t => t with { Groups = [.. t.Groups, group] }, "Add group", "Add", group.Id.ToString("D"),
                [new ModifiedProperty("DisplayName", null, group.DisplayName)]);
            return Results.Text(GraphJson.WithContext(View(group), "groups/$entity").ToJsonString(), "application/json; charset=utf-8", statusCode: StatusCodes.Status201Created);
        });

        graph.MapMethods("/groups/{id}", ["PATCH"], async (string id, HttpContext http, GraphContext g) =>
        {
            var caller = g.Caller(http, GraphPermission.WriteGroups);
            var before = FindGroup(caller.Tenant, id);
            var after = GraphResources.Group.Update(before, await GraphRequestBody.ReadObjectAsync(http.Request));
            g.Change(http, caller, "GroupManagement", t => t with { Groups = [.. t.Groups.Select(gr => gr.Id == before.Id ? after : gr)] }, "Update group", "Update",
                before.Id.ToString("D"), Changed(View(before), View(after)));
            return Results.NoContent();
        });

        graph.MapDelete("/groups/{id}", (string id, HttpContext http, GraphContext g) =>
        {
            var caller = g.Caller(http, GraphPermission.WriteGroups);
            var group = FindGroup(caller.Tenant, id);
            g.Change(http, caller, "GroupManagement", t => t with { Groups = [.. t.Groups.Where(gr => gr.Id != group.Id)] }, "Delete group", "Delete", group.Id.ToString("D"),
                [new ModifiedProperty("DisplayName", group.DisplayName, null)]);
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
            var group = FindGroup(caller.Tenant, id);
            var reference = MemberReference(await GraphRequestBody.ReadObjectAsync(http.Request));
            var memberId = Guid.TryParse(reference.TrimEnd('/').Split('/')[^1], out var m) ? m : throw GraphException.BadRequest($"Invalid @odata.id '{reference}'.");
            if (caller.Tenant.Users.All(u => u.Id != memberId) && caller.Tenant.Groups.All(gr => gr.Id != memberId))
                throw GraphException.NotFound($"Resource '{memberId}' does not exist or one of its queried reference-property objects are not present.");
            if (group.Members.Contains(memberId))
                throw GraphException.BadRequest("One or more added object references already exist for the following modified properties: 'members'.");
            g.Change(http, caller, "GroupManagement", t => t with { Groups = [.. t.Groups.Select(gr => gr.Id == group.Id ? gr with { Members = [.. gr.Members, memberId] } : gr)] },
                "Add member to group", "Add", group.Id.ToString("D"), [new ModifiedProperty("Group.ObjectID", null, memberId.ToString("D"))]);
            return Results.NoContent();
        });

        graph.MapDelete("/groups/{id}/members/{memberId}/$ref", (string id, string memberId, HttpContext http, GraphContext g) =>
        {
            var caller = g.Caller(http, GraphPermission.WriteGroups);
            var group = FindGroup(caller.Tenant, id);
            if (!Guid.TryParse(memberId, out var member) || !group.Members.Contains(member)) throw GraphException.NotFound($"'{memberId}' is not a member of the group.");
            g.Change(http, caller, "GroupManagement", t => t with { Groups = [.. t.Groups.Select(gr => gr.Id == group.Id ? gr with { Members = [.. gr.Members.Where(x => x != member)] } : gr)] },
                "Remove member from group", "Delete", group.Id.ToString("D"), [new ModifiedProperty("Group.ObjectID", member.ToString("D"), null)]);
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

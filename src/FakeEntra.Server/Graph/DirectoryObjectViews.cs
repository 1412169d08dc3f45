using System.Text.Json.Nodes;
using FakeEntra.Core.DirectoryObjects;

namespace FakeEntra.Server.Graph;

/// <summary>What Graph shows of users and groups (and what their audit rows compare): never a password or authentication secret.</summary>
public static class DirectoryObjectViews
{
    public static JsonObject Of(User user) => new()
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

    public static JsonObject Of(Group group) => new()
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

    /// <summary>The audit's modified properties: each shown property whose value differs.</summary>
    public static IReadOnlyList<Core.Monitoring.ModifiedProperty> Changed(JsonObject before, JsonObject after) =>
        [.. after.Where(p => !JsonNode.DeepEquals(before[p.Key], p.Value)).Select(p => new Core.Monitoring.ModifiedProperty(p.Key, before[p.Key]?.ToJsonString(), p.Value?.ToJsonString()))];
}

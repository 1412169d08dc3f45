using FakeEntra.Server.Graph;
using static FakeEntra.Server.AdminConsole.ConsoleHtml;
using static FakeEntra.Server.SignInPages.Html;

namespace FakeEntra.Server.AdminConsole;

/// <summary>
/// <c>/admin/groups</c> and <c>/admin/groups/{id}</c>: the tenant's groups and each one's members. A partner organization
/// names these object ids in its cross-tenant access settings (Fabrikam's Marketing group, in the seed's Example 2).
/// </summary>
public static class GroupsPage
{
    public static ConsoleView List(GraphCaller caller, GroupManagement groups) =>
        new("Groups", Table("Groups of this organization", ["Display name", "Object id", "Description", "Security", "Members"],
            groups.List(caller).Select(g => new[]
            {
                $"<a href=\"{ConsoleLayout.Root}/groups/{g.Id:D}\">{E(g.DisplayName)}</a>", $"<code>{g.Id:D}</code>", E(g.Description),
                g.SecurityEnabled ? "Yes" : "No", g.Members.Count.ToString(System.Globalization.CultureInfo.InvariantCulture),
            })));

    public static ConsoleView Members(GraphCaller caller, GroupManagement groups, string id)
    {
        var group = groups.Get(caller, id);
        var members = groups.Members(caller, id);
        return new(group.DisplayName, $"""
            <p>Object id <code>{group.Id:D}</code>. {E(group.Description)}</p>
            {Table("Members", ["Display name", "Kind", "User principal name", "Object id"], members.Select(m => new[]
            {
                E(m["displayName"]?.GetValue<string>()), m["@odata.type"]?.GetValue<string>() == "#microsoft.graph.group" ? "group" : "user",
                E(m["userPrincipalName"]?.GetValue<string>() ?? ""), $"<code>{E(m["id"]?.GetValue<string>())}</code>",
            }))}
            <p><a href="{ConsoleLayout.Root}/groups">All groups</a></p>
            """);
    }
}

using FakeEntra.Server.Graph;
using static FakeEntra.Server.AdminConsole.ConsoleHtml;
using static FakeEntra.Server.SignInPages.Html;

namespace FakeEntra.Server.AdminConsole;

/// <summary><c>/admin/users</c>: the tenant's members and B2B collaboration guests, as <c>GET /v1.0/users</c> shows them.</summary>
public static class UsersPage
{
    public static ConsoleView Render(GraphCaller caller, UserManagement users) =>
        new("Users", Table("Users of this organization", ["Display name", "User principal name", "Object id", "User type", "Account enabled", "Invitation"],
            users.List(caller).Select(u => new[]
            {
                E(u.DisplayName), E(u.UserPrincipalName), $"<code>{u.Id:D}</code>", E(u.UserType), u.AccountEnabled ? "Yes" : "No",
                E(u.ExternalUserState ?? ""),
            })));
}

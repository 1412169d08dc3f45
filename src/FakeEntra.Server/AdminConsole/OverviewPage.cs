using System.Text.Json;
using FakeEntra.Core.DirectoryObjects;
using FakeEntra.Server.Graph;
using static FakeEntra.Server.AdminConsole.ConsoleHtml;
using static FakeEntra.Server.SignInPages.Html;

namespace FakeEntra.Server.AdminConsole;

/// <summary><c>/admin</c>: the organization (with its privacy profile, which partners' users see before B2B direct connect) and the administrator's roles.</summary>
public static class OverviewPage
{
    private static readonly Dictionary<Guid, string> RoleNames = new()
    {
        [DirectoryRoleTemplates.GlobalAdministrator] = "Global Administrator",
        [DirectoryRoleTemplates.GlobalReader] = "Global Reader",
        [DirectoryRoleTemplates.SecurityAdministrator] = "Security Administrator",
        [DirectoryRoleTemplates.SecurityReader] = "Security Reader",
        [DirectoryRoleTemplates.ConditionalAccessAdministrator] = "Conditional Access Administrator",
        [DirectoryRoleTemplates.UserAdministrator] = "User Administrator",
        [DirectoryRoleTemplates.ReportsReader] = "Reports Reader",
    };

    public static ConsoleView Render(GraphCaller caller, DirectoryReads reads)
    {
        var organization = reads.Organization(caller);
        var privacy = organization.PrivacyProfile;
        var roles = caller.DirectoryRoles.Select(r => RoleNames.GetValueOrDefault(r, r.ToString("D"))).ToList();
        var body = $"""
            <div class="split"><div>
            <dl class="facts">
            <dt>Name</dt><dd>{E(organization.DisplayName)}</dd>
            <dt>Tenant id</dt><dd><code>{organization.Id:D}</code></dd>
            <dt>Verified domains</dt><dd>{E(string.Join(", ", organization.VerifiedDomains.Select(d => d.Name)))}</dd>
            <dt>Country</dt><dd>{E(organization.CountryLetterCode)}</dd>
            <dt>Privacy contact</dt><dd>{E(privacy?.ContactEmail ?? "not set")}</dd>
            <dt>Privacy statement</dt><dd>{E(privacy?.StatementUrl ?? "not set")}</dd>
            <dt>Your directory roles</dt><dd>{E(roles.Count == 0 ? "none" : string.Join(", ", roles))}</dd>
            </dl>
            <p>Users of partner organizations see this privacy contact and statement before their first B2B direct connect sign-in here.</p>
            </div>
            {Json("Graph", "GET /v1.0/organization", JsonSerializer.SerializeToNode(organization, GraphJson.Output))}
            </div>
            """;
        return new(organization.DisplayName, body);
    }
}

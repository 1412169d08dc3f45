using FakeEntra.Server.Graph;
using static FakeEntra.Server.AdminConsole.ConsoleHtml;
using static FakeEntra.Server.SignInPages.Html;

namespace FakeEntra.Server.AdminConsole;

/// <summary><c>/admin/applications</c>: app registrations of this tenant, and the service principals (enterprise apps) that let apps be used here.</summary>
public static class ApplicationsPage
{
    public static ConsoleView Render(GraphCaller caller, DirectoryReads reads)
    {
        var applications = Table("App registrations", ["Display name", "Application (client) id", "Audience", "Identifier URIs", "Redirect URIs", "Tags"],
            reads.Applications(caller).Select(a => new[]
            {
                E(a.DisplayName), $"<code>{a.AppId:D}</code>", E(a.SignInAudience), E(string.Join(" ", a.IdentifierUris)),
                E(string.Join(" ", a.Web.RedirectUris.Concat(a.Spa.RedirectUris).Concat(a.PublicClient.RedirectUris))), E(string.Join(", ", a.Tags)),
            }));
        var servicePrincipals = Table("Service principals (enterprise applications)", ["Display name", "Application id", "Object id", "Enabled", "App roles granted"],
            reads.ServicePrincipals(caller).Select(sp => new[]
            {
                E(sp.DisplayName), $"<code>{sp.AppId:D}</code>", $"<code>{sp.Id:D}</code>", sp.AccountEnabled ? "Yes" : "No",
                sp.AppRoleAssignments.Count.ToString(System.Globalization.CultureInfo.InvariantCulture),
            }));
        return new("Applications", applications + servicePrincipals);
    }
}

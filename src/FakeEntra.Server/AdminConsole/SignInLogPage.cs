using System.Globalization;
using FakeEntra.Core.CrossTenantAccess;
using FakeEntra.Core.Monitoring;
using FakeEntra.Server.Graph;
using static FakeEntra.Server.AdminConsole.ConsoleHtml;
using static FakeEntra.Server.SignInPages.Html;

namespace FakeEntra.Server.AdminConsole;

/// <summary>
/// <c>/admin/signIns</c>: the tenant's sign-in log, filtered by user, application, cross-tenant access type and outcome —
/// turned into the Graph <c>$filter</c> it shows — newest first, each row with the decision trace that explains it.
/// </summary>
public static class SignInLogPage
{
    public const string Path = ConsoleLayout.Root + "/signIns";
    private const int PageSize = 50;

    public static async Task<ConsoleView> RenderAsync(HttpContext http, GraphCaller caller, AuditLogs logs)
    {
        var query = http.Request.Query;
        var (user, app, type, outcome) = (query["user"].ToString().Trim(), query["app"].ToString(), query["type"].ToString(), query["outcome"].ToString());
        var skip = int.TryParse(query["skip"], CultureInfo.InvariantCulture, out var s) && s > 0 ? s : 0;
        var clauses = new List<string>();
        if (user.Length > 0) clauses.Add($"userPrincipalName eq '{user.Replace("'", "''", StringComparison.Ordinal)}'");
        if (app.Length > 0) clauses.Add($"appId eq '{app.Replace("'", "''", StringComparison.Ordinal)}'");
        if (type.Length > 0) clauses.Add($"crossTenantAccessType eq '{type.Replace("'", "''", StringComparison.Ordinal)}'");
        if (outcome is "success" or "failure") clauses.Add($"status/errorCode {(outcome == "success" ? "eq" : "ne")} 0");
        var filter = string.Join(" and ", clauses);

        IReadOnlyList<SignIn> rows;
        string? refusal = null;
        try
        {
            rows = await logs.SignInsAsync(caller, filter, PageSize + 1, skip);
        }
        catch (GraphException e) when (e.Status == StatusCodes.Status400BadRequest)
        {
            (rows, refusal) = ([], e.Message);
        }
        var apps = caller.Tenant.ServicePrincipals.Select(sp => (sp.AppId.ToString("D"), sp.DisplayName ?? sp.AppId.ToString("D"))).ToList();
        // The resource tenant's row of a cross-tenant sign-in carries no client-app details; its service principal here names it.
        var appName = (SignIn r) => r.AppDisplayName ?? apps.FirstOrDefault(a => a.Item1 == r.AppId.ToString("D")).Item2 ?? r.AppId.ToString("D");
        var form = $"""
            <form method="get" action="{Path}" class="filters">
            {ConsoleHtml.Text("user", "User", user, hint: "User principal name, e.g. carol@fabrikam.com")}
            {Select("app", "Application", [("", "Any"), .. apps], app)}
            {Select("type", "Cross-tenant access type", [("", "Any"), (CrossTenantAccessTypeValues.None, "None (a member)"), (CrossTenantAccessTypeValues.B2BCollaboration, "B2B collaboration"), (CrossTenantAccessTypeValues.B2BDirectConnect, "B2B direct connect")], type)}
            {Select("outcome", "Outcome", [("", "Any"), ("success", "Success"), ("failure", "Failure")], outcome)}
            <div class="actions"><button type="submit">Apply</button></div>
            </form>
            """;
        var call = $"GET /v1.0/auditLogs/signIns{(filter.Length > 0 ? "?$filter=" + filter : "")}";
        var table = Table("Sign-ins, newest first", ["Date (UTC)", "User", "Application", "Resource", "Home tenant", "Cross-tenant access", "Status", "Conditional Access", "Decision trace"],
            rows.Take(PageSize).Select(r => new[]
            {
                r.CreatedDateTime.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
                E(r.UserPrincipalName), E(appName(r)), E(r.ResourceDisplayName ?? r.ResourceId.ToString("D")), E(r.HomeTenantName is { Length: > 0 } home ? home : r.HomeTenantId.ToString("D")),
                E(r.CrossTenantAccessType), Status(r), E(r.ConditionalAccessStatus),
                $"<details><summary>Trace</summary><ol class=\"trace\">{string.Concat(r.FakeEntraDecisionTrace.Select(t => $"<li>{E(t)}</li>"))}</ol></details>",
            }));
        var pages = (skip > 0 ? $"<a href=\"{Link(http, Math.Max(0, skip - PageSize))}\">Newer</a> " : "") + (rows.Count > PageSize ? $"<a href=\"{Link(http, skip + PageSize)}\">Older</a>" : "");
        return new("Sign-in logs", $"""
            {form}
            <p class="graph-call">Graph: <code>{E(call)}</code></p>
            {FormError(refusal)}
            {table}
            <p>{pages}</p>
            """, refusal is null ? StatusCodes.Status200OK : StatusCodes.Status400BadRequest);
    }

    private static string Status(SignIn row) => row.Status.ErrorCode == 0
        ? "Success"
        : $"<span class=\"failure\">Failure {row.Status.ErrorCode}</span>{(row.Status.FailureReason is { } reason ? $"<br>{E(reason)}" : "")}";

    private static string Link(HttpContext http, int skip) =>
        E(Path + QueryString.Create(http.Request.Query.Where(q => q.Key != "skip").Select(q => KeyValuePair.Create(q.Key, (string?)q.Value.ToString()))
            .Append(KeyValuePair.Create("skip", (string?)skip.ToString(CultureInfo.InvariantCulture)))));
}

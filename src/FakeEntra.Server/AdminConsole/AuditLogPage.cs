using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using FakeEntra.Core.Monitoring;
using FakeEntra.Server.Graph;
using static FakeEntra.Server.AdminConsole.ConsoleHtml;
using static FakeEntra.Server.SignInPages.Html;

namespace FakeEntra.Server.AdminConsole;

/// <summary><c>/admin/audit</c>: the tenant's directory audit log, newest first, each change with the old and new value of every property it touched.</summary>
public static class AuditLogPage
{
    public const string Path = ConsoleLayout.Root + "/audit";
    private const int PageSize = 50;
    private static readonly string[] Categories = ["CrossTenantAccessSettings", "Policy", "UserManagement", "GroupManagement"];

    public static ConsoleView Render(HttpContext http, GraphCaller caller, AuditLogs logs)
    {
        var category = http.Request.Query["category"].ToString();
        var filter = Categories.Contains(category) ? $"category eq '{category}'" : null;
        var rows = logs.DirectoryAudits(caller, filter).Take(PageSize).ToList();
        var form = $"""
            <form method="get" action="{Path}" class="filters">
            {Select("category", "Category", [("", "Any"), .. Categories.Select(c => (c, c))], category)}
            <div class="actions"><button type="submit">Apply</button></div>
            </form>
            """;
        var entries = rows.Count == 0 ? "<p>No changes yet.</p>" : string.Concat(rows.Select(Entry));
        return new("Audit logs", $"""
            {form}
            <p class="graph-call">Graph: <code>{E($"GET /v1.0/auditLogs/directoryAudits{(filter is null ? "" : "?$filter=" + filter)}")}</code></p>
            {entries}
            """);
    }

    private static string Entry(DirectoryAudit audit)
    {
        var by = audit.InitiatedBy.User is { } user ? user.UserPrincipalName ?? user.Id : audit.InitiatedBy.App?.DisplayName ?? audit.InitiatedBy.App?.AppId ?? "";
        var properties = audit.TargetResources.SelectMany(t => t.ModifiedProperties).Select(p => new[]
        {
            $"<code>{E(p.DisplayName)}</code>", Value(p.OldValue), Value(p.NewValue),
        });
        return $"""
            <article class="audit">
            <h2>{E(audit.ActivityDisplayName)}</h2>
            <p>{audit.ActivityDateTime.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)} UTC · {E(audit.Category)} · {E(audit.OperationType)} ·
            by {E(by)} · target <code>{E(string.Join(", ", audit.TargetResources.Select(t => t.Id)))}</code> · {E(audit.Result)}</p>
            {Table("Modified properties", ["Property", "Old value", "New value"], properties)}
            </article>
            """;
    }

    private static string Value(string? json)
    {
        if (json is null) return "<em>none</em>";
        try
        {
            return $"<pre><code>{E(Pretty(JsonNode.Parse(json)))}</code></pre>";
        }
        catch (JsonException)
        {
            return $"<pre><code>{E(json)}</code></pre>";
        }
    }
}

using System.Globalization;

namespace FakeEntra.Server.Graph;

/// <summary><c>/v1.0/auditLogs/signIns</c> and <c>/v1.0/auditLogs/directoryAudits</c>: paged as Graph does, over <see cref="AuditLogs"/>.</summary>
public static class AuditLogEndpoints
{
    private const int DefaultPage = 100;

    public static RouteGroupBuilder MapAuditLogs(this RouteGroupBuilder graph)
    {
        graph.MapGet("/auditLogs/signIns", async (HttpContext http, GraphContext g, AuditLogs logs) =>
        {
            var caller = g.Caller(http);
            var (top, skip) = Paging(http.Request.Query);
            var rows = await logs.SignInsAsync(caller, http.Request.Query["$filter"].FirstOrDefault(), top + 1, skip);
            return Page(http, rows, top, skip, "auditLogs/signIns");
        });

        graph.MapGet("/auditLogs/directoryAudits", (HttpContext http, GraphContext g, AuditLogs logs) =>
        {
            var caller = g.Caller(http);
            var (top, skip) = Paging(http.Request.Query);
            var rows = logs.DirectoryAudits(caller, http.Request.Query["$filter"].FirstOrDefault());
            return Page(http, [.. rows.Skip(skip).Take(top + 1)], top, skip, "auditLogs/directoryAudits");
        });
        return graph;
    }

    private static (int Top, int Skip) Paging(IQueryCollection query)
    {
        var top = DefaultPage;
        if (query["$top"].FirstOrDefault() is { } t && (!int.TryParse(t, CultureInfo.InvariantCulture, out top) || top is < 1 or > 1000))
            throw GraphException.BadRequest("$top must be an integer from 1 to 1000.");
        var skip = 0;
        if (query["$skiptoken"].FirstOrDefault() is { } s && (!int.TryParse(s, CultureInfo.InvariantCulture, out skip) || skip < 0))
            throw GraphException.BadRequest("Invalid $skiptoken.");
        return (top, skip);
    }

    // One row more than the page was read: if it is there, the page links to the next.
    private static IResult Page<T>(HttpContext http, IReadOnlyList<T> rows, int top, int skip, string context)
    {
        var page = rows.Take(top).ToList();
        string? next = null;
        if (rows.Count > top)
        {
            var query = http.Request.Query.Where(q => q.Key != "$skiptoken").Select(q => $"{Uri.EscapeDataString(q.Key)}={Uri.EscapeDataString(q.Value.ToString())}")
                .Append($"$skiptoken={skip + top}");
            next = $"{http.RequestServices.GetRequiredService<Hosting.PublicOrigin>().Value}{http.Request.Path}?{string.Join('&', query)}";
        }
        return GraphJson.Ok(next is null ? new { value = page } : new PagedResult<T>(page, next), context);
    }

    private sealed record PagedResult<T>(IReadOnlyList<T> Value, [property: System.Text.Json.Serialization.JsonPropertyName("@odata.nextLink")] string NextLink);
}

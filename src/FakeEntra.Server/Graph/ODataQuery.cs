using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace FakeEntra.Server.Graph;

/// <summary>
/// The common OData query options over a collection of Graph objects: <c>$filter</c> (<c>eq</c>, <c>ne</c>, <c>startswith</c>,
/// joined by <c>and</c>), <c>$orderby</c>, <c>$select</c>, <c>$top</c> with <c>@odata.nextLink</c>, and <c>$count</c> (which, as in
/// Graph, needs <c>ConsistencyLevel: eventual</c>).
/// </summary>
public static partial class ODataQuery
{
    public static IResult List(HttpContext http, IEnumerable<JsonObject> items, string context)
    {
        var query = http.Request.Query;
        var filtered = items.Where(Filter(query["$filter"].FirstOrDefault())).ToList();
        if (query["$orderby"].FirstOrDefault() is { Length: > 0 } orderBy)
        {
            var match = OrderBy().Match(orderBy);
            if (!match.Success) throw GraphException.BadRequest($"Unsupported $orderby '{orderBy}'.");
            var property = match.Groups["property"].Value;
            filtered = match.Groups["direction"].Value == "desc"
                ? [.. filtered.OrderByDescending(i => Text(i, property), StringComparer.OrdinalIgnoreCase)]
                : [.. filtered.OrderBy(i => Text(i, property), StringComparer.OrdinalIgnoreCase)];
        }
        var top = 100;
        if (query["$top"].FirstOrDefault() is { } t && (!int.TryParse(t, CultureInfo.InvariantCulture, out top) || top is < 1 or > 999))
            throw GraphException.BadRequest("$top must be an integer from 1 to 999.");
        var skip = 0;
        if (query["$skiptoken"].FirstOrDefault() is { } s && (!int.TryParse(s, CultureInfo.InvariantCulture, out skip) || skip < 0))
            throw GraphException.BadRequest("Invalid $skiptoken.");
        var select = query["$select"].FirstOrDefault()?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

        var body = new JsonObject { ["@odata.context"] = $"https://graph.microsoft.com/v1.0/$metadata#{context}" };
        if (query["$count"].FirstOrDefault() is "true")
        {
            if (!string.Equals(http.Request.Headers["ConsistencyLevel"], "eventual", StringComparison.OrdinalIgnoreCase))
                throw GraphException.BadRequest("$count requires the header 'ConsistencyLevel: eventual'.");
            body["@odata.count"] = filtered.Count;
        }
        // Compared so, a skiptoken near int.MaxValue cannot overflow into a link backwards.
        if (filtered.Count - skip > top)
        {
            var rest = query.Where(q => q.Key != "$skiptoken").Select(q => $"{Uri.EscapeDataString(q.Key)}={Uri.EscapeDataString(q.Value.ToString())}").Append($"$skiptoken={skip + top}");
            body["@odata.nextLink"] = $"{http.RequestServices.GetRequiredService<Hosting.PublicOrigin>().Value}{http.Request.Path}?{string.Join('&', rest)}";
        }
        body["value"] = new JsonArray([.. filtered.Skip(skip).Take(top).Select(i => (JsonNode)Select(i, select))]);
        return Results.Text(body.ToJsonString(), "application/json; odata.metadata=minimal; charset=utf-8");
    }

    public static JsonObject Select(JsonObject item, string[]? properties)
    {
        if (properties is null || properties.Length == 0) return (JsonObject)item.DeepClone();
        var selected = new JsonObject();
        foreach (var (key, value) in item)
            if (key == "id" || key.StartsWith("@odata.", StringComparison.Ordinal) || properties.Contains(key, StringComparer.OrdinalIgnoreCase))
                selected[key] = value?.DeepClone();
        return selected;
    }

    private static Func<JsonObject, bool> Filter(string? filter)
    {
        if (string.IsNullOrWhiteSpace(filter)) return _ => true;
        var tests = And().Split(filter.Trim()).Select(Clause).ToList();
        return item => tests.All(test => test(item));
    }

    private static Func<JsonObject, bool> Clause(string clause)
    {
        if (StartsWith().Match(clause) is { Success: true } starts)
        {
            var (property, prefix) = (starts.Groups["property"].Value, Literal(starts.Groups["value"].Value));
            return item => Text(item, property)?.StartsWith(prefix, StringComparison.OrdinalIgnoreCase) == true;
        }
        if (Comparison().Match(clause) is { Success: true } compare)
        {
            var (property, op, value) = (compare.Groups["property"].Value, compare.Groups["op"].Value, Literal(compare.Groups["value"].Value));
            return item => string.Equals(Text(item, property), value, StringComparison.OrdinalIgnoreCase) == (op == "eq");
        }
        throw new GraphException(400, "Request_UnsupportedQuery", $"Unsupported or invalid query filter clause: '{clause}'.");
    }

    private static string Literal(string value) => value.StartsWith('\'') ? value[1..^1].Replace("''", "'", StringComparison.Ordinal) : value;

    private static string? Text(JsonObject item, string property) =>
        item.FirstOrDefault(p => string.Equals(p.Key, property, StringComparison.OrdinalIgnoreCase)).Value switch
        {
            JsonValue value when value.TryGetValue<bool>(out var flag) => flag ? "true" : "false",
            JsonValue value => value.ToString(),
            _ => null,
        };

    [GeneratedRegex(@"\s+and\s+", RegexOptions.IgnoreCase)]
    private static partial Regex And();

    [GeneratedRegex(@"^\s*startswith\(\s*(?<property>\w+)\s*,\s*(?<value>'(?:[^']|'')*')\s*\)\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex StartsWith();

    [GeneratedRegex(@"^\s*(?<property>\w+)\s+(?<op>eq|ne)\s+(?<value>'(?:[^']|'')*'|true|false|-?\d+)\s*$")]
    private static partial Regex Comparison();

    [GeneratedRegex(@"^\s*(?<property>\w+)(\s+(?<direction>asc|desc))?\s*$")]
    private static partial Regex OrderBy();
}

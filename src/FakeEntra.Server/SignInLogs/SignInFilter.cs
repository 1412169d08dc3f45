using System.Globalization;
using System.Text.RegularExpressions;
using FakeEntra.Server.Graph;

namespace FakeEntra.Server.SignInLogs;

/// <summary>The <c>$filter</c> subset Graph's sign-in log answers: comparisons joined by <c>and</c>, as SQL over indexed columns.</summary>
public sealed partial record SignInFilter(string Sql, IReadOnlyList<(string Name, object Value)> Parameters)
{
    public static readonly SignInFilter None = new("", []);

    private static readonly Dictionary<string, string> Columns = new(StringComparer.Ordinal)
    {
        ["createdDateTime"] = "created",
        ["userPrincipalName"] = "user_principal_name",
        ["appId"] = "app_id",
        ["crossTenantAccessType"] = "cross_tenant_access_type",
        ["status/errorCode"] = "error_code",
    };

    private static readonly Dictionary<string, string> Operators = new(StringComparer.Ordinal)
    {
        ["eq"] = "=",
        ["ne"] = "<>",
        ["ge"] = ">=",
        ["gt"] = ">",
        ["le"] = "<=",
        ["lt"] = "<",
    };

    public static SignInFilter Parse(string? filter)
    {
        if (string.IsNullOrWhiteSpace(filter)) return None;
        var clauses = new List<string>();
        var parameters = new List<(string, object)>();
        foreach (var part in And().Split(filter.Trim()))
        {
            var match = Comparison().Match(part);
            if (!match.Success || !Columns.TryGetValue(match.Groups["field"].Value, out var column) || !Operators.TryGetValue(match.Groups["op"].Value, out var op))
                throw GraphException.BadRequest($"Invalid filter clause: '{part}'. Supported: createdDateTime, userPrincipalName, appId, crossTenantAccessType, status/errorCode with eq, ne, ge, gt, le, lt, joined by 'and'.");
            var name = $"$p{parameters.Count}";
            parameters.Add((name, Value(match.Groups["field"].Value, match.Groups["value"].Value)));
            clauses.Add($"{column} {op} {name}");
        }
        return new(string.Join(" AND ", clauses), parameters);
    }

    private static object Value(string field, string literal)
    {
        var quoted = literal.StartsWith('\'') && literal.EndsWith('\'') && literal.Length >= 2;
        var text = quoted ? literal[1..^1].Replace("''", "'", StringComparison.Ordinal) : literal;
        return field switch
        {
            "createdDateTime" when DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var when) => when.UtcDateTime.ToString("O"),
            "status/errorCode" when !quoted && int.TryParse(text, CultureInfo.InvariantCulture, out var code) => code,
            "userPrincipalName" or "appId" or "crossTenantAccessType" when quoted => text,
            _ => throw GraphException.BadRequest($"Invalid value '{literal}' for {field}."),
        };
    }

    [GeneratedRegex(@"\s+and\s+", RegexOptions.IgnoreCase)]
    private static partial Regex And();

    [GeneratedRegex(@"^\s*(?<field>[A-Za-z/]+)\s+(?<op>eq|ne|ge|gt|le|lt)\s+(?<value>'(?:[^']|'')*'|[^\s']+)\s*$")]
    private static partial Regex Comparison();
}

using System.Globalization;
using System.Linq.Expressions;
using System.Text.RegularExpressions;
using FakeEntra.Server.Graph;
using FakeEntra.Server.Storage.Rows;

namespace FakeEntra.Server.SignInLogs;

/// <summary>The <c>$filter</c> subset Graph's sign-in log answers: comparisons joined by <c>and</c>, as conditions on indexed columns.</summary>
public sealed partial record SignInFilter(IReadOnlyList<Expression<Func<SignInRow, bool>>> Clauses)
{
    public static readonly SignInFilter None = new([]);

    private static readonly Dictionary<string, string> Columns = new(StringComparer.Ordinal)
    {
        ["createdDateTime"] = nameof(SignInRow.Created),
        ["userPrincipalName"] = nameof(SignInRow.UserPrincipalName),
        ["appId"] = nameof(SignInRow.AppId),
        ["crossTenantAccessType"] = nameof(SignInRow.CrossTenantAccessType),
        ["status/errorCode"] = nameof(SignInRow.ErrorCode),
    };

    private static readonly Dictionary<string, ExpressionType> Operators = new(StringComparer.Ordinal)
    {
        ["eq"] = ExpressionType.Equal,
        ["ne"] = ExpressionType.NotEqual,
        ["ge"] = ExpressionType.GreaterThanOrEqual,
        ["gt"] = ExpressionType.GreaterThan,
        ["le"] = ExpressionType.LessThanOrEqual,
        ["lt"] = ExpressionType.LessThan,
    };

    private static readonly System.Reflection.MethodInfo Compare = typeof(string).GetMethod(nameof(string.Compare), [typeof(string), typeof(string)])!;

    public IQueryable<SignInRow> Apply(IQueryable<SignInRow> rows) => Clauses.Aggregate(rows, (query, clause) => query.Where(clause));

    public static SignInFilter Parse(string? filter)
    {
        if (string.IsNullOrWhiteSpace(filter)) return None;
        var clauses = new List<Expression<Func<SignInRow, bool>>>();
        foreach (var part in And().Split(filter.Trim()))
        {
            var match = Comparison().Match(part);
            if (!match.Success || !Columns.TryGetValue(match.Groups["field"].Value, out var column) || !Operators.TryGetValue(match.Groups["op"].Value, out var op))
                throw GraphException.BadRequest($"Invalid filter clause: '{part}'. Supported: createdDateTime, userPrincipalName, appId, crossTenantAccessType, status/errorCode with eq, ne, ge, gt, le, lt, joined by 'and'.");
            var row = Expression.Parameter(typeof(SignInRow), "row");
            Expression left = Expression.Property(row, column);
            Expression right = Expression.Constant(Value(match.Groups["field"].Value, match.Groups["value"].Value), left.Type);
            // Strings order as the database orders them: string.Compare translates to the column's comparison.
            if (left.Type == typeof(string) && op is not (ExpressionType.Equal or ExpressionType.NotEqual))
                (left, right) = (Expression.Call(Compare, left, right), Expression.Constant(0));
            clauses.Add(Expression.Lambda<Func<SignInRow, bool>>(Expression.MakeBinary(op, left, right), row));
        }
        return new(clauses);
    }

    private static object Value(string field, string literal)
    {
        var quoted = literal.StartsWith('\'') && literal.EndsWith('\'') && literal.Length >= 2;
        var text = quoted ? literal[1..^1].Replace("''", "'", StringComparison.Ordinal) : literal;
        return field switch
        {
            "createdDateTime" when DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var when) => when.UtcDateTime,
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

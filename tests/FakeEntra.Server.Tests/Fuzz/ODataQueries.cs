namespace FakeEntra.Server.Tests.Fuzz;

/// <summary>
/// OData query options a client gets wrong or an attacker tries: <c>$filter</c> injection and garbage (unbalanced quotes,
/// unsupported functions, hundreds of clauses), <c>$select</c>, <c>$top</c>, <c>$skiptoken</c> at the integer limits,
/// <c>$orderby</c>, <c>$count</c>, options Graph does not take, duplicated and case-variant options.
/// </summary>
public static class ODataQueries
{
    private static readonly string[] Fields =
    [
        "userPrincipalName", "displayName", "id", "accountEnabled", "userType", "mail", "category", "activityDisplayName", "createdDateTime", "status/errorCode",
        "appId", "crossTenantAccessType", "deviceId", "x", "a/b/c", "", "DisplayName", "@odata.type", "passwordHash",
    ];
    private static readonly string[] Operators = ["eq", "ne", "gt", "lt", "ge", "le", "in", "has", "EQ", "", "startswith", "contains", "eq eq"];
    private static readonly string[] Numbers = ["0", "1", "-1", "999", "1000", "1001", "2147483647", "2147483648", "-2147483648", "abc", "", "1e3", " 5", "+5", "\u0665", "1.5", "0x10"];
    private static readonly string[] SkipTokens = ["0", "1", "-1", "2147483647", "2147483600", "2147483547", "2147482648", "abc", "", "99999999999999", "1.5", "X'01'"];

    /// <summary>One to three options, each broken one way, and what they are.</summary>
    public static (List<(string Key, string Value)> Options, string Input) Pick(Random random)
    {
        var options = new List<(string, string)>();
        var notes = new List<string>();
        for (var i = random.Next(1, 4); i > 0; i--)
        {
            var (key, value, note) = random.Next(10) switch
            {
                0 or 1 => Filter(random),
                2 => ("$select", Select(random), "$select list"),
                3 => ("$top", random.Pick(Numbers), null),
                4 => ("$skiptoken", random.Pick(SkipTokens), null),
                5 => ("$orderby", random.Pick(["displayName", "displayName desc", "displayName asc desc", "", "x", "id,displayName", "displayName DESC", "createdDateTime desc", HostileText.Any(random).Value]), null),
                6 => ("$count", random.Pick(["true", "false", "TRUE", "1", ""]), null),
                7 => (random.Pick(["$expand", "$search", "$format", "$skip", "$apply", "$levels", "$compute"]), HostileText.Any(random).Value, null),
                8 => (random.Pick(["$TOP", "$Filter", "filter", "%24top", "$top "]), random.Pick(Numbers), "look-alike option name"),
                _ => ("$top", random.Pick(Numbers), "duplicated"),
            };
            options.Add((key, value));
            if (note == "duplicated") options.Add((key, random.Pick(Numbers)));
            notes.Add(note is null ? $"{key}={Short(value)}" : $"{key}: {note}");
        }
        return (options, string.Join(", ", notes));
    }

    private static (string, string, string?) Filter(Random random)
    {
        string Clause()
        {
            var field = random.Pick(Fields);
            var value = random.Next(6) switch
            {
                0 => "'x'",
                1 => "'O''Brien'",
                2 => random.Pick(["'", "'unterminated", "''", "'''"]),
                3 => random.Pick(Numbers),
                4 => random.Pick(["true", "null", "2024-01-01T00:00:00Z", "'2024-13-45'", $"'{random.NextGuid():D}'"]),
                _ => $"'{HostileText.Any(random).Value.Replace("'", "''", StringComparison.Ordinal)}'",
            };
            return random.Next(5) switch
            {
                0 => $"startswith({field},{value})",
                1 => $"{field}/any(x: x eq {value})",
                2 => $"({field} eq {value})",
                _ => $"{field} {random.Pick(Operators)} {value}",
            };
        }
        if (random.Chance(0.15)) return ("$filter", random.Pick(["'", "((((", ")", "eq eq eq", "and", " and ", "not", HostileText.Any(random).Value]), "garbage");
        var count = random.Chance(0.1) ? random.Next(20, 150) : random.Next(1, 4);
        var joiner = random.Chance(0.8) ? " and " : random.Pick([" or ", " AND ", "and", "  and  "]);
        var filter = string.Join(joiner, Enumerable.Range(0, count).Select(_ => Clause()));
        return ("$filter", filter, count > 3 ? $"{count} clauses" : Short(filter));
    }

    private static string Select(Random random)
    {
        var names = new[] { "id", "displayName", "userPrincipalName", "*", "", " ", "@odata.type", "passwordHash", "authenticationMethods", "a/b", "DISPLAYNAME" };
        var count = random.Chance(0.1) ? random.Next(100, 1_000) : random.Next(1, 5);
        return string.Join(random.Chance(0.9) ? "," : ",,", Enumerable.Range(0, count).Select(_ => random.Pick(names)));
    }

    private static string Short(string value) => value.Length <= 40 ? value : value[..40] + "…";
}

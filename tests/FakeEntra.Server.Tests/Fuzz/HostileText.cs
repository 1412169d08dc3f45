using System.Text;

namespace FakeEntra.Server.Tests.Fuzz;

/// <summary>Text a careless or hostile client puts where a value goes, each with a short name for the report.</summary>
public static class HostileText
{
    private static readonly string[] Unicode = ["ćøñtöśø", "𝔘𝔫𝔦𝔠𝔬𝔡𝔢", "\u202Egnp.exe", "e\u0301\u0301\u0301\u0301", "日本語のテキスト", "😀😀😀", "\uFEFFbom", "İı", "\u00A0\u2028\u2029"];
    private static readonly string[] Control = ["\0", "a\0b", "a\r\nSet-Cookie: x=1", "\t\v\f", "\u0085", "\u001b[31m", "\r", "\n\n"];
    // Strings whose UTF-16 is broken: sent as UTF-8 they become U+FFFD, so the raw bytes come from ParameterMutator and JsonMutator.
    private static readonly string[] Surrogates = ["\uD800", "a\uDFFFb", "\uDBFF\uDBFF", "\uDC00\uD800"];
    private static readonly string[] Percent = ["%", "%zz", "%%%", "%00", "%u0041", "%2", "100%", "%C3%28"];
    private static readonly string[] Injection =
    [
        "' or 1 eq 1 or '", "<script>alert(1)</script>", "\"><img src=x onerror=alert(1)>", "../../../../etc/passwd", "..\\..\\windows\\win.ini",
        "${jndi:ldap://x}", "{{7*7}}", "'; DROP TABLE users;--", "\" OR \"\"=\"", "$filter=true", "*", "?", "#", "&", "=", "+", "/", "\\",
    ];
    private static readonly string[] Numbers = ["99999999999999999999999", "-1", "0", "2147483647", "2147483648", "-2147483649", "1e309", "NaN", "0x10", "1.5", "-0", "Infinity"];
    private static readonly string[] Json = ["{}", "[]", "null", "{\"a\":", "true", "[null]", "{\"$ref\":\"x\"}"];
    private static readonly string[] Urls =
    [
        "javascript:alert(1)", "http://evil.example/", "//evil.example", "http://localhost:1/ä", "http://localhost#frag", "http://localhost:5050#x",
        "http://[::1]:99999/", "http://localhost/%ZZ", "file:///etc/passwd", "http://localhost:5050/\u00e9", "http://127.0.0.1:0", "http:/localhost",
        "https://localhost", "http://localhost:5050?a=b", "http://user:pass@localhost:5050", "http://localhost:5050/\r\nx",
    ];

    /// <summary>A hostile value of any kind.</summary>
    public static (string Kind, string Value) Any(Random random) => random.Next(13) switch
    {
        0 => ("empty", ""),
        1 => ("whitespace", random.Pick(["   ", "\t", " \u3000 "])),
        2 => ("unicode", random.Pick(Unicode)),
        3 => ("control characters", random.Pick(Control)),
        4 => ("lone surrogate", random.Pick(Surrogates)),
        5 => ("percent garbage", random.Pick(Percent)),
        6 => ("injection", random.Pick(Injection)),
        7 => ("odd number", random.Pick(Numbers)),
        8 => ("JSON text", random.Pick(Json)),
        9 => ("odd URL", random.Pick(Urls)),
        10 => ("odd GUID", OddGuid(random)),
        11 => ("random bytes", Bytes(random)),
        _ => Long(random),
    };

    /// <summary>A long value: a few thousand characters, now and then a few hundred thousand (rare, to keep the run fast).</summary>
    public static (string Kind, string Value) Long(Random random)
    {
        var length = random.Chance(0.02) ? random.Next(100_000, 300_000) : random.Next(1_000, 8_000);
        var unit = random.Pick(["a", "é", "😀", "a b ", "%", "'"]);
        var text = string.Concat(Enumerable.Repeat(unit, length / unit.Length));
        return ($"overlong ({text.Length / 1000} K chars)", text);
    }

    public static string OddGuid(Random random)
    {
        var guid = random.NextGuid();
        return random.Next(7) switch
        {
            0 => Guid.Empty.ToString("D"),
            1 => guid.ToString("B"),
            2 => guid.ToString("N").ToUpperInvariant(),
            3 => guid.ToString("D") + "x",
            4 => guid.ToString("D")[..35],
            5 => guid.ToString("X"),
            _ => guid.ToString("D"),
        };
    }

    // Latin-1 characters from random bytes: controls, high bytes, quotes, everything.
    private static string Bytes(Random random)
    {
        var bytes = new byte[random.Next(1, 64)];
        random.NextBytes(bytes);
        return Encoding.Latin1.GetString(bytes);
    }
}

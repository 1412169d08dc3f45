using System.Text;

namespace FakeEntra.Server.Tests.Fuzz;

/// <summary>
/// Breaks a well-formed parameter list (a query string or a form body) the ways clients do: hostile or overlong values,
/// missing and duplicated parameters, invalid UTF-8 and percent-encoding, thousands of parameters or of scope values.
/// </summary>
public static class ParameterMutator
{
    private static readonly string[] InvalidUtf8 = ["%FF", "%C3%28", "%ED%A0%80", "%C0%AF", "%F4%90%80%80", "%E2%82", "%FE%FF", "%80"];
    private static readonly int[] Weights = [1, 7, 2, 2, 2, 2, 1, 1, 1, 1, 1, 1];

    /// <summary>The encoded list and what was done to it. In a <paramref name="body"/> invalid UTF-8 may also be sent as raw bytes.</summary>
    public static (byte[] Encoded, string Input) Mutate(Random random, IReadOnlyList<(string Key, string Value)> parameters, bool body)
    {
        // Uri.EscapeDataString: RFC 3986 unreserved characters stay, the rest is UTF-8 percent-encoded (broken surrogates as U+FFFD).
        var fields = parameters.Select(p => (Key: Uri.EscapeDataString(p.Key), Value: (string?)Uri.EscapeDataString(p.Value))).ToList();
        var index = random.Next(Math.Max(fields.Count, 1));
        var key = fields.Count == 0 ? "x" : parameters[index].Key;
        var rawBytes = new List<byte[]>();
        string input;
        switch (random.Weighted(Weights))
        {
            case 0:
                input = "well-formed";
                break;
            case 1:
                var (kind, value) = HostileText.Any(random);
                Set(fields, index, key, Uri.EscapeDataString(value));
                input = $"{key}: {kind}";
                break;
            case 2:
                if (fields.Count > 0) fields.RemoveAt(index);
                input = $"{key} missing";
                break;
            case 3:
                var (other, second) = HostileText.Any(random);
                fields.Insert(random.Chance(0.5) ? 0 : fields.Count, (Uri.EscapeDataString(key), Uri.EscapeDataString(second)));
                input = $"{key} duplicated ({other})";
                break;
            case 4:
                var (longKind, longValue) = HostileText.Long(random);
                Set(fields, index, key, Uri.EscapeDataString(longValue));
                input = $"{key}: {longKind}";
                break;
            case 5:
                var bad = random.Pick(InvalidUtf8);
                var current = fields.Count > index ? fields[index].Value ?? "" : "";
                var at = random.Next(current.Length + 1);
                // A percent-escape boundary must not be split: insert at the start or the end when the value has escapes.
                if (current.Contains('%')) at = random.Chance(0.5) ? 0 : current.Length;
                if (body && random.Chance(0.5))
                {
                    rawBytes.Add(Convert.FromHexString(bad.Replace("%", "", StringComparison.Ordinal)));
                    Set(fields, index, key, current[..at] + $"\u0001{rawBytes.Count - 1}\u0001" + current[at..]);
                    input = $"{key}: invalid UTF-8 (raw bytes)";
                }
                else
                {
                    Set(fields, index, key, current[..at] + bad + current[at..]);
                    input = $"{key}: invalid UTF-8 ({bad})";
                }
                break;
            case 6:
                Set(fields, index, key, (fields.Count > index ? fields[index].Value : "") + random.Pick(["%zz", "%", "%G1", "%%", "%2"]));
                input = $"{key}: invalid percent-encoding";
                break;
            case 7:
                var scopeIndex = parameters.ToList().FindIndex(p => p.Key == "scope");
                if (scopeIndex >= 0) (index, key) = (scopeIndex, "scope");
                var count = random.Pick([300, 1_000, 3_000, 8_000]);
                var values = string.Join(' ', Enumerable.Range(0, count).Select(i => random.Chance(0.5) ? $"api://x/s{i}" : $"S{i}"));
                Set(fields, index, key, Uri.EscapeDataString(values));
                input = $"{key}: {count} distinct values";
                break;
            case 8:
                var extra = random.Next(1_100, 3_000);
                for (var i = 0; i < extra; i++) fields.Add(($"p{i}", "v"));
                input = $"{extra} extra parameters";
                break;
            case 9:
                fields.Add((new string('k', random.Next(2_100, 10_000)), "v"));
                input = "overlong parameter name";
                break;
            case 10:
                if (fields.Count > index) fields[index] = (fields[index].Key, null);
                fields.Insert(random.Next(fields.Count + 1), (random.Pick(["", "&&", "=", "&=&", "==="]), random.Chance(0.5) ? null : ""));
                input = $"{key} without '=' and empty pairs";
                break;
            default:
                fields.Add((Uri.EscapeDataString(random.Chance(0.5) ? key.ToUpperInvariant() : key + random.Pick(["[]", "%00", " ", ".", "[0]"])), Uri.EscapeDataString(HostileText.Any(random).Value)));
                input = $"{key}: look-alike name";
                break;
        }
        var text = string.Join('&', fields.Select(f => f.Value is null ? f.Key : $"{f.Key}={f.Value}"));
        return (Splice(text, rawBytes), input);
    }

    private static void Set(List<(string Key, string? Value)> fields, int index, string key, string value)
    {
        if (fields.Count > index) fields[index] = (fields[index].Key, value);
        else fields.Add((Uri.EscapeDataString(key), value));
    }

    // Markers \u0001n\u0001 stand for raw byte runs that are not text.
    private static byte[] Splice(string text, List<byte[]> raw)
    {
        if (raw.Count == 0) return Encoding.ASCII.GetBytes(text);
        using var bytes = new MemoryStream();
        var parts = text.Split('\u0001');
        for (var i = 0; i < parts.Length; i++)
            bytes.Write(i % 2 == 1 && int.TryParse(parts[i], System.Globalization.CultureInfo.InvariantCulture, out var n) && n < raw.Count ? raw[n] : Encoding.ASCII.GetBytes(parts[i]));
        return bytes.ToArray();
    }
}

using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace FakeEntra.Server.Tests.Fuzz;

/// <summary>
/// Breaks a well-formed JSON body the ways clients do: a member replaced by a value of the wrong type, nulls inside arrays,
/// unknown, case-variant and duplicated members, invalid UTF-8 and lone surrogates, deep nesting, bad syntax, huge bodies.
/// Text that JSON writers refuse to produce is spliced in as raw bytes at marker strings.
/// </summary>
public static class JsonMutator
{
    private static readonly JsonSerializerOptions Writer = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private static readonly int[] Weights = [1, 8, 2, 3, 2, 2, 1, 1, 1, 2, 1, 2];
    private static readonly string[] OddNumbers = ["1e400", "-1e400", "123456789012345678901234567890", "-0", "0.0000000000000000000000001", "1E+2", "-2147483649"];
    private static readonly string[] InvalidUtf8 = ["FF", "C328", "EDA080", "C0AF", "F4908080", "E282", "80"];

    public static (byte[] Body, string Input) Mutate(Random random, JsonObject template)
    {
        var splices = new List<(string Marker, byte[] Bytes)>();
        // A marker string value, replaced by raw text after writing: what JSON writers refuse to produce.
        JsonNode Raw(string text)
        {
            var marker = $"@@{splices.Count}@@";
            splices.Add(($"\"{marker}\"", Encoding.UTF8.GetBytes(text)));
            return JsonValue.Create(marker);
        }
        var members = Walk(template, "$").ToList();
        var (parent, name, path) = members.Count > 0 ? random.Pick(members) : (template, "displayName", "$.displayName");
        string input;
        switch (random.Weighted(Weights))
        {
            case 0:
                input = "well-formed";
                break;
            case 1:
                var (kind, value) = HostileValue(random, Raw);
                Set(parent, name, value);
                input = $"{path}: {kind}";
                break;
            case 2:
                if (parent is JsonObject removeFrom) removeFrom.Remove(name);
                else if (parent is JsonArray list) list.RemoveAt(int.Parse(name, System.Globalization.CultureInfo.InvariantCulture));
                input = $"{path} missing";
                break;
            case 3:
                var target = parent as JsonObject ?? template;
                var added = random.Pick(["Id", "ID", "id", "@odata.id", "@odata.type", "createdDateTime", "passwordHash", "authenticationMethods", "unknownMember", "", " ", name.ToUpperInvariant()]);
                var (addedKind, addedValue) = HostileValue(random, Raw);
                target.Remove(added);
                target[added] = addedValue;
                input = $"extra member '{added}': {addedKind}";
                break;
            case 4:
                // The writer never emits a key twice: the second one goes in as text.
                var duplicate = parent as JsonObject ?? template;
                var key = ReferenceEquals(duplicate, parent) ? name : "id";
                var marker = $"@@{splices.Count}@@";
                splices.Add(($"\"{marker}\":0", Encoding.UTF8.GetBytes($"\"{key}\":{(random.Chance(0.5) ? "null" : "\"" + random.NextGuid().ToString("D") + "\"")}")));
                duplicate[marker] = 0;
                input = $"member '{key}' twice";
                break;
            case 5:
                var bytes = Convert.FromHexString(random.Pick(InvalidUtf8));
                var inString = $"@@{splices.Count}@@";
                splices.Add((inString, bytes));
                Set(parent, name, JsonValue.Create($"x{inString}x"));
                input = $"{path}: invalid UTF-8 in a string";
                break;
            case 6:
                Set(parent, name, Raw($"\"{random.Pick(["\\ud800", "a\\udfffb", "\\udbff\\udbff", "\\ud800\\u0041"])}\""));
                input = $"{path}: lone surrogate escape";
                break;
            case 7:
                var depth = random.Pick([70, 1_000, 100_000]);
                Set(parent, name, Raw(random.Chance(0.5) ? new string('[', depth) + new string(']', depth) : string.Concat(Enumerable.Repeat("{\"a\":", depth)) + "1" + new string('}', depth)));
                input = $"{path}: nested {depth} deep";
                break;
            case 8:
                var (notObject, text) = random.Pick<(string, string)>([("an array", "[{}]"), ("a string", "\"x\""), ("a number", "1"), ("null", "null"), ("empty", ""), ("whitespace", " \n "), ("true", "true")]);
                return (Encoding.UTF8.GetBytes(text), $"body is {notObject}");
            case 9:
                var json = template.ToJsonString(Writer);
                var (syntax, broken) = random.Next(7) switch
                {
                    0 => ("truncated", json[..random.Next(json.Length)]),
                    1 => ("trailing garbage", json + random.Pick(["x", "}", "{}", "\0", ","])),
                    2 => ("comment", "/* c */" + json),
                    3 => ("single quotes", json.Replace('"', '\'')),
                    4 => ("trailing comma", json[..^1] + ",}"),
                    5 => ("byte order mark", "\uFEFF" + json),
                    _ => ("NaN literal", json[..^1] + (json.Length > 2 ? "," : "") + "\"n\":NaN}"),
                };
                return (Encoding.UTF8.GetBytes(broken), $"JSON syntax: {syntax}");
            case 10:
                var size = random.Pick([300_000, 1_100_000]); // under and over Graph's 1 MiB body limit
                Set(parent, name, random.Chance(0.5) ? JsonValue.Create(new string('a', size)) : Raw("[" + string.Join(',', Enumerable.Repeat('0', size / 2)) + "]"));
                input = $"{path}: huge (~{size / 1000} KB)";
                break;
            default:
                // A null where a list expects items: what a careless client's serializer sends for a missing element.
                var arrays = members.Where(m => Get(m.Parent, m.Name) is JsonArray).ToList();
                if (arrays.Count == 0)
                {
                    Set(parent, name, new JsonArray((JsonNode?)null));
                    input = $"{path}: [null]";
                    break;
                }
                var (arrayParent, arrayName, arrayPath) = random.Pick(arrays);
                var array = (JsonArray)Get(arrayParent, arrayName)!;
                if (array.Count == 0) array.Add(null);
                else array[random.Next(array.Count)] = null;
                input = $"{arrayPath}: a null item";
                break;
        }
        var body = Encoding.UTF8.GetBytes(template.ToJsonString(Writer));
        foreach (var (marker, with) in splices)
        {
            var at = body.AsSpan().IndexOf(Encoding.UTF8.GetBytes(marker));
            if (at < 0) continue;
            using var spliced = new MemoryStream(body.Length + with.Length);
            spliced.Write(body, 0, at);
            spliced.Write(with);
            spliced.Write(body.AsSpan(at + Encoding.UTF8.GetByteCount(marker)));
            body = spliced.ToArray();
        }
        return (body, input);
    }

    /// <summary>A value of a type the member does not take, or an odd one of the right type.</summary>
    private static (string Kind, JsonNode? Value) HostileValue(Random random, Func<string, JsonNode> raw)
    {
        switch (random.Next(12))
        {
            case 0: return ("null", null);
            case 1: return ("boolean", JsonValue.Create(random.Chance(0.5)));
            case 2: return ("number", JsonValue.Create(random.Pick([0, -1, int.MaxValue, int.MinValue])));
            case 3: return ("out-of-range number", raw(random.Pick(OddNumbers)));
            case 4:
                var (kind, text) = HostileText.Any(random);
                return ($"string ({kind})", JsonValue.Create(text));
            case 5: return ("empty array", new JsonArray());
            case 6: return ("null in an array", random.Chance(0.5) ? new JsonArray((JsonNode?)null) : new JsonArray(null, JsonValue.Create("x")));
            case 7: return ("array of mixed types", new JsonArray(JsonValue.Create(1), JsonValue.Create("x"), new JsonObject(), new JsonArray(), null));
            case 8: return ("empty object", new JsonObject());
            case 9: return ("object with odd members", new JsonObject { ["@odata.type"] = 5, ["id"] = new JsonArray(), [""] = null });
            case 10: return ("GUID-like string", JsonValue.Create(HostileText.OddGuid(random)));
            default: return ("array of 5,000 numbers", new JsonArray([.. Enumerable.Range(0, 5_000).Select(n => (JsonNode)n)]));
        }
    }

    /// <summary>Every member and array item below <paramref name="node"/>, with its parent, its name or index, and its path.</summary>
    private static IEnumerable<(JsonNode Parent, string Name, string Path)> Walk(JsonNode node, string path)
    {
        if (node is JsonObject obj)
            foreach (var (key, value) in obj.ToList())
            {
                yield return (obj, key, $"{path}.{key}");
                if (value is not null) foreach (var inner in Walk(value, $"{path}.{key}")) yield return inner;
            }
        else if (node is JsonArray array)
            for (var i = 0; i < array.Count; i++)
            {
                yield return (array, i.ToString(System.Globalization.CultureInfo.InvariantCulture), $"{path}[{i}]");
                if (array[i] is { } item) foreach (var inner in Walk(item, $"{path}[{i}]")) yield return inner;
            }
    }

    private static JsonNode? Get(JsonNode parent, string name) =>
        parent is JsonArray array ? array[int.Parse(name, System.Globalization.CultureInfo.InvariantCulture)] : ((JsonObject)parent)[name];

    private static void Set(JsonNode parent, string name, JsonNode? value)
    {
        if (parent is JsonArray array) array[int.Parse(name, System.Globalization.CultureInfo.InvariantCulture)] = value;
        else ((JsonObject)parent)[name] = value;
    }
}

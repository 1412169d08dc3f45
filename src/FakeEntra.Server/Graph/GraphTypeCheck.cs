using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using FakeEntra.Core.Scenarios;

namespace FakeEntra.Server.Graph;

/// <summary>
/// Checks a body against the type FakeEntra reads it into, before it is read, so that every refusal names the property by its
/// JSON path and the kind of value expected — never a .NET type. On the way it gives each property the name FakeEntra reads
/// (Graph matches names case-insensitively) and drops instance annotations such as the SDK's <c>@odata.type</c>.
/// </summary>
public static class GraphTypeCheck
{
    /// <summary>Checks <paramref name="body"/> as a <paramref name="type"/>; <paramref name="partial"/> (a PATCH) does not ask for its required members.</summary>
    public static void Check(JsonObject body, Type type, string resource, bool partial) =>
        Object(body, DirectoryJson.Options.GetTypeInfo(type), "", resource, partial);

    private static void Object(JsonObject body, JsonTypeInfo info, string at, string resource, bool partial)
    {
        foreach (var (key, value) in body.ToList())
        {
            var property = info.Properties.FirstOrDefault(p => p.Set is not null && string.Equals(p.Name, key, StringComparison.OrdinalIgnoreCase));
            if (property is null)
            {
                if (key.StartsWith("@odata.", StringComparison.Ordinal))
                {
                    body.Remove(key);
                    continue;
                }
                throw GraphException.InvalidProperty(Join(at, key));
            }
            if (property.Name != key)
            {
                body.Remove(key);
                body[property.Name] = value;
            }
            Value(value, property.PropertyType, property.IsSetNullable, Join(at, property.Name), resource);
        }
        if (partial) return;
        foreach (var required in info.Properties.Where(p => p.IsRequired && !body.ContainsKey(p.Name)))
            throw GraphException.ValueRequired(Join(at, required.Name), resource);
    }

    private static void Value(JsonNode? node, Type type, bool nullable, string path, string resource)
    {
        if (node is null)
        {
            if (nullable) return;
            throw GraphException.ValueRequired(path, resource);
        }
        type = Nullable.GetUnderlyingType(type) ?? type;
        var info = DirectoryJson.Options.GetTypeInfo(type);
        switch (info.Kind)
        {
            case JsonTypeInfoKind.Object:
                if (node is not JsonObject obj) throw GraphException.InvalidValue(path, resource, "an object");
                Object(obj, info, path, resource, partial: false);
                return;
            case JsonTypeInfoKind.Enumerable:
                if (node is not JsonArray array) throw GraphException.InvalidValue(path, resource, "an array");
                // Graph's collections hold values, never null.
                for (var i = 0; i < array.Count; i++) Value(array[i], info.ElementType!, nullable: false, $"{path}[{i}]", resource);
                return;
            default:
                if (node is JsonObject or JsonArray || !Reads(node, type)) throw GraphException.InvalidValue(path, resource, Expected(type));
                return;
        }
    }

    private static bool Reads(JsonNode node, Type type)
    {
        try
        {
            node.Deserialize(type, DirectoryJson.Options);
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static string Expected(Type type) =>
        type == typeof(string) ? "a string"
        : type == typeof(bool) ? "a boolean"
        : type == typeof(Guid) ? "a GUID string"
        : type == typeof(DateTimeOffset) || type == typeof(DateTime) ? "an ISO 8601 date and time string"
        : type == typeof(int) || type == typeof(long) ? "an integer"
        : "a value of another kind";

    private static string Join(string at, string name) => at.Length == 0 ? name : $"{at}.{name}";
}

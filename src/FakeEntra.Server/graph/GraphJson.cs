using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using FakeEntra.Core.Scenarios;

namespace FakeEntra.Server.Graph;

/// <summary>Graph's JSON: camelCase, nulls written (a partner's null member means "inherits"), input strict about unknown members; bodies come from <see cref="GraphRequestBody"/>.</summary>
public static class GraphJson
{
    public static readonly JsonSerializerOptions Output = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static IResult Ok(object value, string context, int status = 200) =>
        Results.Json(WithContext(JsonSerializer.SerializeToNode(value, Output)!.AsObject(), context), Output, "application/json; odata.metadata=minimal; odata.streaming=true; IEEE754Compatible=false; charset=utf-8", status);

    public static JsonObject WithContext(JsonObject body, string context)
    {
        var result = new JsonObject { ["@odata.context"] = $"https://graph.microsoft.com/v1.0/$metadata#{context}" };
        foreach (var (key, value) in body.ToList())
        {
            body.Remove(key);
            result[key] = value;
        }
        return result;
    }

    /// <summary>Applies a PATCH: each member given replaces the current one (complex values whole), then the result is read strictly.</summary>
    public static T Patch<T>(T current, JsonObject patch, params string[] readOnly)
    {
        var merged = JsonSerializer.SerializeToNode(current, DirectoryJson.Options)!.AsObject();
        foreach (var (key, value) in patch)
        {
            if (key.StartsWith("@odata.", StringComparison.Ordinal)) continue;
            if (readOnly.Contains(key, StringComparer.OrdinalIgnoreCase)) throw GraphException.BadRequest($"Property '{key}' is read-only and cannot be set.");
            merged[key] = value?.DeepClone();
        }
        return Read<T>(merged);
    }

    // The SDK annotates objects with @odata.type; the types are fixed by the resource, so annotations carry nothing to read.
    private static void StripAnnotations(JsonNode? node)
    {
        if (node is JsonObject obj)
        {
            foreach (var key in obj.Select(p => p.Key).Where(k => k.StartsWith("@odata.", StringComparison.Ordinal)).ToList()) obj.Remove(key);
            foreach (var (_, value) in obj) StripAnnotations(value);
        }
        else if (node is JsonArray array)
            foreach (var item in array) StripAnnotations(item);
    }

    public static T Read<T>(JsonObject body)
    {
        StripAnnotations(body);
        try
        {
            return body.Deserialize<T>(DirectoryJson.Options) ?? throw GraphException.BadRequest("The request body is empty.");
        }
        catch (JsonException e)
        {
            throw GraphException.BadRequest($"Invalid request body at {e.Path ?? "$"}: {e.Message.Split(" Path:")[0]}");
        }
    }
}

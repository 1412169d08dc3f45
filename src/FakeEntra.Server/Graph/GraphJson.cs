using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace FakeEntra.Server.Graph;

/// <summary>Graph's JSON answers: camelCase, nulls written (a partner's null member means "inherits").</summary>
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
}

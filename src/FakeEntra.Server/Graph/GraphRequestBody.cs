using System.Text.Json;
using System.Text.Json.Nodes;

namespace FakeEntra.Server.Graph;

/// <summary>
/// Reads a Graph request body into a JSON object, refusing with Graph's 400 whatever Graph could not read: more than 1 MiB,
/// malformed or over-deep JSON, a property given twice (names match case-insensitively, as Graph matches them), text that is
/// not valid UTF-8 or has an unpaired surrogate, and anything but an object.
/// </summary>
public static class GraphRequestBody
{
    public const int MaxBytes = 1 << 20;

    public static async Task<JsonObject> ReadObjectAsync(HttpRequest request)
    {
        var bytes = await ReadBytesAsync(request);
        JsonDocument document;
        try
        {
            // The reader's default depth limit (64) bounds the recursion below.
            document = JsonDocument.Parse(bytes);
        }
        catch (JsonException e)
        {
            throw GraphException.UnreadableBody($"the body is not valid JSON or nests deeper than 64 levels (line {e.LineNumber + 1}, byte {e.BytePositionInLine + 1})");
        }
        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object) throw GraphException.UnreadableBody("the body must be a JSON object");
            try
            {
                return Object(document.RootElement);
            }
            catch (InvalidOperationException)
            {
                // Text is decoded only when read: invalid UTF-8 and unpaired surrogates surface here.
                throw GraphException.UnreadableBody("a string is not valid UTF-8 or has an unpaired surrogate");
            }
        }
    }

    private static async Task<byte[]> ReadBytesAsync(HttpRequest request)
    {
        if (request.ContentLength > MaxBytes) throw GraphException.BodyTooLarge(MaxBytes);
        using var buffer = new MemoryStream();
        var chunk = new byte[16384];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, request.HttpContext.RequestAborted)) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > MaxBytes) throw GraphException.BodyTooLarge(MaxBytes);
        }
        return buffer.ToArray();
    }

    private static JsonObject Object(JsonElement element)
    {
        var result = new JsonObject();
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var property in element.EnumerateObject())
        {
            if (!names.Add(property.Name)) throw GraphException.UnreadableBody($"the property '{property.Name}' is given more than once");
            result[property.Name] = Node(property.Value);
        }
        return result;
    }

    private static JsonNode? Node(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => Object(element),
        JsonValueKind.Array => new JsonArray([.. element.EnumerateArray().Select(Node)]),
        JsonValueKind.String => JsonValue.Create(element.GetString()),
        JsonValueKind.Null => null,
        _ => JsonValue.Create(element.Clone()),
    };
}

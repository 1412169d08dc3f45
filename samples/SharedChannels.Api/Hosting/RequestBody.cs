using System.Text.Json;
using System.Text.Json.Serialization;

namespace SharedChannels.Api.Hosting;

/// <summary>Reads JSON bodies strictly (known properties, required values, bounded size) with messages that say what is wrong.</summary>
public static class RequestBody
{
    private const int MaxJsonBytes = 64 * 1024;

    private static readonly JsonSerializerOptions Strict = new(JsonSerializerDefaults.Web)
    {
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
        MaxDepth = 16,
    };

    public static async Task<T> ReadAsync<T>(HttpRequest request) where T : class
    {
        if (!request.HasJsonContentType())
            throw new ProblemException(StatusCodes.Status415UnsupportedMediaType, "Unsupported media type", "Send the body as application/json.");
        var bytes = await Bounded.ReadAsync(request, MaxJsonBytes, "The JSON body");
        try
        {
            return JsonSerializer.Deserialize<T>(bytes, Strict) ?? throw ProblemException.BadRequest("The body must be a JSON object, not null.");
        }
        catch (JsonException e)
        {
            throw ProblemException.BadRequest($"The JSON body cannot be read: {e.Message}");
        }
    }
}

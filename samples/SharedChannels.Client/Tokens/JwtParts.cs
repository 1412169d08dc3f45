using System.Buffers.Text;
using System.Text.Json;

namespace SharedChannels.Client.Tokens;

/// <summary>
/// A JWT's header and claims, decoded for display only: the signature is the API's to check, not the client's (an access
/// token is opaque to its client; the client reads it here to teach what it carries).
/// </summary>
public sealed record JwtParts(JsonElement Header, JsonElement Claims)
{
    public static JwtParts Decode(string token)
    {
        var parts = token.Split('.');
        if (parts.Length != 3) throw new ClientFailure("The access token is not a JWT (three dot-separated parts).");
        return new JwtParts(Json(parts[0]), Json(parts[1]));
    }

    private static JsonElement Json(string part)
    {
        try
        {
            return JsonDocument.Parse(Base64Url.DecodeFromChars(part)).RootElement.Clone();
        }
        catch (Exception e) when (e is FormatException or JsonException)
        {
            throw new ClientFailure($"The access token's parts are not base64url JSON: {e.Message}");
        }
    }
}

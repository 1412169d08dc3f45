using System.Text;
using System.Text.Json.Nodes;
using Microsoft.IdentityModel.Tokens;

namespace FakeEntra.Server.Tests.Fuzz;

/// <summary>
/// Tokens that are not what they claim: 3-dot garbage, parts that are not base64url or not JSON, <c>alg: none</c>, a real
/// token re-signed by nobody or with claims of the wrong type, truncated or padded. Used as bearer tokens, OBO assertions,
/// refresh tokens and <c>id_token_hint</c>s.
/// </summary>
public static class BearerTokens
{
    /// <summary>
    /// An Authorization header: <paramref name="real"/> with probability <paramref name="realShare"/> (so requests reach what is
    /// behind authentication), otherwise another real token (wrong audience or kind), an odd token, or a header of another shape.
    /// </summary>
    public static (string? Header, string Kind) Header(Random random, string real, IReadOnlyList<string> others, double realShare)
    {
        if (random.Chance(realShare)) return ("Bearer " + real, "");
        var choice = random.Next(10);
        if (choice >= 6)
        {
            var (kind, token) = Odd(random, real);
            return ("Bearer " + token, kind);
        }
        return choice switch
        {
            0 => (null, "no Authorization"),
            1 => (random.Pick(["Bearer", "Bearer ", "Bearer    ", "bearer"]), "Bearer without a token"),
            2 => (random.Pick(["Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("a:b")), "Negotiate abc", "Digest x", "Token " + real]), "another scheme"),
            3 => ("bearer  " + real, "lower-case scheme, two spaces"),
            4 => ("Bearer " + random.Pick(others), "another real token"),
            _ => ("Bearer " + HostileText.Any(random).Value, "hostile text"),
        };
    }

    public static (string Kind, string Token) Odd(Random random, string realToken)
    {
        var parts = realToken.Split('.');
        var header = parts.Length == 3 ? parts[0] : B64("{\"alg\":\"RS256\",\"typ\":\"JWT\"}");
        var payload = parts.Length == 3 ? parts[1] : B64("{}");
        var signature = parts.Length == 3 ? parts[2] : "sig";
        return random.Next(16) switch
        {
            0 => ("3-dot garbage", $"{Garbage(random)}.{Garbage(random)}.{Garbage(random)}"),
            1 => ("parts not base64url", $"!!{header}.@@{payload}.##"),
            2 => ("base64url but not JSON", $"{B64(HostileText.Any(random).Value)}.{B64("not json")}.{signature}"),
            3 => ("header a JSON array", $"{B64("[1,2]")}.{payload}.{signature}"),
            4 => ("alg none", $"{B64("{\"alg\":\"none\",\"typ\":\"JWT\"}")}.{payload}."),
            5 => ("alg none, no dots after", $"{B64("{\"alg\":\"none\"}")}.{payload}"),
            6 => ("claims of the wrong type", $"{header}.{B64(OddClaims(random, payload))}.{signature}"),
            7 => ("payload invalid UTF-8", $"{header}.{Base64UrlEncoder.Encode([0x7B, 0x22, 0xFF, 0xFE, 0x22, 0x3A, 0x31, 0x7D])}.{signature}"),
            8 => ("signature tampered", $"{header}.{payload}.{Flip(random, signature)}"),
            9 => ("payload tampered", $"{header}.{Flip(random, payload)}.{signature}"),
            10 => ("truncated", realToken[..random.Next(realToken.Length)]),
            11 => ("header with odd kid and alg", $"{B64(random.Pick(["{\"alg\":5}", "{\"alg\":\"HS256\",\"kid\":null}", "{\"alg\":\"RS256\",\"kid\":{}}", "{\"alg\":\"RS256\",\"kid\":\"" + new string('k', 5000) + "\"}", "{\"alg\":\"RS256\",\"crit\":[\"x\"]}", "{\"alg\":\"RS256\",\"jku\":\"http://evil.example\"}"]))}.{payload}.{signature}"),
            12 => ("five parts", $"{header}.{payload}.{signature}.x.y"),
            13 => ("two dots only", ".."),
            14 => ("unicode and whitespace around", $" \u00A0{realToken}\u200B "),
            _ => ("real token twice", realToken + "." + realToken),
        };
    }

    /// <summary>The real token's claims with some replaced by values of the wrong type, far-off times, or removed.</summary>
    private static string OddClaims(Random random, string payload)
    {
        JsonObject claims;
        try
        {
            claims = JsonNode.Parse(Base64UrlEncoder.Decode(payload)) as JsonObject ?? [];
        }
        catch (Exception e) when (e is FormatException or ArgumentException or System.Text.Json.JsonException)
        {
            claims = []; // not a JWT's payload (a code, an opaque token): claims of our own then
        }
        var names = new[] { "aud", "tid", "oid", "exp", "nbf", "iat", "iss", "idtyp", "roles", "scp", "azp", "sub", "ver", "appid", "uti" };
        for (var i = random.Next(1, 4); i > 0; i--)
        {
            var name = random.Pick(names);
            claims[name] = random.Next(8) switch
            {
                0 => null,
                1 => 5,
                2 => new JsonArray(null, 1, "x"),
                3 => new JsonObject { ["a"] = "b" },
                4 => 1e300,
                5 => HostileText.Any(random).Value,
                6 => -9999999999L,
                _ => HostileText.OddGuid(random),
            };
        }
        if (random.Chance(0.3)) claims.Remove(random.Pick(names));
        return claims.ToJsonString();
    }

    private static string B64(string text) => Base64UrlEncoder.Encode(Encoding.UTF8.GetBytes(text));

    private static string Garbage(Random random)
    {
        var bytes = new byte[random.Next(0, 40)];
        random.NextBytes(bytes);
        return random.Chance(0.5) ? Base64UrlEncoder.Encode(bytes) : Convert.ToBase64String(bytes);
    }

    private static string Flip(Random random, string text)
    {
        if (text.Length == 0) return "A";
        var chars = text.ToCharArray();
        var at = random.Next(chars.Length);
        chars[at] = chars[at] == 'A' ? 'B' : 'A';
        return new string(chars);
    }
}

using System.Diagnostics;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace FakeEntra.Bench;

/// <summary>
/// The ceiling every case is compared with: <c>JsonWebTokenHandler.CreateToken</c>, RS256, with the claims of a real
/// FakeEntra access token, on one thread of a process pinned to one core — what one core can sign and nothing else.
/// </summary>
public static class Ceiling
{
    public const string Command = "ceiling";

    /// <summary>Signs for <paramref name="seconds"/> after a warm-up and prints tokens per second.</summary>
    public static int Run(string claimsFile, double seconds)
    {
        var claims = Claims(File.ReadAllText(claimsFile));
        using var rsa = RSA.Create(2048);
        var credentials = new SigningCredentials(new RsaSecurityKey(rsa) { KeyId = "bench" }, SecurityAlgorithms.RsaSha256);
        var handler = new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false };
        string Sign() => handler.CreateToken(new SecurityTokenDescriptor { Claims = claims, SigningCredentials = credentials, TokenType = "JWT" });

        var warmUp = Stopwatch.StartNew();
        while (warmUp.Elapsed.TotalSeconds < 1) Sign();
        var count = 0;
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed.TotalSeconds < seconds)
        {
            Sign();
            count++;
        }
        Console.WriteLine((count / clock.Elapsed.TotalSeconds).ToString("F1", System.Globalization.CultureInfo.InvariantCulture));
        return 0;
    }

    /// <summary>A JWT's payload as the plain values FakeEntra hands the handler (strings, numbers, string arrays).</summary>
    public static Dictionary<string, object> Claims(string payloadJson)
    {
        using var document = JsonDocument.Parse(payloadJson);
        return document.RootElement.EnumerateObject().ToDictionary(p => p.Name, p => Plain(p.Value));
    }

    private static object Plain(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Number => value.GetInt64(),
        JsonValueKind.Array => value.EnumerateArray().Select(v => v.GetString()!).ToArray(),
        _ => value.GetString()!,
    };
}

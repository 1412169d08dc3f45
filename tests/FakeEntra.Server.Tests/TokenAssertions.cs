using System.Text.Json;
using Microsoft.IdentityModel.JsonWebTokens;

namespace FakeEntra.Server.Tests;

public static class TokenAssertions
{
    public static JsonWebToken Read(string jwt) => new(jwt);

    public static JsonElement Payload(string jwt)
    {
        var part = jwt.Split('.')[1];
        return JsonDocument.Parse(System.Buffers.Text.Base64Url.DecodeFromChars(part)).RootElement.Clone();
    }

    public static JsonElement Header(string jwt) =>
        JsonDocument.Parse(System.Buffers.Text.Base64Url.DecodeFromChars(jwt.Split('.')[0])).RootElement.Clone();

    /// <summary>None of an OAuth server library's private claims may reach clients.</summary>
    public static void HasNoInternalClaims(JsonElement payload)
    {
        foreach (var claim in payload.EnumerateObject())
            Assert.False(claim.Name.StartsWith("oi_", StringComparison.Ordinal) || claim.Name is "client_id" or "scope" or "jti",
                $"internal claim {claim.Name} leaked");
    }
}

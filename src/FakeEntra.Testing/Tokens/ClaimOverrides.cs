using System.Buffers.Text;
using System.Text.Json;
using FakeEntra.Server.Token;

namespace FakeEntra.Testing.Tokens;

/// <summary>Negative-test tokens: the payload of a decided token changed claim by claim, then signed again with the real key.</summary>
internal static class ClaimOverrides
{
    public static string Apply(string jwt, IReadOnlyDictionary<string, object?> changes, TokenSigner signer)
    {
        if (changes.Count == 0) return jwt;
        var payload = jwt.Split('.')[1];
        using var document = JsonDocument.Parse(Base64Url.DecodeFromChars(payload));
        var claims = document.RootElement.EnumerateObject().ToDictionary(p => p.Name, p => (object)p.Value.Clone());
        foreach (var (name, value) in changes)
        {
            if (value is null) claims.Remove(name);
            else claims[name] = JsonSerializer.SerializeToElement(value is DateTimeOffset instant ? instant.ToUnixTimeSeconds() : value);
        }
        return signer.Sign(claims);
    }
}

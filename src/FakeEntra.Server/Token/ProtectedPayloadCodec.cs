using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.DataProtection;
using B64 = System.Buffers.Text.Base64Url;

namespace FakeEntra.Server.Token;

/// <summary>
/// A payload as an opaque base64url string: JSON encrypted and authenticated with ASP.NET Data Protection (keys in the data
/// directory). Anything that does not decrypt to the payload — tampered, foreign, garbage — reads as null.
/// </summary>
public abstract class ProtectedPayloadCodec<T>(IDataProtectionProvider provider, string purpose) where T : class
{
    private readonly IDataProtector _protector = provider.CreateProtector(purpose);

    public string Protect(T payload) => B64.EncodeToString(_protector.Protect(JsonSerializer.SerializeToUtf8Bytes(payload)));

    public T? Unprotect(string? value)
    {
        if (string.IsNullOrEmpty(value)) return null;
        try
        {
            return JsonSerializer.Deserialize<T>(_protector.Unprotect(B64.DecodeFromChars(value)));
        }
        catch (Exception e) when (e is CryptographicException or FormatException or JsonException)
        {
            return null;
        }
    }
}

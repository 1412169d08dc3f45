using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.DataProtection;
using B64 = System.Buffers.Text.Base64Url;

namespace FakeEntra.Server.Token;

/// <summary>
/// A payload as an opaque base64url string: its JSON sealed under the <see cref="PayloadKey"/>, the purpose as associated data
/// (an <c>aio</c> does not open as a refresh token). Anything that does not open to the payload — tampered, foreign, garbage —
/// reads as null. Payloads sealed before by ASP.NET Data Protection (its per-payload key derivation cost a password grant about
/// 10 µs) are still read, so refresh tokens issued before an upgrade keep working.
/// </summary>
public abstract class ProtectedPayloadCodec<T>(PayloadKey key, IDataProtectionProvider provider, string purpose) where T : class
{
    private readonly byte[] _purpose = Encoding.UTF8.GetBytes(purpose);
    private readonly IDataProtector _dataProtection = provider.CreateProtector(purpose);

    public string Protect(T payload) => B64.EncodeToString(key.Seal(JsonSerializer.SerializeToUtf8Bytes(payload), _purpose));

    public T? Unprotect(string? value)
    {
        if (string.IsNullOrEmpty(value)) return null;
        try
        {
            var bytes = B64.DecodeFromChars(value);
            return JsonSerializer.Deserialize<T>(PayloadKey.IsSealed(bytes) ? key.Open(bytes, _purpose) : _dataProtection.Unprotect(bytes));
        }
        catch (Exception e) when (e is CryptographicException or FormatException or JsonException)
        {
            return null;
        }
    }
}

using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.DataProtection;
using B64 = System.Buffers.Text.Base64Url;

namespace FakeEntra.Server.Token;

/// <summary>
/// A payload as an opaque base64url string: its JSON sealed with AES-256-GCM under the <see cref="PayloadKey"/>, the purpose as
/// associated data (an <c>aio</c> does not open as a refresh token). Anything that does not open to the payload — tampered,
/// foreign, garbage — reads as null. Payloads sealed before by ASP.NET Data Protection (its per-payload key derivation cost a
/// password grant about 10 µs) are still read, so refresh tokens issued before an upgrade keep working.
/// </summary>
public abstract class ProtectedPayloadCodec<T>(PayloadKey key, IDataProtectionProvider provider, string purpose) where T : class
{
    // Data Protection's payloads begin with its magic header 09 F0 C9 F0; this format's first byte is its version.
    private const byte Version = 1;
    private const int Overhead = 1 + PayloadKey.NonceSize + PayloadKey.TagSize;

    private readonly byte[] _purpose = Encoding.UTF8.GetBytes(purpose);
    private readonly IDataProtector _dataProtection = provider.CreateProtector(purpose);

    public string Protect(T payload)
    {
        var plain = JsonSerializer.SerializeToUtf8Bytes(payload);
        var sealedBytes = new byte[Overhead + plain.Length];
        sealedBytes[0] = Version;
        var nonce = sealedBytes.AsSpan(1, PayloadKey.NonceSize);
        RandomNumberGenerator.Fill(nonce);
        key.Cipher.Encrypt(nonce, plain, sealedBytes.AsSpan(1 + PayloadKey.NonceSize, plain.Length), sealedBytes.AsSpan(sealedBytes.Length - PayloadKey.TagSize), _purpose);
        return B64.EncodeToString(sealedBytes);
    }

    public T? Unprotect(string? value)
    {
        if (string.IsNullOrEmpty(value)) return null;
        try
        {
            var bytes = B64.DecodeFromChars(value);
            return JsonSerializer.Deserialize<T>(bytes is [Version, ..] ? Open(bytes) : _dataProtection.Unprotect(bytes));
        }
        catch (Exception e) when (e is CryptographicException or FormatException or JsonException)
        {
            return null;
        }
    }

    private byte[] Open(byte[] sealedBytes)
    {
        if (sealedBytes.Length < Overhead) throw new CryptographicException("The payload is shorter than its nonce and tag.");
        var plain = new byte[sealedBytes.Length - Overhead];
        key.Cipher.Decrypt(sealedBytes.AsSpan(1, PayloadKey.NonceSize), sealedBytes.AsSpan(1 + PayloadKey.NonceSize, plain.Length),
            sealedBytes.AsSpan(sealedBytes.Length - PayloadKey.TagSize), plain, _purpose);
        return plain;
    }
}

using System.Security.Cryptography;
using FakeEntra.Server.Storage;
using Microsoft.AspNetCore.DataProtection;
using B64 = System.Buffers.Text.Base64Url;

namespace FakeEntra.Server.Token;

/// <summary>
/// The key that seals FakeEntra's own opaque payloads (refresh tokens, <c>aio</c>) with AES-256-GCM: 256 random bits made once
/// and kept in the state, so replicas share it and it survives restarts and <c>--reset</c>; at rest it is itself protected by
/// ASP.NET Data Protection. Read at the first payload sealed or opened, not at start. A sealed payload is a version byte, the
/// nonce, the ciphertext and the tag.
/// </summary>
public sealed class PayloadKey
{
    public const string Setting = "payload-key";

    // Data Protection's payloads begin with its magic header 09 F0 C9 F0; this format's first byte is its version.
    private const byte Version = 1;
    private const int NonceSize = 12;
    private const int TagSize = 16;
    private const int Overhead = 1 + NonceSize + TagSize;

    private readonly Lazy<byte[]> _key;
    // AesGcm keeps per-instance cipher state, so each thread has its own.
    private readonly ThreadLocal<AesGcm> _cipher;

    public PayloadKey(StateStore store, IDataProtectionProvider provider)
    {
        // A failed read (the database busy a moment) is tried again at the next payload, not remembered as the answer.
        _key = new(() => Load(store, provider.CreateProtector("FakeEntra.PayloadKey.v1")), LazyThreadSafetyMode.PublicationOnly);
        _cipher = new(() => new AesGcm(_key.Value, TagSize));
    }

    /// <summary>Whether <paramref name="payload"/> is in this key's format (rather than, say, Data Protection's).</summary>
    public static bool IsSealed(ReadOnlySpan<byte> payload) => payload is [Version, ..];

    public byte[] Seal(ReadOnlySpan<byte> plain, ReadOnlySpan<byte> associatedData)
    {
        var sealedBytes = new byte[Overhead + plain.Length];
        sealedBytes[0] = Version;
        var nonce = sealedBytes.AsSpan(1, NonceSize);
        RandomNumberGenerator.Fill(nonce);
        _cipher.Value!.Encrypt(nonce, plain, sealedBytes.AsSpan(1 + NonceSize, plain.Length), sealedBytes.AsSpan(^TagSize), associatedData);
        return sealedBytes;
    }

    /// <summary>The plain payload; a tampered or foreign one, or one sealed for other associated data, throws a CryptographicException.</summary>
    public byte[] Open(ReadOnlySpan<byte> sealedBytes, ReadOnlySpan<byte> associatedData)
    {
        if (sealedBytes.Length < Overhead) throw new CryptographicException("The payload is shorter than its nonce and tag.");
        var plain = new byte[sealedBytes.Length - Overhead];
        _cipher.Value!.Decrypt(sealedBytes.Slice(1, NonceSize), sealedBytes.Slice(1 + NonceSize, plain.Length), sealedBytes[^TagSize..], plain, associatedData);
        return plain;
    }

    // Two processes starting on one database may both make a key: the first one stored is the one both use.
    private static byte[] Load(StateStore store, IDataProtector protector)
    {
        var stored = store.Setting(Setting);
        if (stored is null)
        {
            store.AddSettingIfAbsent(Setting, B64.EncodeToString(protector.Protect(RandomNumberGenerator.GetBytes(32))));
            stored = store.Setting(Setting)!;
        }
        return protector.Unprotect(B64.DecodeFromChars(stored));
    }
}

using System.Security.Cryptography;
using FakeEntra.Server.Storage;
using Microsoft.AspNetCore.DataProtection;
using B64 = System.Buffers.Text.Base64Url;

namespace FakeEntra.Server.Token;

/// <summary>
/// The key that seals FakeEntra's own opaque payloads (refresh tokens, <c>aio</c>): 256 random bits made once and kept in the
/// state, so replicas share it and it survives restarts and <c>--reset</c>; at rest it is itself protected by ASP.NET Data
/// Protection. Read at the first payload sealed or opened, not at start.
/// </summary>
public sealed class PayloadKey
{
    public const string Setting = "payload-key";
    public const int NonceSize = 12;
    public const int TagSize = 16;

    private readonly Lazy<byte[]> _key;
    // AesGcm keeps per-instance cipher state, so each thread has its own.
    private readonly ThreadLocal<AesGcm> _cipher;

    public PayloadKey(StateStore store, IDataProtectionProvider provider)
    {
        // A failed read (the database busy a moment) is tried again at the next payload, not remembered as the answer.
        _key = new(() => Load(store, provider.CreateProtector("FakeEntra.PayloadKey.v1")), LazyThreadSafetyMode.PublicationOnly);
        _cipher = new(() => new AesGcm(_key.Value, TagSize));
    }

    public AesGcm Cipher => _cipher.Value!;

    // Two processes starting on one database may both make a key: the first one stored is the one both use.
    private static byte[] Load(StateStore store, IDataProtector protector)
    {
        if (store.Setting(Setting) is null)
            store.AddSettingIfAbsent(Setting, B64.EncodeToString(protector.Protect(RandomNumberGenerator.GetBytes(32))));
        return protector.Unprotect(B64.DecodeFromChars(store.Setting(Setting)));
    }
}

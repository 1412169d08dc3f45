using System.Buffers.Binary;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using FakeEntra.Core.DirectoryObjects;
using FakeEntra.Core.Security;
using FakeEntra.Server.Hosting;
using Microsoft.Extensions.Options;

namespace FakeEntra.Server.Lockout;

public enum LockoutVerdict
{
    Verified,
    Wrong,
    Locked,
}

/// <summary>
/// Entra's smart lockout around a password or one-time code check. While locked the secret is not even checked, so the answer
/// (AADSTS50053) says nothing about it. A success costs two dictionary lookups, and writes only to reset earlier failures.
/// </summary>
public sealed class SmartLockout(IOptions<FakeEntraOptions> options, TimeProvider clock)
{
    private const int Capacity = 100_000;

    private readonly SmartLockoutOptions _settings = options.Value.Lockout;
    private readonly SmartLockoutPolicy _policy = options.Value.Lockout.Policy;
    private readonly LockoutCounters _counters = new(Capacity);
    // Bad passwords are remembered as keyed hashes, salted with the stored hash so a password change forgets them.
    private readonly byte[] _badPasswordKey = RandomNumberGenerator.GetBytes(32);

    public LockoutVerdict Password(User user, IPAddress? client, string password, Func<bool> verify) =>
        Attempt(LockoutKey.For(user.Id, client, LockoutKind.Password), verify, () => BadPasswordHash(user, password));

    public LockoutVerdict OneTimeCode(User user, IPAddress? client, Func<bool> verify) =>
        Attempt(LockoutKey.For(user.Id, client, LockoutKind.OneTimeCode), verify, null);

    private LockoutVerdict Attempt(LockoutKey key, Func<bool> verify, Func<UInt128>? badPassword)
    {
        if (!_settings.Enabled) return verify() ? LockoutVerdict.Verified : LockoutVerdict.Wrong;
        var now = clock.GetUtcNow();
        if (_counters.IsLocked(key, now)) return LockoutVerdict.Locked;
        // Checked first, counted after: each count is atomic with the lock test, so concurrent guesses cannot overshoot.
        if (verify()) return _counters.Succeeded(key, now) ? LockoutVerdict.Verified : LockoutVerdict.Locked;
        return _counters.Failed(key, now, _policy, badPassword?.Invoke()) ? LockoutVerdict.Wrong : LockoutVerdict.Locked;
    }

    private UInt128 BadPasswordHash(User user, string password) =>
        BinaryPrimitives.ReadUInt128LittleEndian(HMACSHA256.HashData(_badPasswordKey, Encoding.UTF8.GetBytes($"{user.PasswordHash}\n{password}")));
}

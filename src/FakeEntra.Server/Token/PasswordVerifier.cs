using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using FakeEntra.Core.Security;

namespace FakeEntra.Server.Token;

/// <summary>
/// Checks passwords against their PBKDF2 hashes and remembers successes (keyed by the stored hash, so a password
/// change forgets them), so repeated password grants do not pay for key derivation each time.
/// </summary>
public sealed class PasswordVerifier
{
    private readonly ConcurrentDictionary<string, byte[]> _verified = new(StringComparer.Ordinal);

    public bool Verify(string password, string storedHash)
    {
        var digest = SHA256.HashData(Encoding.UTF8.GetBytes(password));
        if (_verified.TryGetValue(storedHash, out var known) && CryptographicOperations.FixedTimeEquals(known, digest)) return true;
        if (!PasswordHasher.Verify(password, storedHash)) return false;
        _verified[storedHash] = digest;
        return true;
    }
}

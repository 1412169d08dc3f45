using System.Security.Cryptography;
using System.Text;

namespace FakeEntra.Core.Security;

/// <summary>
/// Hashes for client secrets: generated secrets are high-entropy, so one SHA-256 suffices and keeps the
/// token endpoint free of slow key derivation.
/// </summary>
public static class SecretHasher
{
    private const string Prefix = "sha256:";

    public static string Hash(string secret) => Prefix + Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    public static bool Verify(string secret, string storedHash)
    {
        if (!storedHash.StartsWith(Prefix, StringComparison.Ordinal)) return false;
        Span<byte> expected = stackalloc byte[32];
        if (!Convert.TryFromBase64String(storedHash[Prefix.Length..], expected, out var written) || written != 32) return false;
        var actual = SHA256.HashData(Encoding.UTF8.GetBytes(secret));
        return CryptographicOperations.FixedTimeEquals(actual, expected);
    }
}

namespace FakeEntra.Core.Security;

/// <summary>RFC 4648 base32, the alphabet of TOTP secrets.</summary>
public static class Base32
{
    public static bool IsValid(string value)
    {
        var trimmed = value.TrimEnd('=').Replace(" ", "", StringComparison.Ordinal);
        return trimmed.Length >= 16 && trimmed.All(c => c is >= 'A' and <= 'Z' or >= 'a' and <= 'z' or >= '2' and <= '7');
    }
}

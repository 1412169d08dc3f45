using System.Text.Json;
using B64 = System.Buffers.Text.Base64Url;

namespace FakeEntra.Core.Tokens;

/// <summary>
/// The ID token's <c>login_hint</c> claim, which apps pass back as <c>logout_hint</c>: opaque to them, naming the home account.
/// </summary>
public static class LoginHint
{
    private const string Prefix = "O.";

    public static string Encode(Guid homeTenantId, Guid homeObjectId, string username) =>
        Prefix + B64.EncodeToString(JsonSerializer.SerializeToUtf8Bytes(new Hint(homeTenantId, homeObjectId, username)));

    /// <summary>The account a hint names, or null when it is not one of FakeEntra's hints.</summary>
    public static (Guid HomeTenantId, Guid HomeObjectId, string Username)? Decode(string hint)
    {
        if (!hint.StartsWith(Prefix, StringComparison.Ordinal)) return null;
        try
        {
            var decoded = JsonSerializer.Deserialize<Hint>(B64.DecodeFromChars(hint.AsSpan(Prefix.Length)));
            return decoded is null ? null : (decoded.Tid, decoded.Oid, decoded.Upn);
        }
        catch (Exception e) when (e is FormatException or JsonException)
        {
            return null;
        }
    }

    private sealed record Hint(Guid Tid, Guid Oid, string Upn);
}

using System.Collections.Concurrent;
using System.Security.Cryptography;
using B64 = System.Buffers.Text.Base64Url;

namespace FakeEntra.Server.SignInPages;

/// <summary>What an authorization code stands for until the app redeems it.</summary>
public sealed record AuthorizationCode
{
    public required Guid GrantId { get; init; }
    public required Guid ClientId { get; init; }
    public required string RedirectUri { get; init; }
    /// <summary>The tenant the tokens are for; a code is redeemed there (or at an alias).</summary>
    public required Guid TenantId { get; init; }
    public required Guid HomeTenantId { get; init; }
    public required Guid UserId { get; init; }
    public required string Scope { get; init; }
    public string? Nonce { get; init; }
    public string? CodeChallenge { get; init; }
    public string? CodeChallengeMethod { get; init; }
    public required Guid SessionId { get; init; }
    public required DateTimeOffset AuthTime { get; init; }
    public required DateTimeOffset ExpiresAt { get; init; }
    public required Token.SignInProof Proof { get; init; }
    /// <summary>The sign-in log row the pages wrote for this decision.</summary>
    public Guid? SignInId { get; init; }
}

/// <summary>
/// Codes live ten minutes, in memory, and can be redeemed once; a redeemed code is remembered until it would have expired
/// so a replay is recognised (AADSTS54005).
/// </summary>
public sealed class AuthorizationCodes(TimeProvider clock)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(10);
    private readonly ConcurrentDictionary<string, (AuthorizationCode Code, bool Redeemed)> _codes = new(StringComparer.Ordinal);

    public string Issue(AuthorizationCode code)
    {
        var now = clock.GetUtcNow();
        foreach (var (key, entry) in _codes)
            if (entry.Code.ExpiresAt < now) _codes.TryRemove(key, out _);
        var value = "1.A" + B64.EncodeToString(RandomNumberGenerator.GetBytes(48));
        _codes[value] = (code, false);
        return value;
    }

    /// <summary>The code's grant and whether it had been redeemed before; marks it redeemed. Null for an unknown code.</summary>
    public (AuthorizationCode Code, bool AlreadyRedeemed)? Redeem(string value)
    {
        while (_codes.TryGetValue(value, out var entry))
        {
            if (entry.Redeemed) return (entry.Code, true);
            if (_codes.TryUpdate(value, (entry.Code, true), entry)) return (entry.Code, false);
        }
        return null;
    }
}

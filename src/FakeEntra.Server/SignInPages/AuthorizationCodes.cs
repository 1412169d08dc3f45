using System.Text;
using System.Text.Json;
using FakeEntra.Core.Scenarios;
using FakeEntra.Server.Storage;
using FakeEntra.Server.Storage.Rows;
using Microsoft.EntityFrameworkCore;
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
/// Codes live ten minutes in the state file, found by the SHA-256 of their value (never stored), so a restart honours them. The
/// database lets one redemption through (a conditional update); a redeemed code is kept until it would have expired, so a
/// replay is recognised (AADSTS54005).
/// </summary>
public sealed class AuthorizationCodes(StateStore store, TimeProvider clock)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(10);

    public async Task<string> IssueAsync(AuthorizationCode code)
    {
        var value = "1.A" + B64.EncodeToString(RandomNumberGenerator.GetBytes(48));
        var expired = (clock.GetUtcNow() - Lifetime).UtcDateTime;
        await store.WriteAsync(async db =>
        {
            await db.AuthorizationCodes.Where(c => c.ExpiresAt < expired).ExecuteDeleteAsync();
            db.AuthorizationCodes.Add(new AuthorizationCodeRow
            {
                CodeHash = Hash(value),
                Json = JsonSerializer.Serialize(code, DirectoryJson.Options),
                ExpiresAt = code.ExpiresAt.UtcDateTime,
            });
        });
        return value;
    }

    /// <summary>The code's grant and whether it had been redeemed before; marks it redeemed. Null for an unknown code.</summary>
    public async Task<(AuthorizationCode Code, bool AlreadyRedeemed)?> RedeemAsync(string value)
    {
        var hash = Hash(value);
        var now = clock.GetUtcNow().UtcDateTime;
        return await store.WriteAsync<(AuthorizationCode, bool)?>(async db =>
        {
            var json = await db.AuthorizationCodes.Where(c => c.CodeHash == hash).Select(c => c.Json).FirstOrDefaultAsync();
            if (json is null) return null;
            var first = await db.AuthorizationCodes.Where(c => c.CodeHash == hash && c.RedeemedAt == null)
                .ExecuteUpdateAsync(c => c.SetProperty(r => r.RedeemedAt, now)) == 1;
            return (JsonSerializer.Deserialize<AuthorizationCode>(json, DirectoryJson.Options)!, !first);
        });
    }

    private static string Hash(string value) => B64.EncodeToString(SHA256.HashData(Encoding.UTF8.GetBytes(value)));
}

using System.Data.Common;
using System.Globalization;
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
/// database lets one redemption through (a conditional update, which another process sharing the database respects too); a
/// redeemed code is kept until it would have expired, so a replay is recognised (AADSTS54005). Issues and redemptions are
/// group-committed: the pages and the token endpoint pay one transaction per batch, no code is handed out before it is stored,
/// and no token leaves before its code is marked redeemed.
/// </summary>
public sealed class AuthorizationCodes(StateStore store, TimeProvider clock, ILogger<AuthorizationCodes> logger)
    : GroupCommit<(string Hash, AuthorizationCodeRow? Issued), (AuthorizationCode Code, bool AlreadyRedeemed)?>(logger)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(10);

    protected override string Items => "authorization codes issued or redeemed";

    public async Task<string> IssueAsync(AuthorizationCode code)
    {
        var value = "1.A" + B64.EncodeToString(RandomNumberGenerator.GetBytes(48));
        var hash = Hash(value);
        await CommitAsync((hash, new AuthorizationCodeRow
        {
            CodeHash = hash,
            Json = JsonSerializer.Serialize(code, DirectoryJson.Options),
            ExpiresAt = code.ExpiresAt.UtcDateTime,
        }));
        return value;
    }

    /// <summary>The code's grant and whether it had been redeemed before; marks it redeemed. Null for an unknown code.</summary>
    public Task<(AuthorizationCode Code, bool AlreadyRedeemed)?> RedeemAsync(string value) => CommitAsync((Hash(value), null));

    protected override Task<IReadOnlyList<(AuthorizationCode Code, bool AlreadyRedeemed)?>> WriteBatchAsync(IReadOnlyList<(string Hash, AuthorizationCodeRow? Issued)> batch)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var issued = batch.Select(item => item.Issued).OfType<AuthorizationCodeRow>().ToList();
        var redeemed = batch.Where(item => item.Issued is null).Select(item => item.Hash).ToList();
        return store.WriteAsync<IReadOnlyList<(AuthorizationCode, bool)?>>(async db =>
        {
            if (issued.Count > 0)
            {
                var expired = now - Lifetime;
                await db.AuthorizationCodes.Where(c => c.ExpiresAt < expired).ExecuteDeleteAsync();
                await RowInserter.InsertAsync(db, issued);
            }
            var distinct = redeemed.Distinct().ToArray();
            var redeemedNow = distinct.Length > 0 ? await MarkRedeemedAsync(db, distinct, now) : [];
            var codes = distinct.Length > 0 ? await FindAsync(db, distinct) : [];
            var seen = new HashSet<string>();
            var results = new List<(AuthorizationCode, bool)?>(batch.Count);
            foreach (var (hash, row) in batch)
            {
                // The same code twice in one batch: the first in the queue redeems it, the second is a replay.
                var first = row is null && seen.Add(hash) && redeemedNow.Contains(hash);
                results.Add(row is null && codes.TryGetValue(hash, out var code) ? (code, !first) : null);
            }
            return results;
        });
    }

    // One conditional update for the batch; RETURNING names the codes this transaction redeemed, so a process sharing the
    // database that redeemed one a moment earlier wins it (PostgreSQL re-checks the condition on the committed row).
    private static async Task<HashSet<string>> MarkRedeemedAsync(StateDb db, string[] hashes, DateTime now)
    {
        await using var command = InCommand(db, """UPDATE "AuthorizationCodes" SET "RedeemedAt" = @now WHERE "RedeemedAt" IS NULL AND "CodeHash" IN ({0}) RETURNING "CodeHash" """, hashes);
        // The time goes through EF Core's own mapping, so it is stored as SaveChanges stores it.
        command.Parameters.Add(db.Model.FindEntityType(typeof(AuthorizationCodeRow))!.FindProperty(nameof(AuthorizationCodeRow.RedeemedAt))!
            .GetRelationalTypeMapping().CreateParameter(command, "@now", now));
        var redeemed = new HashSet<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync()) redeemed.Add(reader.GetString(0));
        return redeemed;
    }

    private static async Task<Dictionary<string, AuthorizationCode>> FindAsync(StateDb db, string[] hashes)
    {
        await using var command = InCommand(db, """SELECT "CodeHash", "Json" FROM "AuthorizationCodes" WHERE "CodeHash" IN ({0})""", hashes);
        var codes = new Dictionary<string, AuthorizationCode>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync()) codes[reader.GetString(0)] = JsonSerializer.Deserialize<AuthorizationCode>(reader.GetString(1), DirectoryJson.Options)!;
        return codes;
    }

    // A command in the write's transaction whose {0} is a list of one parameter per hash.
    private static DbCommand InCommand(StateDb db, string sql, string[] hashes) =>
        StateSql.Of(db).Command(string.Format(CultureInfo.InvariantCulture, sql, string.Join(", ", hashes.Select((_, i) => $"@h{i}"))),
            [.. hashes.Select((hash, i) => ($"@h{i}", (object)hash))]);

    private static string Hash(string value) => B64.EncodeToString(SHA256.HashData(Encoding.UTF8.GetBytes(value)));
}

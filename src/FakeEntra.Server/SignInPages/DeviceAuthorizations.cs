using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using FakeEntra.Core.Scenarios;
using FakeEntra.Server.Storage;
using FakeEntra.Server.Storage.Rows;
using Microsoft.EntityFrameworkCore;
using System.Security.Cryptography;
using B64 = System.Buffers.Text.Base64Url;

namespace FakeEntra.Server.SignInPages;

public enum DeviceAuthorizationStatus
{
    Pending,
    Approved,
    Declined,
    Redeemed,
}

/// <summary>A device-code request: the device polls with <see cref="DeviceCode"/>, the person types <see cref="UserCode"/>.</summary>
public sealed record DeviceAuthorization
{
    public required string DeviceCode { get; init; }
    public required string UserCode { get; init; }
    public required Guid ClientId { get; init; }
    public required string Tenant { get; init; }
    public required string Scope { get; init; }
    public required DateTimeOffset ExpiresAt { get; init; }
    public DateTimeOffset? LastPoll { get; init; }
    public DeviceAuthorizationStatus Status { get; init; }
    public Guid? HomeTenantId { get; init; }
    public Guid? UserId { get; init; }
    public DateTimeOffset? AuthTime { get; init; }
    public Guid? SessionId { get; init; }
    public Guid? ResourceTenantId { get; init; }
    public Token.SignInProof? Proof { get; init; }
    /// <summary>The sign-in log row the pages wrote for the approval.</summary>
    public Guid? SignInId { get; init; }
}

/// <summary>
/// Device-code sign-ins for their fifteen minutes, in the store (so a restart, or another FakeEntra on the same database, honours
/// a code and its approval). Each holds only checked, bounded data (a known client and tenant, a scope within its limit), and
/// there are at most <see cref="Capacity"/>, so requests nobody completes cannot fill the store. The device code is stored as its
/// SHA-256; each step (approved or declined, then redeemed) is a conditional update, so only one approval and one redemption
/// get through. The time of a device's last poll (for <c>slow_down</c>) is kept in memory only.
/// </summary>
public sealed class DeviceAuthorizations(StateStore store, TimeProvider clock)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(15);
    public const int Interval = 5;
    /// <summary>More than any test run starts in fifteen minutes; past it, the oldest request makes room.</summary>
    public const int Capacity = 1000;
    // Entra's user codes: nine characters, upper-case letters and digits (ambiguous ones left out).
    private const string Alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    private readonly ConcurrentDictionary<string, DateTimeOffset> _lastPoll = new(StringComparer.Ordinal);

    public async Task<DeviceAuthorization> CreateAsync(Guid clientId, string tenant, string scope)
    {
        var now = clock.GetUtcNow();
        var code = "DAQABAAEAAA" + B64.EncodeToString(RandomNumberGenerator.GetBytes(48));
        var stored = await store.WriteAsync(async db =>
        {
            var expired = (now - Lifetime).UtcDateTime;
            await db.DeviceAuthorizations.Where(d => d.ExpiresAt < expired).ExecuteDeleteAsync();
            var surplus = await db.DeviceAuthorizations.CountAsync() - Capacity + 1;
            if (surplus > 0)
            {
                var oldest = await db.DeviceAuthorizations.OrderBy(d => d.ExpiresAt).Take(surplus).Select(d => d.DeviceCodeHash).ToListAsync();
                await db.DeviceAuthorizations.Where(d => oldest.Contains(d.DeviceCodeHash)).ExecuteDeleteAsync();
            }
            string userCode;
            do userCode = RandomNumberGenerator.GetString(Alphabet, 9);
            while (await db.DeviceAuthorizations.AnyAsync(d => d.UserCode == userCode));
            var authorization = new DeviceAuthorization
            {
                DeviceCode = Hash(code),
                UserCode = userCode,
                ClientId = clientId,
                Tenant = tenant,
                Scope = scope,
                ExpiresAt = now + Lifetime,
            };
            db.DeviceAuthorizations.Add(new DeviceAuthorizationRow
            {
                DeviceCodeHash = authorization.DeviceCode,
                UserCode = userCode,
                Status = authorization.Status.ToString(),
                Json = JsonSerializer.Serialize(authorization, DirectoryJson.Options),
                ExpiresAt = authorization.ExpiresAt.UtcDateTime,
            });
            return authorization;
        });
        return stored with { DeviceCode = code };
    }

    /// <summary>A code a person may still approve (its <see cref="DeviceAuthorization.DeviceCode"/> is the stored hash).</summary>
    public DeviceAuthorization? FindPending(string userCode)
    {
        var wanted = userCode.Trim().ToUpperInvariant();
        using var db = store.Open();
        var row = db.DeviceAuthorizations.AsNoTracking().FirstOrDefault(d => d.UserCode == wanted);
        return row is not null && Read(row) is { Status: DeviceAuthorizationStatus.Pending } entry && entry.ExpiresAt > clock.GetUtcNow() ? entry : null;
    }

    /// <summary>Approves or declines a pending code (the first completion wins).</summary>
    public async Task CompleteAsync(string userCode, Func<DeviceAuthorization, DeviceAuthorization> change)
    {
        if (FindPending(userCode) is { } entry) await MoveAsync(entry.DeviceCode, DeviceAuthorizationStatus.Pending, change(entry));
    }

    /// <summary>
    /// Records a poll and returns the request as it was before it (an approved one is redeemed by this poll, once); null for an
    /// unknown device code.
    /// </summary>
    public async Task<DeviceAuthorization?> PollAsync(string deviceCode)
    {
        var hash = Hash(deviceCode);
        var row = await store.ReadAsync(db => db.DeviceAuthorizations.AsNoTracking().FirstOrDefaultAsync(d => d.DeviceCodeHash == hash));
        if (row is null) return null;
        var now = clock.GetUtcNow();
        var entry = Read(row) with { LastPoll = _lastPoll.TryGetValue(hash, out var last) ? last : null };
        _lastPoll[hash] = now;
        foreach (var (key, polled) in _lastPoll)
            if (polled < now - Lifetime) _lastPoll.TryRemove(key, out _);
        if (entry.Status == DeviceAuthorizationStatus.Approved && !await MoveAsync(hash, DeviceAuthorizationStatus.Approved, entry with { Status = DeviceAuthorizationStatus.Redeemed }))
            return entry with { Status = DeviceAuthorizationStatus.Redeemed };
        return entry;
    }

    private static DeviceAuthorization Read(DeviceAuthorizationRow row) =>
        JsonSerializer.Deserialize<DeviceAuthorization>(row.Json, DirectoryJson.Options)! with { Status = Enum.Parse<DeviceAuthorizationStatus>(row.Status) };

    // One step forward, only from the status it expects: the database decides between two at once.
    private Task<bool> MoveAsync(string hash, DeviceAuthorizationStatus from, DeviceAuthorization to)
    {
        var json = JsonSerializer.Serialize(to with { LastPoll = null }, DirectoryJson.Options);
        return store.WriteAsync(async db => await db.DeviceAuthorizations.Where(d => d.DeviceCodeHash == hash && d.Status == from.ToString())
            .ExecuteUpdateAsync(d => d.SetProperty(r => r.Status, to.Status.ToString()).SetProperty(r => r.Json, json)) == 1);
    }

    private static string Hash(string value) => B64.EncodeToString(SHA256.HashData(Encoding.UTF8.GetBytes(value)));
}

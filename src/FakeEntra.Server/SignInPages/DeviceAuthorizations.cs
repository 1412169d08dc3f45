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
/// Device-code sign-ins for their fifteen minutes, in the state file (so a restart honours a code and its approval) and in
/// memory for the pages and polls. Each holds only checked, bounded data (a known client and tenant, a scope within its limit),
/// and there are at most <see cref="Capacity"/>, so requests nobody completes cannot pin memory. The device code is stored as
/// its SHA-256; each step (approved or declined, then redeemed) is a conditional update, so only one approval and one
/// redemption get through. The time of the last poll (for <c>slow_down</c>) is kept in memory only.
/// </summary>
public sealed class DeviceAuthorizations
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(15);
    public const int Interval = 5;
    /// <summary>More than any test run starts in fifteen minutes; past it, the oldest request makes room.</summary>
    public const int Capacity = 1000;
    // Entra's user codes: nine characters, upper-case letters and digits (ambiguous ones left out).
    private const string Alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    private readonly StateStore _store;
    private readonly TimeProvider _clock;
    // By the hash of the device code; an entry's DeviceCode is that hash, except in what Create returns.
    private readonly ConcurrentDictionary<string, DeviceAuthorization> _byDevice = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string> _deviceByUser = new(StringComparer.OrdinalIgnoreCase);

    public DeviceAuthorizations(StateStore store, TimeProvider clock)
    {
        _store = store;
        _clock = clock;
        var since = (clock.GetUtcNow() - Lifetime).UtcDateTime;
        using var db = store.Open();
        foreach (var row in db.DeviceAuthorizations.AsNoTracking().Where(d => d.ExpiresAt > since).ToList())
        {
            var entry = JsonSerializer.Deserialize<DeviceAuthorization>(row.Json, DirectoryJson.Options)! with
            {
                Status = Enum.Parse<DeviceAuthorizationStatus>(row.Status),
            };
            _byDevice[row.DeviceCodeHash] = entry;
            _deviceByUser[entry.UserCode] = row.DeviceCodeHash;
        }
    }

    public async Task<DeviceAuthorization> CreateAsync(Guid clientId, string tenant, string scope)
    {
        var now = _clock.GetUtcNow();
        var gone = new List<string>();
        foreach (var (key, entry) in _byDevice)
            if (entry.ExpiresAt < now - Lifetime) gone.Add(Remove(key));
        while (_byDevice.Count >= Capacity && _byDevice.Values.MinBy(e => e.ExpiresAt) is { } oldest) gone.Add(Remove(oldest.DeviceCode));
        string userCode;
        do userCode = RandomNumberGenerator.GetString(Alphabet, 9);
        while (_deviceByUser.ContainsKey(userCode));
        var code = "DAQABAAEAAA" + B64.EncodeToString(RandomNumberGenerator.GetBytes(48));
        var stored = new DeviceAuthorization
        {
            DeviceCode = Hash(code),
            UserCode = userCode,
            ClientId = clientId,
            Tenant = tenant,
            Scope = scope,
            ExpiresAt = now + Lifetime,
        };
        await _store.WriteAsync(async db =>
        {
            if (gone.Count > 0) await db.DeviceAuthorizations.Where(d => gone.Contains(d.DeviceCodeHash)).ExecuteDeleteAsync();
            db.DeviceAuthorizations.Add(new DeviceAuthorizationRow
            {
                DeviceCodeHash = stored.DeviceCode,
                UserCode = userCode,
                Status = stored.Status.ToString(),
                Json = JsonSerializer.Serialize(stored, DirectoryJson.Options),
                ExpiresAt = stored.ExpiresAt.UtcDateTime,
            });
        });
        _byDevice[stored.DeviceCode] = stored;
        _deviceByUser[userCode] = stored.DeviceCode;
        return stored with { DeviceCode = code };
    }

    private string Remove(string hash)
    {
        if (_byDevice.TryRemove(hash, out var entry)) _deviceByUser.TryRemove(entry.UserCode, out _);
        return hash;
    }

    /// <summary>A code a person may still approve.</summary>
    public DeviceAuthorization? FindPending(string userCode) =>
        _deviceByUser.TryGetValue(userCode.Trim(), out var hash) && _byDevice.TryGetValue(hash, out var entry)
        && entry.Status == DeviceAuthorizationStatus.Pending && entry.ExpiresAt > _clock.GetUtcNow()
            ? entry
            : null;

    /// <summary>Approves or declines a pending code (the first completion wins).</summary>
    public async Task CompleteAsync(string userCode, Func<DeviceAuthorization, DeviceAuthorization> change)
    {
        if (FindPending(userCode) is not { } entry) return;
        var completed = change(entry);
        if (await MoveAsync(entry.DeviceCode, DeviceAuthorizationStatus.Pending, completed)) _byDevice.TryUpdate(entry.DeviceCode, completed, entry);
    }

    /// <summary>
    /// Records a poll and returns the request as it was before it (an approved one is redeemed by this poll, once); null for an
    /// unknown device code.
    /// </summary>
    public async Task<DeviceAuthorization?> PollAsync(string deviceCode)
    {
        var hash = Hash(deviceCode);
        while (_byDevice.TryGetValue(hash, out var entry))
        {
            var polled = entry with
            {
                LastPoll = _clock.GetUtcNow(),
                Status = entry.Status == DeviceAuthorizationStatus.Approved ? DeviceAuthorizationStatus.Redeemed : entry.Status,
            };
            if (entry.Status == DeviceAuthorizationStatus.Approved)
            {
                if (!await MoveAsync(hash, DeviceAuthorizationStatus.Approved, polled)) return entry with { Status = DeviceAuthorizationStatus.Redeemed };
                _byDevice[hash] = polled;
                return entry;
            }
            if (_byDevice.TryUpdate(hash, polled, entry)) return entry;
        }
        return null;
    }

    // One step forward, only from the status it expects: the database decides between two at once.
    private Task<bool> MoveAsync(string hash, DeviceAuthorizationStatus from, DeviceAuthorization to)
    {
        var json = JsonSerializer.Serialize(to with { LastPoll = null }, DirectoryJson.Options);
        return _store.WriteAsync(async db => await db.DeviceAuthorizations.Where(d => d.DeviceCodeHash == hash && d.Status == from.ToString())
            .ExecuteUpdateAsync(d => d.SetProperty(r => r.Status, to.Status.ToString()).SetProperty(r => r.Json, json)) == 1);
    }

    private static string Hash(string value) => B64.EncodeToString(SHA256.HashData(Encoding.UTF8.GetBytes(value)));
}

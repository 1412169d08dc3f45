using System.Collections.Concurrent;
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
/// Pending device-code sign-ins, in memory for their fifteen minutes. Each holds only checked, bounded data (a known client and
/// tenant, a scope within its limit), and there are at most <see cref="Capacity"/>, so requests nobody completes cannot pin memory.
/// </summary>
public sealed class DeviceAuthorizations(TimeProvider clock)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(15);
    public const int Interval = 5;
    /// <summary>More than any test run starts in fifteen minutes; past it, the oldest request makes room.</summary>
    public const int Capacity = 1000;
    // Entra's user codes: nine characters, upper-case letters and digits (ambiguous ones left out).
    private const string Alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    private readonly ConcurrentDictionary<string, DeviceAuthorization> _byDevice = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string> _deviceByUser = new(StringComparer.OrdinalIgnoreCase);

    public DeviceAuthorization Create(Guid clientId, string tenant, string scope)
    {
        var now = clock.GetUtcNow();
        foreach (var (key, entry) in _byDevice)
            if (entry.ExpiresAt < now - Lifetime) Remove(key);
        while (_byDevice.Count >= Capacity && _byDevice.Values.MinBy(e => e.ExpiresAt) is { } oldest) Remove(oldest.DeviceCode);
        string userCode;
        do userCode = RandomNumberGenerator.GetString(Alphabet, 9);
        while (_deviceByUser.ContainsKey(userCode));
        var authorization = new DeviceAuthorization
        {
            DeviceCode = "DAQABAAEAAA" + B64.EncodeToString(RandomNumberGenerator.GetBytes(48)),
            UserCode = userCode,
            ClientId = clientId,
            Tenant = tenant,
            Scope = scope,
            ExpiresAt = now + Lifetime,
        };
        _byDevice[authorization.DeviceCode] = authorization;
        _deviceByUser[userCode] = authorization.DeviceCode;
        return authorization;
    }

    private void Remove(string deviceCode)
    {
        if (_byDevice.TryRemove(deviceCode, out var entry)) _deviceByUser.TryRemove(entry.UserCode, out _);
    }

    /// <summary>A code a person may still approve.</summary>
    public DeviceAuthorization? FindPending(string userCode) =>
        _deviceByUser.TryGetValue(userCode.Trim(), out var deviceCode) && _byDevice.TryGetValue(deviceCode, out var entry)
        && entry.Status == DeviceAuthorizationStatus.Pending && entry.ExpiresAt > clock.GetUtcNow()
            ? entry
            : null;

    public void Complete(string userCode, Func<DeviceAuthorization, DeviceAuthorization> change)
    {
        if (FindPending(userCode) is { } entry) _byDevice.TryUpdate(entry.DeviceCode, change(entry), entry);
    }

    /// <summary>Records a poll and returns the request as it was before it; null for an unknown device code.</summary>
    public DeviceAuthorization? Poll(string deviceCode)
    {
        while (_byDevice.TryGetValue(deviceCode, out var entry))
        {
            var polled = entry with
            {
                LastPoll = clock.GetUtcNow(),
                Status = entry.Status == DeviceAuthorizationStatus.Approved ? DeviceAuthorizationStatus.Redeemed : entry.Status,
            };
            if (_byDevice.TryUpdate(deviceCode, polled, entry)) return entry;
        }
        return null;
    }
}

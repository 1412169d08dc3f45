using System.Collections.Immutable;

namespace FakeEntra.Core.Security;

/// <summary>
/// The failed attempts of one account from one source, counted as smart lockout counts them: a bad password among the last
/// three is not counted again; reaching the threshold locks; after a lockout ends the count stays, so the next failure locks
/// again, for longer. A success forgets the counter (the caller drops it).
/// </summary>
public sealed record LockoutCounter
{
    private const int RememberedBadPasswords = 3;

    public static readonly LockoutCounter None = new();

    public int Failures { get; init; }
    public int Lockouts { get; init; }
    public DateTimeOffset LockedUntil { get; init; }
    public DateTimeOffset LastFailure { get; init; }
    /// <summary>Hashes of the last bad passwords, newest first.</summary>
    public ImmutableArray<UInt128> RecentBadPasswords { get; init; } = [];

    public bool IsLocked(DateTimeOffset now) => now < LockedUntil;

    public bool IsForgotten(DateTimeOffset now) => now - LastActivity >= SmartLockoutPolicy.Memory;

    public DateTimeOffset LastActivity => LockedUntil > LastFailure ? LockedUntil : LastFailure;

    /// <summary>The counter after a failure (none is counted while locked); <paramref name="badPassword"/> is null for a one-time code.</summary>
    public LockoutCounter Failed(DateTimeOffset now, SmartLockoutPolicy policy, UInt128? badPassword = null)
    {
        if (IsLocked(now)) return this;
        var recent = RecentBadPasswords;
        if (badPassword is { } hash)
        {
            if (recent.Contains(hash)) return this;
            recent = [hash, .. recent.Take(RememberedBadPasswords - 1)];
        }
        var failures = Failures + 1;
        var next = this with { Failures = failures, LastFailure = now, RecentBadPasswords = recent };
        return failures < policy.Threshold ? next : next with { Lockouts = Lockouts + 1, LockedUntil = now + policy.LockoutLength(Lockouts + 1) };
    }
}

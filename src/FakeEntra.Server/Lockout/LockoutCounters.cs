using System.Collections.Concurrent;
using FakeEntra.Core.Security;

namespace FakeEntra.Server.Lockout;

/// <summary>
/// Smart lockout's counters, in memory and bounded: only failures add one, a success removes its own, counters idle for a
/// day are forgotten, and when <c>capacity</c> is reached the least recently active tenth makes room, so spraying names or
/// addresses cannot grow it without bound. Every change is one compare-and-swap, so concurrent attempts are counted exactly.
/// </summary>
public sealed class LockoutCounters(int capacity)
{
    private readonly ConcurrentDictionary<LockoutKey, LockoutCounter> _counters = new();
    private readonly Lock _room = new();
    private int _count;

    public int Count => Volatile.Read(ref _count);

    public bool IsLocked(LockoutKey key, DateTimeOffset now) => _counters.TryGetValue(key, out var counter) && counter.IsLocked(now);

    /// <summary>A success: refused (false) if a lockout began meanwhile, else the counter is reset.</summary>
    public bool Succeeded(LockoutKey key, DateTimeOffset now)
    {
        if (!_counters.TryGetValue(key, out var counter)) return true;
        if (counter.IsLocked(now)) return false;
        Remove(key, counter);
        return true;
    }

    /// <summary>Counts a failure; false when the account was locked by the time it was counted (the attempt then counts for nothing).</summary>
    public bool Failed(LockoutKey key, DateTimeOffset now, SmartLockoutPolicy policy, UInt128? badPassword)
    {
        while (true)
        {
            if (_counters.TryGetValue(key, out var current))
            {
                if (current.IsLocked(now)) return false;
                var next = (current.IsForgotten(now) ? LockoutCounter.None : current).Failed(now, policy, badPassword);
                if (ReferenceEquals(next, current) || _counters.TryUpdate(key, next, current)) return true;
                continue;
            }
            MakeRoom(now);
            if (!_counters.TryAdd(key, LockoutCounter.None.Failed(now, policy, badPassword))) continue;
            Interlocked.Increment(ref _count);
            return true;
        }
    }

    private void Remove(LockoutKey key, LockoutCounter counter)
    {
        if (_counters.TryRemove(new KeyValuePair<LockoutKey, LockoutCounter>(key, counter))) Interlocked.Decrement(ref _count);
    }

    private void MakeRoom(DateTimeOffset now)
    {
        if (Count < capacity || !_room.TryEnter()) return;
        try
        {
            foreach (var (key, counter) in _counters)
                if (counter.IsForgotten(now)) Remove(key, counter);
            var excess = Count - capacity + Math.Max(1, capacity / 10);
            if (excess <= 0) return;
            foreach (var (key, counter) in _counters.OrderBy(p => p.Value.LastActivity).Take(excess).ToList()) Remove(key, counter);
        }
        finally
        {
            _room.Exit();
        }
    }
}

using System.Net;
using FakeEntra.Core.Security;
using FakeEntra.Server.Lockout;

namespace FakeEntra.Server.Tests;

/// <summary>Smart lockout's memory is bounded: spraying accounts or addresses cannot grow it past its capacity.</summary>
public class LockoutCountersTests
{
    private static readonly DateTimeOffset T0 = new(2026, 1, 1, 12, 0, 0, TimeSpan.Zero);
    private static readonly SmartLockoutPolicy LockAtOnce = new(1, TimeSpan.FromMinutes(5));

    private static LockoutKey Key(int n) => LockoutKey.For(Guid.NewGuid(), IPAddress.Parse($"10.0.{n / 256 % 256}.{n % 256}"), LockoutKind.Password);

    [Fact]
    public void A_spray_keeps_the_most_recent_counters_within_capacity()
    {
        var counters = new LockoutCounters(capacity: 100);
        var keys = Enumerable.Range(0, 1000).Select(Key).ToList();
        for (var i = 0; i < keys.Count; i++) counters.Failed(keys[i], T0.AddMilliseconds(i), LockAtOnce, badPassword: null);

        Assert.InRange(counters.Count, 1, 100);
        Assert.True(counters.IsLocked(keys[^1], T0.AddSeconds(1)));
        Assert.False(counters.IsLocked(keys[0], T0.AddSeconds(1)));
    }

    [Fact]
    public void Counters_idle_for_a_day_make_room_first()
    {
        var counters = new LockoutCounters(capacity: 10);
        var old = Enumerable.Range(0, 10).Select(Key).ToList();
        foreach (var key in old) counters.Failed(key, T0, LockAtOnce, badPassword: null);
        var recent = Key(99);
        counters.Failed(recent, T0.AddDays(2), LockAtOnce, badPassword: null);

        Assert.Equal(1, counters.Count);
        Assert.True(counters.IsLocked(recent, T0.AddDays(2)));
    }

    [Fact]
    public void Addresses_of_one_ipv6_network_are_one_source_and_ipv4_addresses_are_each_their_own()
    {
        var user = Guid.NewGuid();
        Assert.Equal(LockoutKey.For(user, IPAddress.Parse("2001:db8:1:2::10"), LockoutKind.Password), LockoutKey.For(user, IPAddress.Parse("2001:db8:1:2:ffff::1"), LockoutKind.Password));
        Assert.NotEqual(LockoutKey.For(user, IPAddress.Parse("2001:db8:1:2::10"), LockoutKind.Password), LockoutKey.For(user, IPAddress.Parse("2001:db8:1:3::10"), LockoutKind.Password));
        Assert.NotEqual(LockoutKey.For(user, IPAddress.Parse("127.0.0.2"), LockoutKind.Password), LockoutKey.For(user, IPAddress.Parse("127.0.0.3"), LockoutKind.Password));
        Assert.Equal(LockoutKey.For(user, IPAddress.Parse("127.0.0.2"), LockoutKind.Password), LockoutKey.For(user, IPAddress.Parse("::ffff:127.0.0.2"), LockoutKind.Password));
        Assert.NotEqual(LockoutKey.For(user, IPAddress.Loopback, LockoutKind.Password), LockoutKey.For(user, IPAddress.Loopback, LockoutKind.OneTimeCode));
    }
}

using FakeEntra.Core.Security;

namespace FakeEntra.Core.Tests;

/// <summary>Smart lockout's counting: Entra's threshold and duration, repeated bad passwords, longer lockouts in a row.</summary>
public class SmartLockoutTests
{
    private static readonly DateTimeOffset T0 = new(2026, 1, 1, 12, 0, 0, TimeSpan.Zero);
    private static readonly SmartLockoutPolicy Entra = SmartLockoutPolicy.EntraDefault;

    private static LockoutCounter Fail(LockoutCounter counter, int times, DateTimeOffset now, Func<int, UInt128?>? password = null)
    {
        for (var i = 0; i < times; i++) counter = counter.Failed(now, Entra, password?.Invoke(i) ?? (UInt128)(1000 + counter.Failures));
        return counter;
    }

    [Fact]
    public void Entras_defaults_are_ten_failures_and_a_minute()
    {
        Assert.Equal(new SmartLockoutPolicy(10, TimeSpan.FromSeconds(60)), Entra);
        var nine = Fail(LockoutCounter.None, 9, T0);
        Assert.False(nine.IsLocked(T0));
        var ten = Fail(nine, 1, T0);
        Assert.True(ten.IsLocked(T0.AddSeconds(59)));
        Assert.False(ten.IsLocked(T0.AddSeconds(60)));
    }

    [Fact]
    public void After_a_lockout_the_next_failure_locks_again_for_longer()
    {
        var locked = Fail(LockoutCounter.None, 10, T0);
        var again = locked.Failed(T0.AddSeconds(60), Entra, 7);
        Assert.Equal(2, again.Lockouts);
        Assert.Equal(T0.AddSeconds(60 + 120), again.LockedUntil);
    }

    [Fact]
    public void Lockouts_double_up_to_an_hour_unless_the_duration_is_longer()
    {
        Assert.Equal([60, 120, 240, 480, 960, 1920, 3600, 3600], Enumerable.Range(1, 8).Select(n => Entra.LockoutLength(n).TotalSeconds));
        var twoHours = new SmartLockoutPolicy(10, TimeSpan.FromHours(2));
        Assert.Equal(TimeSpan.FromHours(2), twoHours.LockoutLength(5));
    }

    [Fact]
    public void Nothing_counts_while_locked()
    {
        var locked = Fail(LockoutCounter.None, 10, T0);
        Assert.Same(locked, locked.Failed(T0.AddSeconds(30), Entra, 99));
        Assert.Same(locked, locked.Failed(T0.AddSeconds(30), Entra));
    }

    [Fact]
    public void The_last_three_bad_passwords_are_not_counted_again_but_an_older_one_is()
    {
        var three = Fail(LockoutCounter.None, 30, T0, i => (UInt128)(i % 3));
        Assert.Equal(3, three.Failures);
        var fourth = three.Failed(T0, Entra, 3);
        Assert.Equal(4, fourth.Failures);
        Assert.Equal(5, fourth.Failed(T0, Entra, 0).Failures);
        Assert.Equal(4, fourth.Failed(T0, Entra, 1).Failures);
    }

    [Fact]
    public void One_time_codes_count_every_time()
    {
        var counter = LockoutCounter.None;
        for (var i = 0; i < 10; i++) counter = counter.Failed(T0, Entra);
        Assert.True(counter.IsLocked(T0));
    }

    [Fact]
    public void A_counter_idle_for_a_day_after_its_lockout_is_forgotten()
    {
        var locked = Fail(LockoutCounter.None, 10, T0);
        Assert.False(locked.IsForgotten(T0.AddDays(1)));
        Assert.True(locked.IsForgotten(T0.AddDays(1).AddSeconds(60)));
    }
}

namespace FakeEntra.Testing;

/// <summary>
/// The clock the server mints, expires and ages everything by: real time plus an offset a test moves (token expiry,
/// code lifetime, refresh token inactivity). Give it to the API under test too, so both sides agree on "now".
/// </summary>
public sealed class FakeEntraClock : TimeProvider
{
    private long _offsetTicks;

    /// <summary>How far the clock is from real time.</summary>
    public TimeSpan Offset => TimeSpan.FromTicks(Interlocked.Read(ref _offsetTicks));

    /// <summary>Moves the clock (backwards with a negative span).</summary>
    public void Advance(TimeSpan by) => Interlocked.Add(ref _offsetTicks, by.Ticks);

    /// <summary>Back to real time.</summary>
    public void Reset() => Interlocked.Exchange(ref _offsetTicks, 0);

    public override DateTimeOffset GetUtcNow() => base.GetUtcNow() + Offset;
}

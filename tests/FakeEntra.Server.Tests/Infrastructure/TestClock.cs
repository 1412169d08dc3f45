namespace FakeEntra.Server.Tests.Infrastructure;

/// <summary>The server's clock, movable by tests (to mint expired tokens or age refresh tokens).</summary>
public sealed class TestClock : TimeProvider
{
    public TimeSpan Offset { get; set; }

    public override DateTimeOffset GetUtcNow() => base.GetUtcNow() + Offset;
}

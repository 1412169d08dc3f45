namespace FakeEntra.Core.Security;

/// <summary>
/// Smart lockout's settings. Entra locks after 10 failed sign-ins (its default), for 60 seconds at first, and longer after each
/// further lockout without saying by how much: FakeEntra doubles the length each time, up to an hour (or the duration, if longer).
/// </summary>
public sealed record SmartLockoutPolicy(int Threshold, TimeSpan Duration)
{
    public static readonly SmartLockoutPolicy EntraDefault = new(10, TimeSpan.FromSeconds(60));

    /// <summary>A counter without a failure or lockout for this long is forgotten.</summary>
    public static readonly TimeSpan Memory = TimeSpan.FromDays(1);

    private static readonly TimeSpan LongestEscalation = TimeSpan.FromHours(1);

    /// <summary>How long the <paramref name="lockout"/>-th lockout in a row lasts (1 = the first).</summary>
    public TimeSpan LockoutLength(int lockout)
    {
        var longest = Duration > LongestEscalation ? Duration : LongestEscalation;
        var length = Duration;
        for (var i = 1; i < lockout && length < longest; i++) length *= 2;
        return length < longest ? length : longest;
    }
}

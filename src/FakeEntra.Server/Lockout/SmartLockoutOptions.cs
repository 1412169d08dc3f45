using FakeEntra.Core.Security;

namespace FakeEntra.Server.Lockout;

/// <summary>
/// <c>FakeEntra:Lockout</c>: smart lockout of passwords and one-time codes, on by default with Entra's defaults. Scripts that
/// try wrong passwords on purpose can turn it off (<c>--lockout false</c>).
/// </summary>
public sealed class SmartLockoutOptions
{
    public bool Enabled { get; set; } = true;
    /// <summary>Failed attempts before the first lockout.</summary>
    public int Threshold { get; set; } = SmartLockoutPolicy.EntraDefault.Threshold;
    /// <summary>Length of the first lockout; each further one in a row is longer.</summary>
    public int DurationSeconds { get; set; } = (int)SmartLockoutPolicy.EntraDefault.Duration.TotalSeconds;

    public SmartLockoutPolicy Policy => new(Math.Max(1, Threshold), TimeSpan.FromSeconds(Math.Max(1, DurationSeconds)));
}

using FakeEntra.Server.Lockout;

namespace FakeEntra.Server.Hosting;

/// <summary>The <c>FakeEntra</c> configuration section (also settable by command-line switches and FAKEENTRA__* variables).</summary>
public sealed class FakeEntraOptions
{
    public const string Section = "FakeEntra";

    /// <summary>Where the SQLite file, keys and the generated HTTPS certificate live.</summary>
    public string DataDirectory { get; set; } = DefaultDataDirectory();
    /// <summary>A PostgreSQL database (<c>postgres://user:password@host:port/database</c>) instead of the SQLite file in the data directory.</summary>
    public string? Database { get; set; }
    /// <summary>A scenario file to seed from instead of the built-in default world.</summary>
    public string? Scenario { get; set; }
    /// <summary>Re-seed the directory from the scenario, discarding what changed since.</summary>
    public bool Reset { get; set; }
    /// <summary>The public origin tokens and metadata name, e.g. <c>https://fakeentra:5443</c>; default: the first HTTPS address bound.</summary>
    public string? Origin { get; set; }
    /// <summary>A PFX (or PEM certificate with <see cref="CertificateKeyPath"/>) for HTTPS; default: one generated in the data directory.</summary>
    public string? CertificatePath { get; set; }
    public string? CertificateKeyPath { get; set; }
    public string? CertificatePassword { get; set; }
    /// <summary>Smart lockout (<c>FakeEntra:Lockout:Enabled</c>, <c>Threshold</c>, <c>DurationSeconds</c>).</summary>
    public SmartLockoutOptions Lockout { get; set; } = new();

    public static string DefaultDataDirectory() =>
        Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.Create), "FakeEntra");
}

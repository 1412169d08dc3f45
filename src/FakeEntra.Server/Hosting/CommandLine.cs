using System.Text;

namespace FakeEntra.Server.Hosting;

/// <summary>
/// FakeEntra's switches: each maps onto a configuration key and explains itself in <c>--help</c>, from this one list.
/// <c>--reset</c> and <c>--verbose</c> may stand alone.
/// </summary>
public static class CommandLine
{
    public const string HelpSwitch = "--help";

    private sealed record Switch(string Name, string Value, string? Key, string Description);

    private static readonly Switch[] Switches =
    [
        new("--data-dir", "PATH", "FakeEntra:DataDirectory", $"state file, keys and the local CA (default {FakeEntraOptions.DefaultDataDirectory()})"),
        new("--database", "URL", "FakeEntra:Database", "postgres://user:password@host:port/database: PostgreSQL, shareable by several FakeEntra processes (default: SQLite in the data directory)"),
        new("--scenario", "PATH", "FakeEntra:Scenario", "a scenario file seeding an empty data directory (default: the built-in world)"),
        new("--reset", "", "FakeEntra:Reset", "re-seed from the scenario, discarding changes (signing keys are kept)"),
        new("--origin", "URL", "FakeEntra:Origin", "the public origin tokens name, e.g. https://fakeentra:5443 (default: first HTTPS address)"),
        new("--urls", "URLS", null, $"addresses to listen on (default {FakeEntraHost.DefaultUrl})"),
        new("--certificate", "PFX", "FakeEntra:CertificatePath", "an HTTPS certificate (+ FakeEntra__CertificatePassword, or FakeEntra__CertificateKeyPath for PEM)"),
        new("--lockout", "true|false", "FakeEntra:Lockout:Enabled", "smart lockout of passwords and one-time codes, AADSTS50053 (default true)"),
        new("--lockout-threshold", "N", "FakeEntra:Lockout:Threshold", "failed attempts from one source before a lockout (default 10)"),
        new("--lockout-duration", "SECONDS", "FakeEntra:Lockout:DurationSeconds", "the first lockout; each further one doubles, up to an hour (default 60)"),
        new("--verbose", "", ConsoleLogging.VerboseKey, "ASP.NET Core's request logs on the console too"),
        new(HealthProbe.Switch, "[URL]", null, "exit 0 when a running FakeEntra answers /healthz, else 1 (for container health checks)"),
        new(HelpSwitch, "", null, "this text"),
    ];

    public static readonly Dictionary<string, string> SwitchMappings =
        Switches.Where(s => s.Key is not null).ToDictionary(s => s.Name, s => s.Key!, StringComparer.OrdinalIgnoreCase);

    private static readonly string[] Flags = ["--reset", "--verbose"];

    public static bool AsksForHelp(string[] args) => args.Any(a => a is HelpSwitch or "-h" or "-?");

    public static string Help()
    {
        var text = new StringBuilder();
        text.AppendLine("FakeEntra: a local Microsoft Entra ID (multi-tenant OpenID Connect provider and Graph-shaped admin API).");
        text.AppendLine();
        text.AppendLine("Usage: fakeentra [options]");
        text.AppendLine();
        text.AppendLine("Options:");
        foreach (var s in Switches)
            text.AppendLine($"  {$"{s.Name} {s.Value}".TrimEnd(),-32} {s.Description}");
        text.AppendLine();
        text.AppendLine("Every setting is also configuration: the FakeEntra section of appsettings.json, or variables such as");
        text.AppendLine("FakeEntra__DataDirectory; the usual Logging settings choose what the console shows.");
        return text.ToString();
    }

    public static string[] Normalize(string[] args)
    {
        var result = new List<string>(args.Length + 1);
        for (var i = 0; i < args.Length; i++)
        {
            var flagWithoutValue = Flags.Contains(args[i], StringComparer.OrdinalIgnoreCase)
                                   && (i + 1 == args.Length || args[i + 1].StartsWith('-') || !bool.TryParse(args[i + 1], out _));
            result.Add(flagWithoutValue ? $"{args[i]}=true" : args[i]);
        }
        return [.. result];
    }
}

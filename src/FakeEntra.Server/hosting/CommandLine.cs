namespace FakeEntra.Server.Hosting;

/// <summary>Maps FakeEntra's switches onto configuration keys; <c>--reset</c> and <c>--verbose</c> may stand alone.</summary>
public static class CommandLine
{
    public static readonly Dictionary<string, string> SwitchMappings = new(StringComparer.OrdinalIgnoreCase)
    {
        ["--scenario"] = "FakeEntra:Scenario",
        ["--data-dir"] = "FakeEntra:DataDirectory",
        ["--origin"] = "FakeEntra:Origin",
        ["--reset"] = "FakeEntra:Reset",
        ["--certificate"] = "FakeEntra:CertificatePath",
        ["--lockout"] = "FakeEntra:Lockout:Enabled",
        ["--lockout-threshold"] = "FakeEntra:Lockout:Threshold",
        ["--lockout-duration"] = "FakeEntra:Lockout:DurationSeconds",
        ["--verbose"] = ConsoleLogging.VerboseKey,
    };

    private static readonly string[] Flags = ["--reset", "--verbose"];

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

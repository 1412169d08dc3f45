using Microsoft.Extensions.Configuration.Memory;
using Microsoft.Extensions.Logging.Console;

namespace FakeEntra.Server.Hosting;

/// <summary>
/// The console shows FakeEntra's own lines (the start-up summary, one line per sign-in decision), not the framework's request
/// logs: those categories default to Warning. They are the lowest configuration source, so the usual <c>Logging</c> settings
/// (appsettings, <c>Logging__LogLevel__…</c> variables, switches) override them, and <c>--verbose</c> leaves them out.
/// </summary>
public static class ConsoleLogging
{
    public const string VerboseKey = "FakeEntra:Verbose";
    private const string TimestampFormat = "HH:mm:ss ";

    private static readonly Dictionary<string, string?> Defaults = new()
    {
        ["Logging:LogLevel:Microsoft"] = "Warning",
        ["Logging:LogLevel:System"] = "Warning",
        // Unencrypted data-protection keys in a local data directory are this tool's design, not something to act on.
        ["Logging:LogLevel:Microsoft.AspNetCore.DataProtection"] = "Error",
        ["Logging:Console:FormatterName"] = "simple",
        ["Logging:Console:FormatterOptions:SingleLine"] = "true",
        ["Logging:Console:FormatterOptions:TimestampFormat"] = TimestampFormat,
    };

    /// <summary>The same one-line format for the logger used before the host is built.</summary>
    public static void Format(Microsoft.Extensions.Logging.Console.SimpleConsoleFormatterOptions options)
    {
        options.SingleLine = true;
        options.TimestampFormat = TimestampFormat;
    }

    /// <summary>Swaps the framework's console logger for <see cref="BatchedConsoleLoggerProvider"/>, keeping its formatters and options.</summary>
    public static void Batch(ILoggingBuilder logging)
    {
        foreach (var provider in logging.Services.Where(s => s.ServiceType == typeof(ILoggerProvider) && s.ImplementationType == typeof(ConsoleLoggerProvider)).ToList())
            logging.Services.Remove(provider);
        logging.Services.AddSingleton<ILoggerProvider, BatchedConsoleLoggerProvider>();
    }

    public static void ApplyDefaults(IConfigurationBuilder configuration, bool verbose)
    {
        var defaults = verbose ? Defaults.Where(d => !d.Key.StartsWith("Logging:LogLevel:", StringComparison.Ordinal)) : Defaults;
        configuration.Sources.Insert(0, new MemoryConfigurationSource { InitialData = defaults });
    }
}

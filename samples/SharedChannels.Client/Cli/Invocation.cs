namespace SharedChannels.Client.Cli;

/// <summary>A parsed command line: the command, its positional arguments and the options given.</summary>
public sealed class Invocation
{
    private readonly Dictionary<string, string?> _options;

    private Invocation(string? command, IReadOnlyList<string> arguments, Dictionary<string, string?> options)
    {
        Command = command;
        Arguments = arguments;
        _options = options;
    }

    public string? Command { get; }

    public IReadOnlyList<string> Arguments { get; }

    public bool Has(string option) => _options.ContainsKey(option);

    public string? Value(string option) => _options.GetValueOrDefault(option);

    public static Invocation Parse(IReadOnlyList<string> args)
    {
        var options = new Dictionary<string, string?>(StringComparer.Ordinal);
        var positional = new List<string>();
        var onlyArguments = false;
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (onlyArguments || !arg.StartsWith("--", StringComparison.Ordinal))
            {
                positional.Add(arg);
                continue;
            }
            // After "--" everything is an argument, so a message may start with dashes.
            if (arg == "--")
            {
                onlyArguments = true;
                continue;
            }
            var (name, inline) = arg.IndexOf('=') is var eq and > 0 ? (arg[..eq], arg[(eq + 1)..]) : (arg, null);
            var spec = Catalog.Options.FirstOrDefault(o => o.Name == name) ?? throw new UsageException($"unknown option {name}");
            if (options.ContainsKey(name)) throw new UsageException($"{name} is given twice");
            if (spec.Value is null)
            {
                if (inline is not null) throw new UsageException($"{name} takes no value");
                options[name] = null;
                continue;
            }
            var value = inline ?? (i + 1 < args.Count ? args[++i] : throw new UsageException($"{name} needs a value ({spec.Value})"));
            options[name] = value;
        }
        if (options.ContainsKey("--help")) return new Invocation(null, [], options);
        if (positional.Count == 0) throw new UsageException("no command given");
        var command = Catalog.Commands.FirstOrDefault(c => c.Name == positional[0]) ?? throw new UsageException($"unknown command {positional[0]}");
        var arguments = positional.Skip(1).ToList();
        var names = command.Arguments.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var required = names.Count(n => !n.StartsWith('['));
        if (arguments.Count < required || arguments.Count > names.Length)
            throw new UsageException($"{command.Name} takes {(command.Arguments.Length == 0 ? "no arguments" : command.Arguments)}");
        return new Invocation(command.Name, arguments, options);
    }
}

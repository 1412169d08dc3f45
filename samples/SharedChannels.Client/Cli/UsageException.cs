namespace SharedChannels.Client.Cli;

/// <summary>The command line is wrong: said in one line, exit code 2.</summary>
public sealed class UsageException(string message) : Exception(message);

namespace SharedChannels.Client;

/// <summary>Something the user should read, already worded (a refusal, an unreachable server): printed without a stack trace, exit code 1.</summary>
public sealed class ClientFailure(string message) : Exception(message);

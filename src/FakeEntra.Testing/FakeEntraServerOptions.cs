using FakeEntra.Testing.World;
using Microsoft.Extensions.Logging;

namespace FakeEntra.Testing;

/// <summary>How <see cref="FakeEntraServer.StartAsync"/> starts FakeEntra: which world, and the switches a test wants.</summary>
public sealed record FakeEntraServerOptions
{
    /// <summary>A world built in C#; null (and no <see cref="ScenarioPath"/>) starts the built-in default world.</summary>
    public FakeEntraWorld? World { get; init; }

    /// <summary>A scenario file, as <c>--scenario</c> takes it.</summary>
    public string? ScenarioPath { get; init; }

    /// <summary>Smart lockout (AADSTS50053), on as in the product; turn it off for tests that try wrong passwords on purpose.</summary>
    public bool Lockout { get; init; } = true;

    /// <summary>More command-line switches of the server, e.g. <c>--lockout-threshold 3</c>.</summary>
    public IReadOnlyList<string> Arguments { get; init; } = [];

    /// <summary>The server's log level; warnings and errors by default, so test output stays readable.</summary>
    public LogLevel LogLevel { get; init; } = LogLevel.Warning;
}

namespace FakeEntra.Core.Scenarios;

/// <summary>A scenario that cannot be loaded: which file, where in it (a JSON path) and what is wrong.</summary>
public sealed class ScenarioException(string source, string jsonPath, string problem)
    : Exception($"Scenario '{source}' is invalid at {jsonPath}: {problem}")
{
    public string ScenarioSource { get; } = source;
    public string JsonPath { get; } = jsonPath;
    public string Problem { get; } = problem;
}

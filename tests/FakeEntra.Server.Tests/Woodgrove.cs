using FakeEntra.Server.Tests.Infrastructure;

namespace FakeEntra.Server.Tests;

/// <summary>Ids of the interactive-flow scenario (scenarios/interactive.json).</summary>
public static class Woodgrove
{
    public const string Tenant = "b0000000-0000-4000-8000-000000000001";
    public const string Domain = "woodgrove.example";
    public const string Ada = "b0000000-0000-4000-8000-0000000000a1";
    public const string Password = "Woodgrove~1";
    public const string Web = "b0000000-0000-4000-8000-0000000000c1";
    public const string WebSecret = "Web~Secret~1";
    public const string Desktop = "b0000000-0000-4000-8000-0000000000c2";
    public const string Middle = "b0000000-0000-4000-8000-0000000000c3";
    public const string MiddleSecret = "Middle~Secret~1";
    public const string Backend = "b0000000-0000-4000-8000-0000000000c4";
    public const string WebRedirect = "http://127.0.0.1/signin-oidc";
}

/// <summary>A server on the Woodgrove scenario, per test class.</summary>
public sealed class WoodgroveServer : IAsyncLifetime
{
    public FakeEntraServer Server { get; } = new() { Scenario = Path.Combine(AppContext.BaseDirectory, "scenarios", "interactive.json") };
    public Task InitializeAsync() => Server.InitializeAsync();
    public Task DisposeAsync() => Server.DisposeAsync();
}

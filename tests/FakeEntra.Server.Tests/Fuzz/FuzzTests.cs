using System.Diagnostics;
using FakeEntra.Server.Tests.Infrastructure;
using Xunit.Abstractions;

namespace FakeEntra.Server.Tests.Fuzz;

/// <summary>
/// The seeded fuzz run: ten thousand generated hostile requests across every endpoint, against a server of its own (its own
/// data directory, so what the requests change touches no other test). Any 5xx, any request left without an answer and any
/// error in the server's log fails it; the seed in the output and in the failure replays the same requests.
/// </summary>
[Trait("Category", "Fuzz")]
public sealed class FuzzTests(ITestOutputHelper output)
{
    private const int Count = 10_000;
    private const int Parallelism = 6;
    private static readonly TimeSpan PerRequest = TimeSpan.FromSeconds(20);
    private static readonly TimeSpan Budget = TimeSpan.FromMinutes(4);

    [Fact]
    public async Task Hostile_requests_to_every_endpoint_get_no_5xx_and_log_no_error()
    {
        var seed = FuzzSeed.Choose();
        output.WriteLine($"Fuzz seed {seed}; replay with {FuzzSeed.Variable}={seed}");
        var log = new ServerErrorLog();
        var server = new FakeEntraServer { Configure = log.AddTo };
        await server.InitializeAsync();
        try
        {
            var clock = Stopwatch.StartNew();
            var artifacts = await FuzzArtifacts.HarvestAsync(server);
            output.WriteLine($"Credentials harvested in {clock.Elapsed.TotalSeconds:0.0} s; sign-in page states: {string.Join(", ", artifacts.SignInPages.Select(p => p.Step))}");
            clock.Restart();
            var outcomes = await FuzzRunner.RunAsync(server, FuzzPlan.Generate(seed, Count, FuzzPlan.Families(artifacts)), Parallelism, PerRequest, Budget);
            var report = new FuzzReport(seed, outcomes, log.Errors);
            output.WriteLine(report.Details(clock.Elapsed));
            output.WriteLine($"CPU time of the test process (server and client): {Process.GetCurrentProcess().TotalProcessorTime.TotalSeconds:0.0} s");
            Assert.False(report.Failed, report.Failure());
        }
        finally
        {
            await server.DisposeAsync();
        }
    }
}

using System.Net;
using SharedChannels.Tests.Infrastructure;
using WireMock.Matchers;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace SharedChannels.Tests;

/// <summary>
/// The API's directory calls (Contoso's users, the external user lookup) against WireMock standing in for FakeEntra's Graph:
/// a timeout, a 5xx or a malformed answer gives the owner a clear 502/504 problem, and nothing is added or audited.
/// Tokens still come from the real FakeEntra.
/// </summary>
public sealed class DirectoryFailureTests(DirectoryFailureTests.Servers servers) : IClassFixture<DirectoryFailureTests.Servers>, IAsyncLifetime
{
    /// <summary>FakeEntra, WireMock as Contoso's Graph, and the API pointed at WireMock for its directory calls.</summary>
    public sealed class Servers : IAsyncLifetime
    {
        public SharedChannelsHost Host { get; private set; } = null!;
        public WireMockServer Graph { get; private set; } = null!;

        public async Task InitializeAsync()
        {
            Host = await SharedChannelsHost.StartAsync();
            Graph = TrustedWireMock.Start(Host.Idp);
            await Host.StartApiAsync(new Dictionary<string, string?> { ["Directory:GraphBaseUrl"] = Graph.Origin(), ["Directory:Timeout"] = "00:00:03" });
        }

        public async Task DisposeAsync()
        {
            Graph.Stop();
            Graph.Dispose();
            await Host.DisposeAsync();
        }
    }

    private SharedChannelsHost Host => servers.Host;
    private WireMockServer Graph => servers.Graph;

    /// <summary>Contoso's own directory knows nobody by these addresses; each test then breaks one call.</summary>
    public Task InitializeAsync()
    {
        Graph.Reset();
        Graph.Given(Request.Create().WithPath(new WildcardMatcher("/v1.0/users/*")).UsingGet()).AtPriority(10)
            .RespondWith(Response.Create().WithStatusCode(404).WithBodyAsJson(new { error = new { code = "Request_ResourceNotFound", message = "not found" } }));
        Graph.Given(Request.Create().WithPath("/v1.0/users").UsingGet()).AtPriority(10)
            .RespondWith(Response.Create().WithStatusCode(200).WithBodyAsJson(new { value = Array.Empty<object>() }));
        return Task.CompletedTask;
    }

    public Task DisposeAsync() => Task.CompletedTask;

    public static TheoryData<string, int, string> Failures => new()
    {
        { "5xx", 502, "answered 503" },
        { "timeout", 504, "did not answer within 3 s" },
        { "not json", 502, "not the expected JSON" },
        { "no ids", 502, "lacked the expected ids" },
    };

    [Theory]
    [MemberData(nameof(Failures))]
    public async Task A_failing_external_lookup_tells_the_owner_and_changes_nothing(string failure, int status, string why)
    {
        var answer = failure switch
        {
            "5xx" => Response.Create().WithStatusCode(503),
            "timeout" => Response.Create().WithStatusCode(200).WithBodyAsJson(new { id = FakeEntra.Testing.World.DefaultWorld.Bob }).WithDelay(TimeSpan.FromSeconds(10)),
            "not json" => Response.Create().WithStatusCode(200).WithHeader("Content-Type", "text/html").WithBody("<html>oops</html>"),
            _ => Response.Create().WithStatusCode(200).WithBodyAsJson(new { givenName = "Bob", surname = "Brown" }),
        };
        Graph.Given(Request.Create().WithPath("/fakeentra/externalUsers").UsingGet()).RespondWith(answer);
        await AddingBobFails(status, why);
    }

    [Fact]
    public async Task A_failing_directory_read_tells_the_owner_and_changes_nothing()
    {
        Graph.Given(Request.Create().WithPath(new WildcardMatcher("/v1.0/users/*")).UsingGet()).AtPriority(1).RespondWith(Response.Create().WithStatusCode(500));
        await AddingBobFails(502, "answered 500");
        Assert.Empty(Graph.FindLogEntries(Request.Create().WithPath("/fakeentra/externalUsers")));
    }

    private async Task AddingBobFails(int status, string why)
    {
        using var alice = new ApiClient(Host, (await Host.Idp.AliceAsync()).AccessToken);
        var team = (await alice.CreateTeamAsync("Directory trouble")).GetProperty("id").GetString()!;
        var shared = (await alice.CreateChannelAsync(team, "Waiting", "shared")).GetProperty("id").GetString()!;

        var detail = await ApiClient.Problem(await alice.AddChannelMemberAsync(shared, "bob@fabrikam.com"), (HttpStatusCode)status);
        Assert.True(detail.Contains(why, StringComparison.Ordinal) && detail.Contains("Nothing was changed", StringComparison.Ordinal), detail);

        Assert.Single(await alice.ListAsync($"/channels/{shared}/members"));
        Assert.DoesNotContain(await alice.ListAsync("/auditEvents"), e => e.GetProperty("operation").GetString() == "memberAdded");
    }
}

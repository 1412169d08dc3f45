using System.Buffers.Text;
using System.Net;
using System.Text;
using FakeEntra.Testing.World;
using SharedChannels.Tests.Infrastructure;
using WireMock.Matchers;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace SharedChannels.Tests;

/// <summary>
/// The API's metadata calls (discovery document and signing keys) against WireMock standing in for FakeEntra's endpoints,
/// serving FakeEntra's real documents when healthy. An identity provider that fails, hangs or answers garbage gives a 503
/// problem (not a 500, not a misleading 401) and nothing changes; a failed refresh keeps the last good keys.
/// </summary>
public sealed class MetadataRefreshTests(MetadataRefreshTests.Servers servers) : IClassFixture<MetadataRefreshTests.Servers>, IAsyncLifetime
{
    /// <summary>FakeEntra (tokens), WireMock as the API's identity provider instance, and the API pointed at WireMock.</summary>
    public sealed class Servers : IAsyncLifetime
    {
        public SharedChannelsHost Host { get; private set; } = null!;
        public WireMockServer Metadata { get; private set; } = null!;
        public string Discovery { get; private set; } = "";
        public string Keys { get; private set; } = "";

        public async Task InitializeAsync()
        {
            Host = await SharedChannelsHost.StartAsync();
            Metadata = TrustedWireMock.Start(Host.Idp);
            using var http = Host.Idp.CreateHttpClient();
            // FakeEntra's own documents; only the keys' address points at WireMock, the issuer stays FakeEntra's.
            Discovery = (await http.GetStringAsync($"/{DefaultWorld.Contoso}/v2.0/.well-known/openid-configuration"))
                .Replace($"{Host.Idp.Origin}/{DefaultWorld.Contoso}/discovery", $"{Metadata.Origin()}/{DefaultWorld.Contoso}/discovery", StringComparison.Ordinal);
            Keys = await http.GetStringAsync($"/{DefaultWorld.Contoso}/discovery/v2.0/keys");
        }

        public async Task DisposeAsync()
        {
            Metadata.Stop();
            Metadata.Dispose();
            await Host.DisposeAsync();
        }
    }

    private SharedChannelsHost Host => servers.Host;
    private WireMockServer Metadata => servers.Metadata;

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => Task.CompletedTask;

    /// <summary>A fresh API (fresh metadata cache) whose identity provider instance is WireMock.</summary>
    private Task StartApiAsync() => Host.StartApiAsync(new Dictionary<string, string?>
    {
        ["AzureAd:Instance"] = Metadata.Origin() + "/",
        ["IdentityProvider:Timeout"] = "00:00:03",
    });

    private void Healthy()
    {
        Metadata.ResetMappings();
        Metadata.Given(Request.Create().WithPath(new WildcardMatcher("/*/.well-known/openid-configuration")).UsingGet())
            .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json").WithBody(servers.Discovery));
        Metadata.Given(Request.Create().WithPath($"/{DefaultWorld.Contoso}/discovery/v2.0/keys").UsingGet())
            .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json").WithBody(servers.Keys));
    }

    private void Broken(string failure)
    {
        Metadata.ResetMappings();
        var answer = failure switch
        {
            "5xx" => Response.Create().WithStatusCode(500),
            "timeout" => Response.Create().WithStatusCode(200).WithBody(servers.Discovery).WithDelay(TimeSpan.FromSeconds(10)),
            _ => Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json").WithBody("{\"issuer\": "),
        };
        Metadata.Given(Request.Create().WithPath(new WildcardMatcher("/*")).UsingGet()).RespondWith(answer);
    }

    [Theory]
    [InlineData("5xx")]
    [InlineData("timeout")]
    [InlineData("malformed")]
    public async Task An_unreachable_identity_provider_is_a_503_and_changes_nothing(string failure)
    {
        Broken(failure);
        await StartApiAsync();
        using var alice = new ApiClient(Host, (await Host.Idp.AliceAsync()).AccessToken);

        using var refused = await alice.PostAsync("/teams", new { displayName = "Made while the IdP was down" });
        Assert.Contains("identity provider", await ApiClient.Problem(refused, HttpStatusCode.ServiceUnavailable));
        Assert.Empty(refused.Headers.WwwAuthenticate);

        Healthy();
        Assert.DoesNotContain(await alice.ListAsync("/teams"), t => t.GetProperty("displayName").GetString() == "Made while the IdP was down");
    }

    [Fact]
    public async Task A_failed_refresh_keeps_the_last_good_keys()
    {
        Healthy();
        await StartApiAsync();
        using var alice = new ApiClient(Host, (await Host.Idp.AliceAsync()).AccessToken);
        await ApiClient.Json(await alice.GetAsync("/teams"));
        var fetched = Metadata.LogEntries.Count();

        // The identity provider breaks; then a token signed with a key the API has not seen asks it to refresh its metadata.
        Broken("5xx");
        using var unknownKey = new ApiClient(Host, WithKeyId(alice.Token, "rolled-" + Guid.NewGuid().ToString("N")));
        Assert.Contains("signature key", await ApiClient.Problem(await unknownKey.GetAsync("/teams"), HttpStatusCode.Unauthorized));
        await ApiClient.Json(await alice.GetAsync("/teams"));
        for (var i = 0; i < 100 && Metadata.LogEntries.Count() == fetched; i++) await Task.Delay(100);
        Assert.True(Metadata.LogEntries.Count() > fetched, "the API never asked for fresh metadata");

        // The refresh failed; the API still holds the keys it had, and alice's token still works.
        await ApiClient.Json(await alice.GetAsync("/teams"));
        var created = await ApiClient.Json(await alice.PostAsync("/teams", new { displayName = "Made after a failed refresh" }), HttpStatusCode.Created);
        Assert.Equal("Made after a failed refresh", created.GetProperty("displayName").GetString());
    }

    private static string WithKeyId(string jwt, string kid)
    {
        var parts = jwt.Split('.');
        var header = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(parts[0]));
        var start = header.IndexOf("\"kid\":\"", StringComparison.Ordinal) + 7;
        header = header[..start] + kid + header[header.IndexOf('"', start)..];
        return $"{Base64Url.EncodeToString(Encoding.UTF8.GetBytes(header))}.{parts[1]}.{parts[2]}";
    }
}

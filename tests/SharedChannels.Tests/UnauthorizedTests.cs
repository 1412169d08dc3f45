using System.Buffers.Text;
using System.Net;
using System.Text;
using FakeEntra.Testing.Tokens;
using FakeEntra.Testing.World;
using SharedChannels.Tests.Infrastructure;

namespace SharedChannels.Tests;

/// <summary>
/// Tokens the API must refuse, each with a 401 whose <c>WWW-Authenticate</c> says why: another tenant's, an expired one, a
/// tampered one, one for another audience. Apps read with <c>Channels.Read.All</c> and may change nothing.
/// </summary>
public class UnauthorizedTests(SharedChannelsFixture fixture) : IClassFixture<SharedChannelsFixture>
{
    private SharedChannelsHost Host => fixture.Host;

    private Task<IssuedToken> AliceTokenAsync(Dictionary<string, object?>? claims = null) => Host.Idp.IssueTokenAsync(new TokenForUser
    {
        User = "alice@contoso.com",
        Client = DefaultWorld.Client,
        Tenant = DefaultWorld.Contoso,
        Scope = DefaultWorld.SharedChannelsScope,
        Claims = claims ?? [],
    });

    /// <summary>Refused with 401, the reason both in <c>WWW-Authenticate</c> and the problem's detail; the reason must mention <paramref name="why"/>.</summary>
    private async Task RefusedAsync(string token, string why)
    {
        using var api = new ApiClient(Host, token);
        using var response = await api.GetAsync("/channels");
        var detail = await ApiClient.Problem(response, HttpStatusCode.Unauthorized);
        var challenge = response.Headers.WwwAuthenticate.ToString();
        Assert.StartsWith("Bearer error=\"invalid_token\", error_description=", challenge);
        Assert.Contains(detail, challenge);
        Assert.True(detail.Contains(why, StringComparison.Ordinal), $"Expected the reason to mention \"{why}\": {challenge}");
    }

    [Fact]
    public async Task A_valid_token_is_accepted_so_the_refusals_below_are_about_their_one_change()
    {
        using var api = new ApiClient(Host, (await AliceTokenAsync()).AccessToken);
        await ApiClient.Json(await api.GetAsync("/channels"));
    }

    [Fact]
    public async Task A_token_of_another_tenant_is_refused_for_its_issuer()
    {
        var token = await AliceTokenAsync(new() { ["tid"] = DefaultWorld.Fabrikam, ["iss"] = Host.Idp.Issuer(DefaultWorld.Fabrikam) });
        await RefusedAsync(token.AccessToken, $"The issuer '{Host.Idp.Issuer(DefaultWorld.Fabrikam)}' is invalid");
    }

    [Fact]
    public async Task An_expired_token_is_refused_as_expired()
    {
        var now = Host.Idp.Time.GetUtcNow();
        var token = await AliceTokenAsync(new() { ["iat"] = now.AddHours(-3), ["nbf"] = now.AddHours(-3), ["exp"] = now.AddHours(-2) });
        await RefusedAsync(token.AccessToken, "The token expired at");
    }

    [Fact]
    public async Task A_tampered_token_is_refused_for_its_signature()
    {
        var parts = (await AliceTokenAsync()).AccessToken.Split('.');
        var payload = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(parts[1])).Replace(DefaultWorld.Alice, DefaultWorld.Bob, StringComparison.Ordinal);
        var tampered = $"{parts[0]}.{Base64Url.EncodeToString(Encoding.UTF8.GetBytes(payload))}.{parts[2]}";
        await RefusedAsync(tampered, "signature");
    }

    [Fact]
    public async Task A_token_for_another_audience_is_refused_for_its_audience()
    {
        // A real sign-in for Contoso's Files API: a good token, for someone else.
        var files = await Host.Idp.SignInAtContosoAsync("alice@contoso.com", scope: DefaultWorld.FilesScope);
        await RefusedAsync(files.AccessToken, $"The audience '{DefaultWorld.FilesApi}' is invalid");
    }

    [Fact]
    public async Task No_token_and_garbage_are_refused_with_a_reason()
    {
        using var http = Host.CreateApiClient();
        using var none = await http.GetAsync("/channels");
        Assert.Contains("No bearer token", await ApiClient.Problem(none, HttpStatusCode.Unauthorized));
        Assert.Equal("Bearer", none.Headers.WwwAuthenticate.ToString());
        await RefusedAsync("not-a-jwt", "well-formed");
    }

    [Fact]
    public async Task The_daemon_reads_every_channel_and_changes_nothing()
    {
        using var alice = new ApiClient(Host, (await AliceTokenAsync()).AccessToken);
        var team = (await alice.CreateTeamAsync("Daemon reads")).GetProperty("id").GetString()!;
        var shared = (await alice.CreateChannelAsync(team, "Watched", "shared")).GetProperty("id").GetString()!;
        var daemon = await Host.Idp.ConfidentialClient(DefaultWorld.Daemon, DefaultWorld.DaemonSecret, DefaultWorld.Contoso).Build()
            .AcquireTokenForClient([DefaultWorld.SharedChannelsDefault]).ExecuteAsync();
        using var app = new ApiClient(Host, daemon.AccessToken);

        Assert.Contains(shared, (await app.ListAsync("/channels")).Select(c => c.GetProperty("id").GetString()));
        await ApiClient.Json(await app.GetAsync($"/channels/{shared}/messages"));
        await ApiClient.Json(await app.GetAsync("/auditEvents"));
        Assert.Contains("only read", await ApiClient.Problem(await app.PostMessageAsync(shared, "from a daemon"), HttpStatusCode.Forbidden));
        await ApiClient.Problem(await app.PostAsync("/teams", new { displayName = "Daemon team" }), HttpStatusCode.Forbidden);
        Assert.Empty(await alice.ListAsync($"/channels/{shared}/messages"));
    }

    [Fact]
    public async Task A_user_token_without_the_scope_is_forbidden()
    {
        var token = await AliceTokenAsync(new() { ["scp"] = "Something.Else" });
        using var api = new ApiClient(Host, token.AccessToken);
        await ApiClient.Problem(await api.GetAsync("/channels"), HttpStatusCode.Forbidden);
    }
}

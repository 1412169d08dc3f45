using System.Net;
using FakeEntra.Testing.World;
using Microsoft.IdentityModel.JsonWebTokens;
using SharedChannels.Tests.Infrastructure;

namespace SharedChannels.Tests;

/// <summary>
/// grace@northwind.com is a B2B collaboration guest of Contoso: a member of the team, with its standard channels, but she can
/// neither see nor join a shared channel. Her token looks like a direct connect user's (<c>acct</c> 1, <c>idp</c> her home);
/// the API tells them apart by her guest object in Contoso's directory.
/// </summary>
public class GuestTests(SharedChannelsFixture fixture) : IClassFixture<SharedChannelsFixture>
{
    private SharedChannelsHost Host => fixture.Host;

    [Fact]
    public async Task Grace_uses_the_team_but_is_refused_on_its_shared_channels()
    {
        using var alice = new ApiClient(Host, (await Host.Idp.AliceAsync()).AccessToken);
        var team = (await alice.CreateTeamAsync("Suppliers")).GetProperty("id").GetString()!;
        var general = (await alice.CreateChannelAsync(team, "General", "standard")).GetProperty("id").GetString()!;
        var shared = (await alice.CreateChannelAsync(team, "Partners only", "shared")).GetProperty("id").GetString()!;
        var added = await ApiClient.Json(await alice.PostAsync($"/teams/{team}/members", new { email = "grace@northwind.com" }), HttpStatusCode.Created);
        Assert.Equal("guest", added.GetProperty("kind").GetString());
        Assert.Equal(DefaultWorld.Contoso, added.GetProperty("tenantId").GetString());

        var grace = await Host.Idp.SignInAtContosoAsync("grace@northwind.com", mfa: true);
        var claims = new JsonWebToken(grace.AccessToken);
        Assert.Equal("1", claims.GetClaim("acct").Value);
        Assert.Equal($"https://sts.windows.net/{DefaultWorld.Northwind}/", claims.GetClaim("idp").Value);
        using var graceApi = new ApiClient(Host, grace.AccessToken);

        Assert.Equal([team], (await graceApi.ListAsync("/teams")).Select(t => t.GetProperty("id").GetString()));
        Assert.Equal([general], (await graceApi.ListAsync($"/teams/{team}/channels")).Select(c => c.GetProperty("id").GetString()));
        Assert.Equal([general], (await graceApi.ListAsync("/channels")).Select(c => c.GetProperty("id").GetString()));
        await ApiClient.Json(await graceApi.PostMessageAsync(general, "Hello team"), HttpStatusCode.Created);

        var detail = await ApiClient.Problem(await graceApi.GetAsync($"/channels/{shared}"), HttpStatusCode.Forbidden);
        Assert.Contains("Guests", detail);
        await ApiClient.Problem(await graceApi.PostMessageAsync(shared, "Let me in"), HttpStatusCode.Forbidden);
        await ApiClient.Problem(await graceApi.GetAsync($"/channels/{shared}/messages"), HttpStatusCode.Forbidden);

        var refused = await ApiClient.Problem(await alice.AddChannelMemberAsync(shared, "grace@northwind.com"), HttpStatusCode.BadRequest);
        Assert.Contains("guest", refused);
        Assert.Single(await alice.ListAsync($"/channels/{shared}/members"));
        Assert.Empty(await alice.ListAsync($"/channels/{shared}/messages"));
    }
}

using System.Net;
using FakeEntra.Testing.World;
using Microsoft.Identity.Client;
using SharedChannels.Tests.Infrastructure;

namespace SharedChannels.Tests;

/// <summary>
/// The seed's Example 2: Contoso narrows its Fabrikam inbound setting to the Marketing group through the Graph-shaped API.
/// Adding carol (not in Marketing) fails; bob (in Marketing) still works, and so does his refresh; a Fabrikam user outside
/// Marketing who already held a token is refused at their next refresh.
/// </summary>
public class Example2Tests(SharedChannelsFixture fixture) : IClassFixture<SharedChannelsFixture>
{
    private SharedChannelsHost Host => fixture.Host;

    [Fact]
    public async Task Narrowing_to_Marketing_refuses_carol_and_the_admin_at_refresh_while_bob_keeps_working()
    {
        using var alice = new ApiClient(Host, (await Host.Idp.AliceAsync()).AccessToken);
        var team = (await alice.CreateTeamAsync("Campaigns")).GetProperty("id").GetString()!;
        var shared = (await alice.CreateChannelAsync(team, "Fabrikam marketing", "shared")).GetProperty("id").GetString()!;
        await ApiClient.Json(await alice.AddChannelMemberAsync(shared, "bob@fabrikam.com"), HttpStatusCode.Created);
        var bob = await Host.Idp.BobAsync();
        // Fabrikam's admin (not in Marketing) signs in to Contoso while all Fabrikam users are admitted.
        var outsider = await Host.Idp.SignInAtContosoAsync("admin@fabrikam.com", mfa: true, acceptPrivacy: true);

        await Host.Idp.OnlyFabrikamMarketingAsync();

        var detail = await ApiClient.Problem(await alice.AddChannelMemberAsync(shared, "carol@fabrikam.com"), HttpStatusCode.NotFound);
        Assert.Contains("carol@fabrikam.com", detail);
        Assert.Equal(["Alice Anderson", "Bob Brown"], (await alice.ListAsync($"/channels/{shared}/members")).Select(m => m.GetProperty("displayName").GetString()));

        using var bobApi = new ApiClient(Host, bob.AccessToken);
        await ApiClient.Json(await bobApi.PostMessageAsync(shared, "Still here"), HttpStatusCode.Created);
        var refreshed = await bob.RefreshAsync();
        Assert.NotEqual(bob.AccessToken, refreshed.AccessToken);
        bobApi.Token = refreshed.AccessToken;
        Assert.Single(await bobApi.ListAsync("/channels"));
        bobApi.Token = (await Host.Idp.BobAsync()).AccessToken;
        Assert.Equal(2, (await bobApi.ListAsync($"/channels/{shared}/messages")).Length + 1);

        var refused = await Assert.ThrowsAnyAsync<MsalServiceException>(outsider.RefreshAsync);
        Assert.Contains("AADSTS500213", refused.Message);
    }
}

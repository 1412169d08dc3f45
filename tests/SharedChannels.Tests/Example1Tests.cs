using System.Net;
using FakeEntra.Testing.World;
using Microsoft.Identity.Client;
using SharedChannels.Tests.Infrastructure;

namespace SharedChannels.Tests;

/// <summary>
/// The seed's Example 1 (Contoso allows B2B direct connect with Fabrikam and blocks everyone else): alice shares a channel
/// with bob@fabrikam.com; bob, with his Fabrikam credentials and home MFA, gets a Contoso token and posts; alice reads it.
/// dan@northwind.com and eve@litware.com can be neither found nor added.
/// </summary>
public class Example1Tests(SharedChannelsFixture fixture) : IClassFixture<SharedChannelsFixture>
{
    private SharedChannelsHost Host => fixture.Host;

    [Fact]
    public async Task Alice_shares_a_channel_with_bob_who_posts_with_his_home_credentials_and_alice_reads_it()
    {
        using var alice = new ApiClient(Host, (await Host.Idp.AliceAsync()).AccessToken);
        var team = (await alice.CreateTeamAsync("Contoso Launch")).GetProperty("id").GetString()!;
        var general = (await alice.CreateChannelAsync(team, "General", "standard")).GetProperty("id").GetString()!;
        var channel = await alice.CreateChannelAsync(team, "Fabrikam launch", "shared");
        var shared = channel.GetProperty("id").GetString()!;
        Assert.Equal("shared", channel.GetProperty("membershipType").GetString());

        // alice adds bob by his full address: Contoso's external user lookup finds him, with limited contact data only.
        var bobMember = await ApiClient.Json(await alice.AddChannelMemberAsync(shared, "bob@fabrikam.com"), HttpStatusCode.Created);
        Assert.Equal("external", bobMember.GetProperty("kind").GetString());
        Assert.Equal(DefaultWorld.Fabrikam, bobMember.GetProperty("tenantId").GetString());
        Assert.Equal(DefaultWorld.Bob, bobMember.GetProperty("userId").GetString());
        Assert.Equal("Bob Brown", bobMember.GetProperty("displayName").GetString());
        Assert.Equal("member", bobMember.GetProperty("role").GetString());

        // bob signs in at Contoso with his Fabrikam password and authenticator: a one-hour token issued by Contoso.
        var bob = await Host.Idp.BobAsync();
        var claims = new Microsoft.IdentityModel.JsonWebTokens.JsonWebToken(bob.AccessToken);
        Assert.Equal(DefaultWorld.Contoso, claims.GetClaim("tid").Value);
        Assert.Equal(DefaultWorld.Bob, claims.GetClaim("oid").Value);
        Assert.Equal($"https://sts.windows.net/{DefaultWorld.Fabrikam}/", claims.GetClaim("idp").Value);
        Assert.Equal(TimeSpan.FromHours(1), claims.ValidTo - claims.IssuedAt);

        using var bobApi = new ApiClient(Host, bob.AccessToken);
        var bobsChannels = await bobApi.ListAsync("/channels");
        Assert.Equal([shared], bobsChannels.Select(c => c.GetProperty("id").GetString()));
        var posted = await ApiClient.Json(await bobApi.PostMessageAsync(shared, "Hello from Fabrikam"), HttpStatusCode.Created);
        Assert.Equal(DefaultWorld.Fabrikam, posted.GetProperty("from").GetProperty("tenantId").GetString());
        Assert.Equal(DefaultWorld.Bob, posted.GetProperty("from").GetProperty("userId").GetString());

        // bob sees the shared channel and nothing else of Contoso's: not the team, not its standard channel.
        Assert.Empty(await bobApi.ListAsync("/teams"));
        await ApiClient.Problem(await bobApi.GetAsync($"/teams/{team}/channels"), HttpStatusCode.NotFound);
        await ApiClient.Problem(await bobApi.GetAsync($"/channels/{general}"), HttpStatusCode.NotFound);
        await ApiClient.Problem(await bobApi.PostMessageAsync(general, "not for me"), HttpStatusCode.NotFound);

        var messages = await alice.ListAsync($"/channels/{shared}/messages");
        var first = Assert.Single(messages);
        Assert.Equal("Hello from Fabrikam", first.GetProperty("content").GetString());
        Assert.Equal("Bob Brown", first.GetProperty("from").GetProperty("displayName").GetString());
    }

    [Theory]
    [InlineData("dan@northwind.com", "Contoso never allowed Northwind", 500213)]
    [InlineData("eve@litware.com", "Litware's default outbound blocks everyone", 500212)]
    public async Task Users_of_organizations_without_mutual_direct_connect_can_be_neither_found_nor_added_nor_signed_in(string email, string why, int code)
    {
        using var alice = new ApiClient(Host, (await Host.Idp.AliceAsync()).AccessToken);
        var team = (await alice.CreateTeamAsync($"Team for {email}")).GetProperty("id").GetString()!;
        var shared = (await alice.CreateChannelAsync(team, "Partners", "shared")).GetProperty("id").GetString()!;

        var detail = await ApiClient.Problem(await alice.AddChannelMemberAsync(shared, email), HttpStatusCode.NotFound);
        Assert.Contains(email, detail);
        var members = await alice.ListAsync($"/channels/{shared}/members");
        Assert.Equal(["alice@contoso.com"], members.Select(m => m.GetProperty("email").GetString()));

        var refused = await Assert.ThrowsAnyAsync<MsalServiceException>(() => Host.Idp.SignInAtContosoAsync(email, mfa: true, acceptPrivacy: true));
        Assert.True(refused.Message.Contains($"AADSTS{code}", StringComparison.Ordinal), $"{why}: {refused.Message}");
    }
}

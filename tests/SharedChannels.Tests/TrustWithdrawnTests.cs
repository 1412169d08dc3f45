using System.Net;
using Microsoft.Identity.Client;
using SharedChannels.Tests.Infrastructure;

namespace SharedChannels.Tests;

/// <summary>
/// Contoso withdraws its trust in Fabrikam's MFA. bob's next token request fails (a direct connect user has no account at
/// Contoso in which to do MFA); the token he already holds is a bearer token the API checks by itself, so it keeps working
/// until it expires — at most an hour.
/// </summary>
public class TrustWithdrawnTests(SharedChannelsFixture fixture) : IClassFixture<SharedChannelsFixture>
{
    private SharedChannelsHost Host => fixture.Host;

    [Fact]
    public async Task Bobs_next_token_request_fails_and_his_current_token_works_until_it_expires()
    {
        using var alice = new ApiClient(Host, (await Host.Idp.AliceAsync()).AccessToken);
        var team = (await alice.CreateTeamAsync("Trust")).GetProperty("id").GetString()!;
        var shared = (await alice.CreateChannelAsync(team, "Joint work", "shared")).GetProperty("id").GetString()!;
        await ApiClient.Json(await alice.AddChannelMemberAsync(shared, "bob@fabrikam.com"), HttpStatusCode.Created);
        var bob = await Host.Idp.BobAsync();
        using var bobApi = new ApiClient(Host, bob.AccessToken);

        await Host.Idp.WithdrawFabrikamMfaTrustAsync();

        var refresh = await Assert.ThrowsAnyAsync<MsalServiceException>(bob.RefreshAsync);
        Assert.Contains("AADSTS90072", refresh.Message);
        var signIn = await Assert.ThrowsAnyAsync<MsalServiceException>(() => Host.Idp.BobAsync());
        Assert.Contains("AADSTS90072", signIn.Message);

        await ApiClient.Json(await bobApi.PostMessageAsync(shared, "Posted after trust was withdrawn"), HttpStatusCode.Created);

        try
        {
            // An hour later (plus the validators' five minutes of clock skew) the token has expired.
            Host.Idp.Time.Advance(TimeSpan.FromMinutes(66));
            var expired = await bobApi.PostMessageAsync(shared, "Too late");
            await ApiClient.Problem(expired, HttpStatusCode.Unauthorized);
            Assert.Contains("expired", expired.Headers.WwwAuthenticate.ToString());
        }
        finally
        {
            Host.Idp.Time.Reset();
        }
        Assert.Equal(["Posted after trust was withdrawn"], (await alice.ListAsync($"/channels/{shared}/messages")).Select(m => m.GetProperty("content").GetString()));
    }
}

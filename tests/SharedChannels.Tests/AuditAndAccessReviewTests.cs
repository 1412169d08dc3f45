using System.Net;
using System.Text.Json;
using FakeEntra.Testing.World;
using SharedChannels.Tests.Infrastructure;

namespace SharedChannels.Tests;

/// <summary>
/// The Teams side of monitoring: audit events in the resource tenant for the shared channel lifecycle and the member
/// lifecycle (in-tenant and cross-tenant, with actor and target), and an access review that classifies each member as
/// internal, guest or external B2B direct connect (with home tenant) and removes people.
/// </summary>
public class AuditAndAccessReviewTests(SharedChannelsFixture fixture) : IClassFixture<SharedChannelsFixture>
{
    private SharedChannelsHost Host => fixture.Host;

    [Fact]
    public async Task Every_change_is_audited_in_Contoso_and_the_review_classifies_and_removes_members()
    {
        await Host.Idp.CreateContosoUserAsync("dave@contoso.com", "Dave Davis");
        using var alice = new ApiClient(Host, (await Host.Idp.AliceAsync()).AccessToken);
        var team = (await alice.CreateTeamAsync("Launch")).GetProperty("id").GetString()!;
        await ApiClient.Json(await alice.PostAsync($"/teams/{team}/members", new { email = "grace@northwind.com" }), HttpStatusCode.Created);
        var shared = (await alice.CreateChannelAsync(team, "Fabrikam launch", "shared")).GetProperty("id").GetString()!;
        var bob = (await ApiClient.Json(await alice.AddChannelMemberAsync(shared, "bob@fabrikam.com"), HttpStatusCode.Created)).GetProperty("id").GetString()!;
        var dave = await ApiClient.Json(await alice.AddChannelMemberAsync(shared, "dave@contoso.com"), HttpStatusCode.Created);
        Assert.Equal("internal", dave.GetProperty("kind").GetString());
        var daveId = dave.GetProperty("id").GetString()!;

        Assert.Equal("owner", (await ApiClient.Json(await alice.PatchAsync($"/channels/{shared}/members/{bob}", new { role = "owner" }))).GetProperty("role").GetString());
        using var bobApi = new ApiClient(Host, (await Host.Idp.BobAsync()).AccessToken);
        await ApiClient.Json(await bobApi.PatchAsync($"/channels/{shared}/members/{daveId}", new { role = "owner" }));
        await ApiClient.Json(await alice.PatchAsync($"/channels/{shared}/members/{daveId}", new { role = "member" }));
        var temporary = (await alice.CreateChannelAsync(team, "Temporary", "shared")).GetProperty("id").GetString()!;
        Assert.Equal(HttpStatusCode.NoContent, (await alice.DeleteAsync($"/teams/{team}/channels/{temporary}")).StatusCode);
        await ApiClient.Problem(await alice.GetAsync($"/channels/{temporary}"), HttpStatusCode.NotFound);

        var review = await ApiClient.Json(await alice.GetAsync($"/teams/{team}/accessReview"));
        Assert.Equal(["Alice Anderson:internal:owner", "Grace Green:guest:member"], Members(review.GetProperty("members")));
        var channel = Assert.Single(review.GetProperty("sharedChannels").EnumerateArray());
        Assert.Equal(["Alice Anderson:internal:owner", "Dave Davis:internal:member", "Bob Brown:external:owner"], Members(channel.GetProperty("members")));
        var reviewedBob = channel.GetProperty("members").EnumerateArray().Single(m => m.GetProperty("kind").GetString() == "external");
        Assert.Equal(DefaultWorld.Fabrikam, reviewedBob.GetProperty("homeTenantId").GetString());
        Assert.Equal(DefaultWorld.Bob, reviewedBob.GetProperty("userId").GetString());

        Assert.Equal(HttpStatusCode.NoContent, (await alice.DeleteAsync($"/teams/{team}/accessReview/channels/{shared}/members/{bob}")).StatusCode);
        Assert.Empty(await bobApi.ListAsync("/channels"));
        await ApiClient.Problem(await bobApi.GetAsync($"/channels/{shared}/messages"), HttpStatusCode.NotFound);

        var events = await alice.ListAsync("/auditEvents");
        Assert.Equal(
        [
            "memberRemoved crossTenant Alice Anderson -> Bob Brown",
            "sharedChannelDeleted inTenant Alice Anderson -> ",
            "sharedChannelCreated inTenant Alice Anderson -> ",
            "memberDemoted inTenant Alice Anderson -> Dave Davis",
            "memberPromoted crossTenant Bob Brown -> Dave Davis",
            "memberPromoted crossTenant Alice Anderson -> Bob Brown",
            "memberAdded inTenant Alice Anderson -> Dave Davis",
            "memberAdded crossTenant Alice Anderson -> Bob Brown",
            "sharedChannelCreated inTenant Alice Anderson -> ",
        ], events.Select(Line));
        var promotedByBob = events[4];
        Assert.Equal(DefaultWorld.Fabrikam, promotedByBob.GetProperty("actor").GetProperty("tenantId").GetString());
        Assert.Equal(DefaultWorld.Bob, promotedByBob.GetProperty("actor").GetProperty("userId").GetString());

        // The events are Contoso's: a Fabrikam admin, even signed in to Contoso, reads none of them, and nor does bob.
        using var fabrikamAdmin = new ApiClient(Host, (await Host.Idp.SignInAtContosoAsync("admin@fabrikam.com", mfa: true, acceptPrivacy: true)).AccessToken);
        await ApiClient.Problem(await fabrikamAdmin.GetAsync("/auditEvents"), HttpStatusCode.Forbidden);
        await ApiClient.Problem(await bobApi.GetAsync("/auditEvents"), HttpStatusCode.Forbidden);
        using var grace = new ApiClient(Host, (await Host.Idp.SignInAtContosoAsync("grace@northwind.com", mfa: true)).AccessToken);
        await ApiClient.Problem(await grace.GetAsync($"/teams/{team}/accessReview"), HttpStatusCode.Forbidden);
    }

    private static string[] Members(JsonElement members) =>
        [.. members.EnumerateArray().Select(m => $"{m.GetProperty("displayName").GetString()}:{m.GetProperty("kind").GetString()}:{m.GetProperty("role").GetString()}")];

    private static string Line(JsonElement e) =>
        $"{e.GetProperty("operation").GetString()} {e.GetProperty("tenantScope").GetString()} {e.GetProperty("actor").GetProperty("displayName").GetString()} -> " +
        (e.GetProperty("target").ValueKind == JsonValueKind.Null ? "" : e.GetProperty("target").GetProperty("displayName").GetString());
}

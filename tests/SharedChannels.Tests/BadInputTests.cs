using System.Net;
using System.Text;
using SharedChannels.Tests.Infrastructure;

namespace SharedChannels.Tests;

/// <summary>Bad input is a 4xx problem with a clear detail and changes nothing; messages page newest first; files round-trip; state survives a restart.</summary>
public class BadInputTests(SharedChannelsFixture fixture) : IClassFixture<SharedChannelsFixture>, IAsyncLifetime
{
    private SharedChannelsHost Host => fixture.Host;
    private ApiClient _alice = null!;
    private string _team = "";
    private string _shared = "";

    public async Task InitializeAsync()
    {
        _alice = new ApiClient(Host, (await Host.Idp.AliceAsync()).AccessToken);
        _team = (await _alice.CreateTeamAsync($"Inputs {Guid.NewGuid():N}")).GetProperty("id").GetString()!;
        _shared = (await _alice.CreateChannelAsync(_team, "Checked", "shared")).GetProperty("id").GetString()!;
        await ApiClient.Json(await _alice.AddChannelMemberAsync(_shared, "bob@fabrikam.com"), HttpStatusCode.Created);
    }

    public Task DisposeAsync()
    {
        _alice.Dispose();
        return Task.CompletedTask;
    }

    [Theory]
    [InlineData("bob", "not a full e-mail address")]
    [InlineData("bob@", "not a full e-mail address")]
    [InlineData("Bob <bob@fabrikam.com>", "not a full e-mail address")]
    [InlineData("bob@fabrikam", "not a full e-mail address")]
    [InlineData("", "not a full e-mail address")]
    public async Task Malformed_addresses_are_refused_before_any_lookup(string email, string why)
    {
        Assert.Contains(why, await ApiClient.Problem(await _alice.AddChannelMemberAsync(_shared, email), HttpStatusCode.BadRequest));
        await MembersUnchanged();
    }

    [Fact]
    public async Task Unknown_addresses_duplicates_and_unknown_roles_are_refused()
    {
        Assert.Contains("nobody@fabrikam.com", await ApiClient.Problem(await _alice.AddChannelMemberAsync(_shared, "nobody@fabrikam.com"), HttpStatusCode.NotFound));
        Assert.Contains("already a member", await ApiClient.Problem(await _alice.AddChannelMemberAsync(_shared, "bob@fabrikam.com"), HttpStatusCode.Conflict));
        Assert.Contains("Unknown role", await ApiClient.Problem(await _alice.AddChannelMemberAsync(_shared, "carol@fabrikam.com", "boss"), HttpStatusCode.BadRequest));
        var owner = (await _alice.ListAsync($"/channels/{_shared}/members")).Single(m => m.GetProperty("role").GetString() == "owner").GetProperty("id").GetString();
        Assert.Contains("at least one owner", await ApiClient.Problem(await _alice.DeleteAsync($"/channels/{_shared}/members/{owner}"), HttpStatusCode.BadRequest));
        await ApiClient.Problem(await _alice.DeleteAsync($"/channels/{_shared}/members/{Guid.NewGuid()}"), HttpStatusCode.NotFound);
        await MembersUnchanged();
    }

    [Theory]
    [InlineData("{\"email\":", "cannot be read")]
    [InlineData("{}", "missing required properties")]
    [InlineData("{\"email\":\"carol@fabrikam.com\",\"isOwner\":true}", "cannot be read")]
    [InlineData("null", "not null")]
    [InlineData("[1]", "cannot be read")]
    public async Task Malformed_json_is_refused(string body, string why)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/channels/{_shared}/members") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        Assert.Contains(why, await ApiClient.Problem(await _alice.SendAsync(request), HttpStatusCode.BadRequest));
        await MembersUnchanged();
    }

    [Fact]
    public async Task Other_content_types_are_refused()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/channels/{_shared}/messages") { Content = new StringContent("hello", Encoding.UTF8, "text/plain") };
        await ApiClient.Problem(await _alice.SendAsync(request), HttpStatusCode.UnsupportedMediaType);
        Assert.Empty(await _alice.ListAsync($"/channels/{_shared}/messages"));
    }

    [Theory]
    [InlineData("not-a-guid")]
    [InlineData("00000000-0000-0000-0000-000000000001")]
    public async Task Unknown_channels_are_not_found(string id)
    {
        Assert.Contains("No channel", await ApiClient.Problem(await _alice.GetAsync($"/channels/{id}"), HttpStatusCode.NotFound));
        await ApiClient.Problem(await _alice.PostMessageAsync(id, "lost"), HttpStatusCode.NotFound);
        await ApiClient.Problem(await _alice.AddChannelMemberAsync(id, "carol@fabrikam.com"), HttpStatusCode.NotFound);
        await ApiClient.Problem(await _alice.GetAsync("/no/such/route"), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Oversized_and_empty_messages_and_files_are_refused()
    {
        await ApiClient.Problem(await _alice.PostMessageAsync(_shared, new string('x', 4001)), HttpStatusCode.RequestEntityTooLarge);
        await ApiClient.Problem(await _alice.PostMessageAsync(_shared, "   "), HttpStatusCode.BadRequest);
        Assert.Empty(await _alice.ListAsync($"/channels/{_shared}/messages"));

        using (var big = new HttpRequestMessage(HttpMethod.Post, $"/channels/{_shared}/files?name=big.bin") { Content = new ByteArrayContent(new byte[256 * 1024 + 1]) })
            await ApiClient.Problem(await _alice.SendAsync(big), HttpStatusCode.RequestEntityTooLarge);
        foreach (var name in new[] { "", "../etc/passwd", "a/b" })
        {
            using var bad = new HttpRequestMessage(HttpMethod.Post, $"/channels/{_shared}/files?name={Uri.EscapeDataString(name)}") { Content = new ByteArrayContent([1]) };
            await ApiClient.Problem(await _alice.SendAsync(bad), HttpStatusCode.BadRequest);
        }
        Assert.Empty(await _alice.ListAsync($"/channels/{_shared}/files"));
        await ApiClient.Problem(await _alice.GetAsync($"/channels/{_shared}/messages?$top=0"), HttpStatusCode.BadRequest);
        await ApiClient.Problem(await _alice.GetAsync($"/channels/{_shared}/messages?$top=many"), HttpStatusCode.BadRequest);
        await ApiClient.Problem(await _alice.GetAsync($"/channels/{_shared}/messages?$skiptoken=x"), HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Messages_page_newest_first_and_files_round_trip_and_both_survive_a_restart()
    {
        for (var i = 1; i <= 5; i++) await ApiClient.Json(await _alice.PostMessageAsync(_shared, $"message {i}"), HttpStatusCode.Created);
        using (var upload = new HttpRequestMessage(HttpMethod.Post, $"/channels/{_shared}/files?name=plan.txt") { Content = new ByteArrayContent("the plan"u8.ToArray()) })
        {
            var file = await ApiClient.Json(await _alice.SendAsync(upload), HttpStatusCode.Created);
            Assert.Equal(8, file.GetProperty("size").GetInt32());
            Assert.Equal("Alice Anderson", file.GetProperty("uploadedBy").GetProperty("displayName").GetString());
        }

        await Host.StartApiAsync();

        var contents = new List<string?>();
        var next = $"/channels/{_shared}/messages?$top=2";
        var pages = 0;
        while (next is not null && pages++ < 10)
        {
            var page = await ApiClient.Json(await _alice.GetAsync(next));
            contents.AddRange(page.GetProperty("value").EnumerateArray().Select(m => m.GetProperty("content").GetString()));
            next = page.TryGetProperty("@odata.nextLink", out var link) ? link.GetString() : null;
        }
        Assert.Equal(["message 5", "message 4", "message 3", "message 2", "message 1"], contents);
        Assert.Equal(3, pages);

        var listed = Assert.Single(await _alice.ListAsync($"/channels/{_shared}/files"));
        using var content = await _alice.GetAsync($"/channels/{_shared}/files/{listed.GetProperty("id").GetString()}/content");
        Assert.Equal("the plan", await content.Content.ReadAsStringAsync());
    }

    private async Task MembersUnchanged() =>
        Assert.Equal(["Alice Anderson", "Bob Brown"], (await _alice.ListAsync($"/channels/{_shared}/members")).Select(m => m.GetProperty("displayName").GetString()));
}

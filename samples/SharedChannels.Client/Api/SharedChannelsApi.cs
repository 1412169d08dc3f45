using System.Net.Http.Headers;
using System.Net.Http.Json;

namespace SharedChannels.Client.Api;

/// <summary>
/// The Shared Channels API's routes, each one HTTP call with the resource tenant's token as a bearer token (the contract
/// in the README). A next-page link is followed only on the API's own origin, so the token never goes elsewhere.
/// </summary>
public sealed class SharedChannelsApi(HttpClient http, Uri origin, Func<Task<string>> accessToken)
{
    public Task<Collection<Team>> TeamsAsync() => GetAsync<Collection<Team>>("teams");

    public Task<Team> CreateTeamAsync(string displayName) => SendAsync<Team>(HttpMethod.Post, "teams", new { displayName });

    public Task<Member> AddTeamMemberAsync(string teamId, string email, string role) =>
        SendAsync<Member>(HttpMethod.Post, $"teams/{Segment(teamId)}/members", new { email, role });

    public Task<Collection<Channel>> ChannelsAsync(string? teamId) =>
        GetAsync<Collection<Channel>>(teamId is null ? "channels" : $"teams/{Segment(teamId)}/channels");

    public Task<Channel> CreateChannelAsync(string teamId, string displayName, string membershipType) =>
        SendAsync<Channel>(HttpMethod.Post, $"teams/{Segment(teamId)}/channels", new { displayName, membershipType });

    public Task<Collection<Member>> MembersAsync(string channelId) => GetAsync<Collection<Member>>($"channels/{Segment(channelId)}/members");

    public Task<Member> AddMemberAsync(string channelId, string email, string role) =>
        SendAsync<Member>(HttpMethod.Post, $"channels/{Segment(channelId)}/members", new { email, role });

    /// <summary>One page of messages, newest first; <paramref name="nextLink"/> (the previous page's) for the next one.</summary>
    public Task<Collection<Message>> MessagesAsync(string channelId, int top, string? nextLink = null) =>
        GetAsync<Collection<Message>>(nextLink ?? $"channels/{Segment(channelId)}/messages?$top={top}");

    public Task<Message> PostMessageAsync(string channelId, string content) =>
        SendAsync<Message>(HttpMethod.Post, $"channels/{Segment(channelId)}/messages", new { content });

    private Task<T> GetAsync<T>(string pathOrLink) => SendAsync<T>(HttpMethod.Get, pathOrLink, null);

    private async Task<T> SendAsync<T>(HttpMethod method, string pathOrLink, object? body)
    {
        var url = new Uri(origin, pathOrLink);
        if (url.GetLeftPart(UriPartial.Authority) != origin.GetLeftPart(UriPartial.Authority))
            throw new ClientFailure($"The API's next-page link leads to another origin ({url.GetLeftPart(UriPartial.Authority)}); not following it with your token.");
        using var request = new HttpRequestMessage(method, url);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await accessToken());
        if (body is not null) request.Content = JsonContent.Create(body);
        using var response = await http.SendAsync(request);
        if (!response.IsSuccessStatusCode) throw await ApiRefusal.FromAsync(response);
        return await response.Content.ReadFromJsonAsync<T>()
               ?? throw new ClientFailure($"The API answered {method} {url.AbsolutePath} with an empty body.");
    }

    private static string Segment(string id) => Uri.EscapeDataString(id);
}

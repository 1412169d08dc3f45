using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace SharedChannels.Tests.Infrastructure;

/// <summary>One caller of the API with their bearer token; answers are read as JSON, the wire shape the contract pins.</summary>
public sealed class ApiClient(SharedChannelsHost host, string token) : IDisposable
{
    private readonly HttpClient _http = new(new LoopbackOnly(host.Idp.CreateHttpMessageHandler()));

    public string Token { get; set; } = token;

    public Task<HttpResponseMessage> GetAsync(string path) => SendAsync(new HttpRequestMessage(HttpMethod.Get, path));

    public Task<HttpResponseMessage> DeleteAsync(string path) => SendAsync(new HttpRequestMessage(HttpMethod.Delete, path));

    public Task<HttpResponseMessage> PostAsync(string path, object body) => SendAsync(new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body) });

    public Task<HttpResponseMessage> PatchAsync(string path, object body) => SendAsync(new HttpRequestMessage(HttpMethod.Patch, path) { Content = JsonContent.Create(body) });

    public async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request)
    {
        using (request)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Token);
            // Resolved per request: the API may have been restarted on another port.
            if (request.RequestUri is { IsAbsoluteUri: false } relative) request.RequestUri = new Uri(new Uri(host.ApiOrigin), relative);
            return await _http.SendAsync(request);
        }
    }

    /// <summary>The JSON of a successful answer with the expected status, or a failure that shows the body.</summary>
    public static async Task<JsonElement> Json(HttpResponseMessage response, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"Expected {(int)expected}, got {(int)response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    /// <summary>A problem details answer with the expected status; its <c>detail</c>.</summary>
    public static async Task<string> Problem(HttpResponseMessage response, HttpStatusCode expected)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"Expected {(int)expected}, got {(int)response.StatusCode}: {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(text).RootElement;
        Assert.Equal((int)expected, problem.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrEmpty(problem.GetProperty("title").GetString()));
        return problem.GetProperty("detail").GetString() ?? "";
    }

    public async Task<JsonElement> CreateTeamAsync(string name) => await Json(await PostAsync("/teams", new { displayName = name }), HttpStatusCode.Created);

    public async Task<JsonElement> CreateChannelAsync(string teamId, string name, string membershipType) =>
        await Json(await PostAsync($"/teams/{teamId}/channels", new { displayName = name, membershipType }), HttpStatusCode.Created);

    public Task<HttpResponseMessage> AddChannelMemberAsync(string channelId, string email, string role = "member") =>
        PostAsync($"/channels/{channelId}/members", new { email, role });

    public Task<HttpResponseMessage> PostMessageAsync(string channelId, string content) => PostAsync($"/channels/{channelId}/messages", new { content });

    public async Task<JsonElement[]> ListAsync(string path) => [.. (await Json(await GetAsync(path))).GetProperty("value").EnumerateArray()];

    public void Dispose() => _http.Dispose();
}

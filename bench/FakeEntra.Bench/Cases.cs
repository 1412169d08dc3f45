using System.Text.Json;

namespace FakeEntra.Bench;

/// <summary>The requests measured, all against the default world.</summary>
public static class Cases
{
    private const string Daemon = "client_id=3ecf7814-4a1a-42fc-91a7-b5dfa2b60f7f&client_secret=Daemon~Secret~0001";
    private const string Client = "client_id=13e7214c-6687-4074-86ae-bf38154aaef1";
    private const string Scope = "openid%20profile%20offline_access%20api://fcac6b54-23d1-4161-ab28-3ab64be2a67d/Channels.ReadWrite";

    public static Task Get(HttpClient http, string path) => Send(http, new HttpRequestMessage(HttpMethod.Get, path));

    public static Task ClientCredentials(HttpClient http) =>
        Token(http, $"grant_type=client_credentials&{Daemon}&scope=api://fcac6b54-23d1-4161-ab28-3ab64be2a67d/.default");

    public static Task Password(HttpClient http) =>
        Token(http, $"grant_type=password&{Client}&username=alice@contoso.com&password=Passw0rd!&scope={Scope}");

    public static Task Refresh(HttpClient http, string refreshToken) =>
        Token(http, $"grant_type=refresh_token&{Client}&refresh_token={refreshToken}&scope={Scope}");

    public static async Task<string> RefreshToken(HttpClient http)
    {
        var response = await http.PostAsync("/contoso.com/oauth2/v2.0/token", Form($"grant_type=password&{Client}&username=alice@contoso.com&password=Passw0rd!&scope={Scope}"));
        response.EnsureSuccessStatusCode();
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("refresh_token").GetString()!;
    }

    private static Task Token(HttpClient http, string form) =>
        Send(http, new HttpRequestMessage(HttpMethod.Post, "/contoso.com/oauth2/v2.0/token") { Content = Form(form) });

    private static StringContent Form(string form) => new(form, System.Text.Encoding.UTF8, "application/x-www-form-urlencoded");

    private static async Task Send(HttpClient http, HttpRequestMessage request)
    {
        using (request)
        using (var response = await http.SendAsync(request))
        {
            if (!response.IsSuccessStatusCode) throw new HttpRequestException($"{request.RequestUri}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            await response.Content.CopyToAsync(Stream.Null);
        }
    }
}

using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace FakeEntra.Server.Tests.Infrastructure;

/// <summary>Token requests as plain HTTP (for servers run as a process, where no in-process helper reaches).</summary>
public static class TokenRequests
{
    public const string ContosoAdmin = "0f3b8c42-6a1e-4d8e-9b5a-1c2d3e4f5a01";
    public const string ContosoAdminSecret = "FakeEntra~Admin~Contoso";

    /// <summary>Contoso's FakeEntra Admin app's Graph token (client credentials).</summary>
    public static async Task<string> ContosoAdminTokenAsync(HttpClient http)
    {
        using var response = await http.PostAsync($"/{World.Contoso}/oauth2/v2.0/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = ContosoAdmin,
            ["client_secret"] = ContosoAdminSecret,
            ["scope"] = "https://graph.microsoft.com/.default",
        }));
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("access_token").GetString()!;
    }

    /// <summary>A password grant through the Shared Channels Client; the response as it came.</summary>
    public static Task<HttpResponseMessage> PasswordAsync(HttpClient http, string tenant, string username, string password, string scope, string? correlationId = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"/{tenant}/oauth2/v2.0/token")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["grant_type"] = "password",
                ["client_id"] = World.Client,
                ["username"] = username,
                ["password"] = password,
                ["scope"] = scope,
            }),
        };
        if (correlationId is not null) request.Headers.Add("client-request-id", correlationId);
        return http.SendAsync(request);
    }

    public static HttpClient WithBearer(this HttpClient http, string token)
    {
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return http;
    }
}

using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Web;
using B64 = System.Buffers.Text.Base64Url;

namespace FakeEntra.Server.Tests.Infrastructure;

/// <summary>Sign-ins left pending at a FakeEntra process: alice's authorization code (PKCE) and bob's approved device code.</summary>
public static class PendingSignIns
{
    public const string RedirectUri = "http://localhost:7777/";

    public sealed record Code(string Value, string Verifier);

    /// <summary>Alice signs in at Contoso through the pages for the Shared Channels Client; the code is not redeemed.</summary>
    public static async Task<Code> IssueCodeAsync(ServerProcess server)
    {
        var verifier = B64.EncodeToString(RandomNumberGenerator.GetBytes(32));
        var challenge = B64.EncodeToString(SHA256.HashData(Encoding.ASCII.GetBytes(verifier)));
        using var browser = new Browser(server.Authority) { StopAt = RedirectUri };
        var page = await browser.SignIn(await browser.Get($"{server.Origin}/{World.Contoso}/oauth2/v2.0/authorize?client_id={World.Client}&response_type=code" +
                                                          $"&redirect_uri={Uri.EscapeDataString(RedirectUri)}&scope={Uri.EscapeDataString(World.SharedChannelsScope)}" +
                                                          $"&code_challenge={challenge}&code_challenge_method=S256&state=s"), "alice@contoso.com", World.Password);
        Assert.StartsWith(RedirectUri, page.Url.ToString());
        return new Code(HttpUtility.ParseQueryString(page.Url.Query)["code"]!, verifier);
    }

    public static Task<HttpResponseMessage> RedeemAsync(HttpClient http, Code code) =>
        http.PostAsync($"/{World.Contoso}/oauth2/v2.0/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "authorization_code",
            ["client_id"] = World.Client,
            ["code"] = code.Value,
            ["redirect_uri"] = RedirectUri,
            ["code_verifier"] = code.Verifier,
            ["scope"] = World.SharedChannelsScope,
        }));

    /// <summary>A device code for alice at Contoso, approved on the device login page; returns the device code (not yet polled).</summary>
    public static async Task<string> ApproveDeviceCodeAsync(ServerProcess server, HttpClient http)
    {
        using var started = await http.PostAsync($"/{World.Contoso}/oauth2/v2.0/devicecode", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["client_id"] = World.Client,
            ["scope"] = World.SharedChannelsScope,
        }));
        var body = await started.Content.ReadFromJsonAsync<JsonElement>();
        using var browser = new Browser(server.Authority);
        var signIn = await browser.Submit(await browser.Get($"{server.Origin}/devicelogin"), ("otc", body.GetProperty("user_code").GetString()!));
        var done = await browser.Submit(await browser.SignIn(signIn, "alice@contoso.com", World.Password), ("confirm", "yes"));
        Assert.Contains("You have signed in", done.Html);
        return body.GetProperty("device_code").GetString()!;
    }

    public static Task<HttpResponseMessage> PollAsync(HttpClient http, string deviceCode) =>
        http.PostAsync($"/{World.Contoso}/oauth2/v2.0/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "urn:ietf:params:oauth:grant-type:device_code",
            ["client_id"] = World.Client,
            ["device_code"] = deviceCode,
        }));
}

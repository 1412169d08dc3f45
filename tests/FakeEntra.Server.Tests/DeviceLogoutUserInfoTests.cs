using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Web;
using FakeEntra.Server.Tests.Infrastructure;

namespace FakeEntra.Server.Tests;

/// <summary>Device-code polling errors, logout and userinfo, over HTTP.</summary>
public class DeviceLogoutUserInfoTests(WoodgroveServer woodgrove) : IClassFixture<WoodgroveServer>
{
    private FakeEntraServer Server => woodgrove.Server;

    private async Task<JsonElement> DeviceCode()
    {
        using var http = Server.CreateClient();
        var response = await http.PostAsync($"/{Woodgrove.Domain}/oauth2/v2.0/devicecode",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["client_id"] = Woodgrove.Desktop, ["scope"] = "openid offline_access api://middle/Middle.Call" }));
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
        Assert.True(response.IsSuccessStatusCode, body.GetRawText());
        return body;
    }

    private async Task<HttpResponseMessage> Poll(string deviceCode)
    {
        using var http = Server.CreateClient();
        return await http.PostAsync($"/{Woodgrove.Domain}/oauth2/v2.0/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "urn:ietf:params:oauth:grant-type:device_code",
            ["client_id"] = Woodgrove.Desktop,
            ["device_code"] = deviceCode,
        }));
    }

    [Fact]
    public async Task The_device_code_response_has_entras_members()
    {
        var body = await DeviceCode();
        Assert.Equal(["user_code", "device_code", "verification_uri", "expires_in", "interval", "message"], body.EnumerateObject().Select(p => p.Name));
        Assert.Equal(900, body.GetProperty("expires_in").GetInt32());
        Assert.Equal(5, body.GetProperty("interval").GetInt32());
        Assert.Matches("^[A-Z0-9]{9}$", body.GetProperty("user_code").GetString());
    }

    [Fact]
    public async Task Polling_is_pending_then_slow_down_when_too_fast()
    {
        var device = (await DeviceCode()).GetProperty("device_code").GetString()!;
        await ErrorTests.AssertEntraError(await Poll(device), 400, 70016, "authorization_pending", null);
        await ErrorTests.AssertEntraError(await Poll(device), 400, 50196, "slow_down", null);
    }

    [Fact]
    public async Task A_declined_device_code_is_authorization_declined_and_an_unknown_one_bad_verification_code()
    {
        var body = await DeviceCode();
        using var browser = new Browser(Server);
        var signIn = await browser.Submit(await browser.Get($"{Server.Origin}/devicelogin"), ("otc", body.GetProperty("user_code").GetString()!));
        var confirm = await browser.SignIn(signIn, "ada@woodgrove.example", Woodgrove.Password);
        var declined = await browser.Submit(confirm, ("confirm", "no"));
        Assert.Contains("declined", declined.Html);
        await ErrorTests.AssertEntraError(await Poll(body.GetProperty("device_code").GetString()!), 400, 65004, "authorization_declined", null);
        await ErrorTests.AssertEntraError(await Poll("no-such-device-code"), 400, 70018, "bad_verification_code", null);

        var wrongCode = await browser.Submit(await browser.Get($"{Server.Origin}/devicelogin"), ("otc", "NOTACODE1"));
        Assert.Equal(HttpStatusCode.BadRequest, wrongCode.Status);
        Assert.Contains("That code didn't work", WebUtility.HtmlDecode(wrongCode.Html));
    }

    [Fact]
    public async Task An_approved_code_redeems_once_and_an_expired_one_is_expired_token()
    {
        var body = await DeviceCode();
        using var browser = new Browser(Server);
        var signIn = await browser.Submit(await browser.Get($"{Server.Origin}/devicelogin"), ("otc", body.GetProperty("user_code").GetString()!));
        await browser.Submit(await browser.SignIn(signIn, "ada@woodgrove.example", Woodgrove.Password), ("confirm", "yes"));
        var device = body.GetProperty("device_code").GetString()!;
        var tokens = await Poll(device);
        Assert.Equal(HttpStatusCode.OK, tokens.StatusCode);
        await ErrorTests.AssertEntraError(await Poll(device), 400, 90120, "invalid_grant", null);

        var stale = (await DeviceCode()).GetProperty("device_code").GetString()!;
        Server.Clock.Offset = TimeSpan.FromMinutes(16);
        try
        {
            await ErrorTests.AssertEntraError(await Poll(stale), 400, 70020, "expired_token", null);
        }
        finally
        {
            Server.Clock.Offset = TimeSpan.Zero;
        }
    }

    private string Authorize(string extra = "") =>
        $"{Server.Origin}/{Woodgrove.Domain}/oauth2/v2.0/authorize?client_id={Woodgrove.Web}&response_type=code&redirect_uri={Uri.EscapeDataString(Woodgrove.WebRedirect)}&scope=openid&state=x{extra}";

    [Fact]
    public async Task Logout_calls_front_channel_urls_returns_only_to_registered_uris_and_ends_single_sign_on()
    {
        using var browser = new Browser(Server) { StopAt = "http://" };
        var signedIn = await browser.SignIn(await browser.Get(Authorize()), "ada@woodgrove.example", Woodgrove.Password);
        var sid = HttpUtility.ParseQueryString(signedIn.Url.Query)["session_state"];

        var unregistered = await browser.Get($"{Server.Origin}/{Woodgrove.Domain}/oauth2/v2.0/logout?client_id={Woodgrove.Web}&post_logout_redirect_uri={Uri.EscapeDataString("https://evil.example/")}");
        Assert.Equal(HttpStatusCode.OK, unregistered.Status);
        Assert.Contains("You signed out of your account", unregistered.Html);
        Assert.Contains($"http://127.0.0.1:9/front-channel-logout?sid={sid}", unregistered.Html);
        // The page may frame the apps' logout URLs, and only their origins; nobody may frame the page.
        Assert.Contains("frame-src http://127.0.0.1:9;", unregistered.Headers["Content-Security-Policy"]);
        Assert.Contains("frame-ancestors 'none'", unregistered.Headers["Content-Security-Policy"]);
        Assert.DoesNotContain(browser.Redirects, r => r.Host == "evil.example");

        var silent = await browser.Get(Authorize("&prompt=none"));
        Assert.Equal("login_required", HttpUtility.ParseQueryString(silent.Url.Query)["error"]);

        await browser.SignIn(await browser.Get(Authorize()), "ada@woodgrove.example", Woodgrove.Password);
        var registered = await browser.Get($"{Server.Origin}/{Woodgrove.Domain}/oauth2/v2.0/logout?client_id={Woodgrove.Web}&post_logout_redirect_uri={Uri.EscapeDataString("http://127.0.0.1/signout-callback-oidc")}&state=bye");
        Assert.Contains("url=http://127.0.0.1/signout-callback-oidc?state=bye", registered.Html);
    }

    [Fact]
    public async Task Logout_hint_signs_out_only_that_account()
    {
        using var browser = new Browser(Server) { StopAt = "http://" };
        await browser.SignIn(await browser.Get(Authorize()), "ada@woodgrove.example", Woodgrove.Password);
        await browser.SignIn(await browser.Get(Authorize("&prompt=login")), "ben@woodgrove.example", Woodgrove.Password);
        await browser.Get($"{Server.Origin}/{Woodgrove.Domain}/oauth2/v2.0/logout?logout_hint=ben%40woodgrove.example");
        var silent = await browser.Get(Authorize("&prompt=none"));
        Assert.NotNull(HttpUtility.ParseQueryString(silent.Url.Query)["code"]);
    }

    [Fact]
    public async Task Userinfo_answers_a_graph_token_with_the_users_profile()
    {
        using var http = Server.CreateClient();
        var token = await http.PostAsync($"/{Woodgrove.Domain}/oauth2/v2.0/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "password",
            ["client_id"] = Woodgrove.Desktop,
            ["username"] = "ada@woodgrove.example",
            ["password"] = Woodgrove.Password,
            ["scope"] = "openid profile email",
        }));
        var tokens = JsonDocument.Parse(await token.Content.ReadAsStringAsync()).RootElement;
        using var request = new HttpRequestMessage(HttpMethod.Get, "/oidc/userinfo");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", tokens.GetProperty("access_token").GetString());
        var info = JsonDocument.Parse(await (await http.SendAsync(request)).Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(["sub", "name", "family_name", "given_name", "email"], info.EnumerateObject().Select(p => p.Name));
        Assert.Equal(TokenAssertions.Payload(tokens.GetProperty("id_token").GetString()!).GetProperty("sub").GetString(), info.GetProperty("sub").GetString());
        Assert.Equal("Archer", info.GetProperty("family_name").GetString());

        using var bad = new HttpRequestMessage(HttpMethod.Get, "/oidc/userinfo");
        bad.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "garbage");
        Assert.Equal(HttpStatusCode.Unauthorized, (await http.SendAsync(bad)).StatusCode);
    }
}

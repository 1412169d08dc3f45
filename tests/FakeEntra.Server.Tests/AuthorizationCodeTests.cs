using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Web;
using FakeEntra.Server.Tests.Infrastructure;
using B64 = System.Buffers.Text.Base64Url;

namespace FakeEntra.Server.Tests;

/// <summary>The authorization endpoint and code redemption, driven through the pages over HTTP.</summary>
public class AuthorizationCodeTests(WoodgroveServer woodgrove) : IClassFixture<WoodgroveServer>
{
    private FakeEntraServer Server => woodgrove.Server;

    private static (string Verifier, string Challenge) Pkce()
    {
        var verifier = B64.EncodeToString(RandomNumberGenerator.GetBytes(32));
        return (verifier, B64.EncodeToString(SHA256.HashData(Encoding.ASCII.GetBytes(verifier))));
    }

    private string AuthorizeUrl(string challenge, string state = "s1", string extra = "", string redirect = Woodgrove.WebRedirect, string responseType = "code") =>
        $"{Server.Origin}/{Woodgrove.Domain}/oauth2/v2.0/authorize?client_id={Woodgrove.Web}&response_type={Uri.EscapeDataString(responseType)}" +
        $"&redirect_uri={Uri.EscapeDataString(redirect)}&scope={Uri.EscapeDataString("openid profile offline_access api://middle/Middle.Call")}" +
        $"&state={Uri.EscapeDataString(state)}&code_challenge={challenge}&code_challenge_method=S256{extra}";

    private static Dictionary<string, string> Query(Uri uri, bool fragment = false)
    {
        var parsed = HttpUtility.ParseQueryString(fragment ? uri.Fragment.TrimStart('#') : uri.Query);
        return parsed.AllKeys.ToDictionary(k => k!, k => parsed[k]!);
    }

    private async Task<(Browser Browser, Dictionary<string, string> Response)> SignInForCode(string challenge, string state = "s1")
    {
        var browser = new Browser(Server) { StopAt = Woodgrove.WebRedirect };
        var page = await browser.SignIn(await browser.Get(AuthorizeUrl(challenge, state)), "ada@woodgrove.example", Woodgrove.Password);
        Assert.StartsWith(Woodgrove.WebRedirect, page.Url.ToString());
        return (browser, Query(page.Url));
    }

    private async Task<(HttpStatusCode Status, JsonElement Body)> Redeem(string code, string verifier, string redirect = Woodgrove.WebRedirect)
    {
        using var http = Server.CreateClient();
        var response = await http.PostAsync($"/{Woodgrove.Domain}/oauth2/v2.0/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "authorization_code",
            ["client_id"] = Woodgrove.Web,
            ["client_secret"] = Woodgrove.WebSecret,
            ["code"] = code,
            ["redirect_uri"] = redirect,
            ["code_verifier"] = verifier,
            ["scope"] = "openid profile offline_access api://middle/Middle.Call",
        }));
        return (response.StatusCode, JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone());
    }

    [Fact]
    public async Task The_pages_sign_ada_in_and_the_code_redeems_for_her_tokens()
    {
        var (verifier, challenge) = Pkce();
        var state = "a state with spaces & symbols/=?";
        var (browser, response) = await SignInForCode(challenge, state);
        using var disposeBrowser = browser;
        Assert.Equal(state, response["state"]);
        Assert.True(response.ContainsKey("session_state"));

        var (status, body) = await Redeem(response["code"], verifier);
        Assert.True(status == HttpStatusCode.OK, body.GetRawText());
        var access = TokenAssertions.Payload(body.GetProperty("access_token").GetString()!);
        Assert.Equal(Woodgrove.Middle, access.GetProperty("aud").GetString());
        Assert.Equal(Woodgrove.Ada, access.GetProperty("oid").GetString());
        Assert.Equal("Middle.Call", access.GetProperty("scp").GetString());
        Assert.Equal("1", access.GetProperty("azpacr").GetString());
        var id = TokenAssertions.Payload(body.GetProperty("id_token").GetString()!);
        Assert.Equal(Woodgrove.Web, id.GetProperty("aud").GetString());
        Assert.Equal(response["session_state"], id.GetProperty("sid").GetString());
        Assert.True(id.TryGetProperty("auth_time", out _));
        Assert.True(id.TryGetProperty("login_hint", out _));
        Assert.Equal("api://middle/Middle.Call", body.GetProperty("scope").GetString());
    }

    [Fact]
    public async Task A_second_authorization_is_single_sign_on_and_prompt_login_asks_again()
    {
        var (_, challenge) = Pkce();
        var (browser, _) = await SignInForCode(challenge);
        using var disposeBrowser = browser;
        var again = await browser.Get(AuthorizeUrl(challenge, "s2"));
        Assert.StartsWith(Woodgrove.WebRedirect, again.Url.ToString());
        Assert.Equal("s2", Query(again.Url)["state"]);

        var forced = await browser.Get(AuthorizeUrl(challenge, "s3", "&prompt=login"));
        Assert.Equal("username", forced.Step);

        var picker = await browser.Get(AuthorizeUrl(challenge, "s4", "&prompt=select_account"));
        Assert.Equal("pick", picker.Step);
        Assert.Contains("ada@woodgrove.example", picker.Html);
        var picked = await browser.Submit(picker, ("account", "0"));
        Assert.StartsWith(Woodgrove.WebRedirect, picked.Url.ToString());

        var silent = await browser.Get(AuthorizeUrl(challenge, "s5", "&prompt=none"));
        Assert.True(Query(silent.Url).ContainsKey("code"));
    }

    [Fact]
    public async Task Prompt_none_without_a_session_is_login_required_at_the_redirect_uri()
    {
        using var browser = new Browser(Server) { StopAt = Woodgrove.WebRedirect };
        var page = await browser.Get(AuthorizeUrl(Pkce().Challenge, "quiet", "&prompt=none"));
        var response = Query(page.Url);
        Assert.Equal("login_required", response["error"]);
        Assert.StartsWith("AADSTS50058: ", response["error_description"]);
        Assert.Contains("\r\nTrace ID: ", response["error_description"]);
        Assert.Equal("quiet", response["state"]);
    }

    [Fact]
    public async Task Login_hint_prefills_and_domain_hint_goes_straight_to_the_branded_password_page()
    {
        using var browser = new Browser(Server) { StopAt = Woodgrove.WebRedirect };
        var hinted = await browser.Get(AuthorizeUrl(Pkce().Challenge, extra: "&login_hint=ben%40woodgrove.example"));
        Assert.Equal("ben@woodgrove.example", hinted.Fields["login"]);

        var domain = await browser.Get(AuthorizeUrl(Pkce().Challenge, extra: "&domain_hint=woodgrove.example"));
        Assert.Equal("password", domain.Step);
        Assert.Contains("Woodgrove<small>woodgrove.example</small>", domain.Html);
        var done = await browser.Submit(domain, ("login", "ada@woodgrove.example"), ("passwd", Woodgrove.Password));
        Assert.True(Query(done.Url).ContainsKey("code"));
    }

    [Fact]
    public async Task Wrong_passwords_and_unknown_names_stay_on_the_page_with_a_message()
    {
        using var browser = new Browser(Server) { StopAt = Woodgrove.WebRedirect };
        var first = await browser.Get(AuthorizeUrl(Pkce().Challenge));
        var unknown = await browser.Submit(first, ("login", "nobody@woodgrove.example"));
        Assert.Equal("username", unknown.Step);
        Assert.Contains("This username may be incorrect", unknown.Html);
        var password = await browser.Submit(unknown, ("login", "ada@woodgrove.example"));
        Assert.Equal("password", password.Step);
        Assert.Contains("Woodgrove<small>woodgrove.example</small>", password.Html);
        var wrong = await browser.Submit(password, ("passwd", "nope"));
        Assert.Equal("password", wrong.Step);
        Assert.Contains("Your account or password is incorrect", wrong.Html);
    }

    [Fact]
    public async Task A_replayed_code_is_AADSTS54005_and_revokes_the_refresh_token_it_issued()
    {
        var (verifier, challenge) = Pkce();
        var (browser, response) = await SignInForCode(challenge);
        using var disposeBrowser = browser;
        var (status, first) = await Redeem(response["code"], verifier);
        Assert.Equal(HttpStatusCode.OK, status);
        var (replayStatus, replay) = await Redeem(response["code"], verifier);
        Assert.Equal(HttpStatusCode.BadRequest, replayStatus);
        Assert.Equal(54005, replay.GetProperty("error_codes")[0].GetInt32());

        using var http = Server.CreateClient();
        var refresh = await http.PostAsync($"/{Woodgrove.Domain}/oauth2/v2.0/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "refresh_token",
            ["client_id"] = Woodgrove.Web,
            ["client_secret"] = Woodgrove.WebSecret,
            ["refresh_token"] = first.GetProperty("refresh_token").GetString()!,
        }));
        await ErrorTests.AssertEntraError(refresh, 400, 70000, "invalid_grant", null);
    }

    [Fact]
    public async Task A_code_redeemed_by_many_clients_at_once_issues_tokens_once()
    {
        // Redemptions arriving together share one commit; the database still lets exactly one through.
        var (verifier, challenge) = Pkce();
        var (browser, response) = await SignInForCode(challenge);
        using var disposeBrowser = browser;
        var (other, otherChallenge) = Pkce();
        var (otherBrowser, otherResponse) = await SignInForCode(otherChallenge, "s2");
        using var disposeOther = otherBrowser;

        var results = await Task.WhenAll(Enumerable.Range(0, 16).Select(i => i % 2 == 0 ? Redeem(response["code"], verifier) : Redeem(otherResponse["code"], other)));

        foreach (var code in new[] { 0, 1 })
        {
            var mine = results.Where((_, i) => i % 2 == code).ToArray();
            Assert.Single(mine, r => r.Status == HttpStatusCode.OK);
            Assert.All(mine.Where(r => r.Status != HttpStatusCode.OK), r =>
            {
                Assert.Equal(HttpStatusCode.BadRequest, r.Status);
                Assert.Equal(54005, r.Body.GetProperty("error_codes")[0].GetInt32());
            });
        }
    }

    [Fact]
    public async Task An_expired_code_is_AADSTS70008_and_a_wrong_verifier_AADSTS501481()
    {
        var (verifier, challenge) = Pkce();
        var (browser, response) = await SignInForCode(challenge);
        using var disposeBrowser = browser;
        var (status, wrong) = await Redeem(response["code"], Pkce().Verifier);
        Assert.Equal((HttpStatusCode.BadRequest, 501481), (status, wrong.GetProperty("error_codes")[0].GetInt32()));

        var (_, challenge2) = Pkce();
        var (browser2, response2) = await SignInForCode(challenge2);
        using var disposeBrowser2 = browser2;
        Server.Clock.Offset = TimeSpan.FromMinutes(11);
        try
        {
            var (expiredStatus, expired) = await Redeem(response2["code"], verifier);
            Assert.Equal((HttpStatusCode.BadRequest, 70008), (expiredStatus, expired.GetProperty("error_codes")[0].GetInt32()));
        }
        finally
        {
            Server.Clock.Offset = TimeSpan.Zero;
        }
    }

    [Fact]
    public async Task A_different_redirect_uri_at_redemption_is_refused()
    {
        var (verifier, challenge) = Pkce();
        var (browser, response) = await SignInForCode(challenge);
        using var disposeBrowser = browser;
        var (status, body) = await Redeem(response["code"], verifier, "http://127.0.0.1/signout-callback-oidc");
        Assert.Equal((HttpStatusCode.BadRequest, 500112), (status, body.GetProperty("error_codes")[0].GetInt32()));
    }

    [Fact]
    public async Task An_unregistered_redirect_uri_shows_AADSTS50011_and_never_redirects()
    {
        using var browser = new Browser(Server);
        var page = await browser.Get(AuthorizeUrl(Pkce().Challenge, redirect: "https://evil.example/callback"));
        Assert.Equal(HttpStatusCode.BadRequest, page.Status);
        Assert.Contains("data-error-code=\"50011\"", page.Html);
        Assert.Empty(browser.Redirects);
    }

    [Theory]
    [InlineData("&response_type=token", "unsupported_response_type")]
    [InlineData("&code_challenge_method=plain&client_id=b0000000-0000-4000-8000-0000000000c2&redirect_uri=http%3A%2F%2Flocalhost%3A5555", "invalid_request")]
    [InlineData("&response_mode=query&response_type=id_token&nonce=n", "invalid_request")]
    public async Task Bad_requests_after_a_valid_redirect_uri_go_back_to_the_app(string extra, string error)
    {
        // Every app redirect URI here is plain http; FakeEntra itself is https.
        using var browser = new Browser(Server) { StopAt = "http://" };
        var url = AuthorizeUrl(Pkce().Challenge, "bad") + extra;
        // Later duplicates of a parameter must not win: rebuild the query with the test's values replacing the defaults.
        var uri = new Uri(url);
        var merged = HttpUtility.ParseQueryString(uri.Query);
        foreach (var pair in extra.TrimStart('&').Split('&').Select(p => p.Split('=')))
            merged[pair[0]] = Uri.UnescapeDataString(pair[1]);
        var page = await browser.Get($"{uri.GetLeftPart(UriPartial.Path)}?{merged}");
        var response = Query(page.Url, fragment: page.Url.Fragment.Length > 0);
        Assert.Equal(error, response["error"]);
        Assert.Equal("bad", response["state"]);
    }

    [Fact]
    public async Task A_tampered_sign_in_context_is_a_400_page_not_a_500()
    {
        using var browser = new Browser(Server);
        var page = await browser.Get(AuthorizeUrl(Pkce().Challenge));
        var tampered = await browser.Submit(page, ("login", "ada@woodgrove.example"), ("ctx", page.Fields["ctx"][..^4] + "AAAA"));
        Assert.Equal(HttpStatusCode.BadRequest, tampered.Status);
        Assert.Contains("data-error-code=\"90100\"", tampered.Html);
    }

    [Fact]
    public async Task Hybrid_and_id_token_responses_come_in_the_fragment_with_nonce_and_c_hash()
    {
        using var browser = new Browser(Server) { StopAt = Woodgrove.WebRedirect };
        var page = await browser.SignIn(await browser.Get(AuthorizeUrl(Pkce().Challenge, responseType: "code id_token", extra: "&nonce=n-0S6")), "ada@woodgrove.example", Woodgrove.Password);
        var response = Query(page.Url, fragment: true);
        var id = TokenAssertions.Payload(response["id_token"]);
        Assert.Equal("n-0S6", id.GetProperty("nonce").GetString());
        var expected = B64.EncodeToString(SHA256.HashData(Encoding.ASCII.GetBytes(response["code"])).AsSpan(0, 16));
        Assert.Equal(expected, id.GetProperty("c_hash").GetString());

        var idOnly = await browser.Get(AuthorizeUrl(Pkce().Challenge, responseType: "id_token", extra: "&nonce=n2"));
        var onlyResponse = Query(idOnly.Url, fragment: true);
        Assert.False(onlyResponse.ContainsKey("code"));
        Assert.Equal("n2", TokenAssertions.Payload(onlyResponse["id_token"]).GetProperty("nonce").GetString());
    }
}

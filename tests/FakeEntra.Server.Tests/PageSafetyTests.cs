using System.Net;
using System.Text.RegularExpressions;
using Deque.AxeCore.Playwright;
using FakeEntra.Server.Hosting;
using FakeEntra.Server.Tests.Infrastructure;
using Microsoft.Playwright;
using OtpNet;

namespace FakeEntra.Server.Tests;

/// <summary>
/// Every page FakeEntra serves, for people and against forgery: axe-core finds nothing serious or critical on any of them
/// (each in its plain and its refused state), a form post without this browser's anti-forgery token is refused with a
/// 400 page, and every page carries the Content-Security-Policy and anti-framing headers, its cookies the flags they need.
/// </summary>
public class PageSafetyTests(FakeEntraServer server) : IClassFixture<FakeEntraServer>
{
    private static readonly string[] Blocking = ["serious", "critical"];

    [SkippableFact]
    public async Task No_page_has_a_serious_or_critical_axe_violation()
    {
        Chromium.SkipUnlessInstalled();
        await using var app = await LoopbackApp.StartAsync();
        await using var chromium = await BrowserTests.OpenAsync(server);
        var person = chromium.Person;
        var page = person.Page;
        var violations = new List<string>();
        var checkedPages = new List<string>();
        async Task Check(string name)
        {
            checkedPages.Add(name);
            var result = await page.RunAxe();
            violations.AddRange(result.Violations.Where(v => Blocking.Contains(v.Impact)).Select(v =>
                $"{name}: {v.Id} ({v.Impact}) {v.Help} at {string.Join("; ", v.Nodes.Select(n => n.Html))}"));
        }

        await page.GotoAsync(server.Origin);
        await Check("start page");
        await page.GotoAsync($"{server.Origin}/inspect");
        await Check("token inspector");
        await page.GotoAsync($"{server.Origin}/{World.Contoso}/oauth2/v2.0/authorize?client_id={Guid.Empty}&response_type=code&scope=openid");
        await Check("error page");

        await page.GotoAsync($"{server.Origin}/devicelogin");
        await Check("device code entry");
        await person.TypeAndEnterAsync("Enter code", "Code", "NOTACODE1");
        await person.ExpectAlertAsync();
        await Check("device code entry, wrong code");

        // bob at Contoso: every step of a first B2B direct connect sign-in, with a refused try on each page that has one.
        await page.GotoAsync(BrowserTests.Authorize(server, World.Contoso, app, "openid " + World.SharedChannelsScope, "axe"));
        await Check("sign in (e-mail)");
        await person.TypeAndEnterAsync("Sign in", "Email address", "nobody@contoso.com");
        await person.ExpectAlertAsync();
        await Check("sign in (e-mail), unknown name");
        await person.TypeAndEnterAsync("Sign in", "Email address", "bob@fabrikam.com");
        await person.ExpectPageAsync("Enter password");
        await Check("password");
        await person.TypeAndEnterAsync("Enter password", "Password", "wrong");
        await person.ExpectAlertAsync();
        await Check("password, wrong");
        await person.TypeAndEnterAsync("Enter password", "Password", World.Password);
        await person.ExpectPageAsync("Enter code");
        await Check("MFA code");
        await person.TypeAndEnterAsync("Enter code", "Code", "000000");
        await person.ExpectAlertAsync();
        await Check("MFA code, wrong");
        await person.TypeAndEnterAsync("Enter code", "Code", new Totp(Base32Encoding.ToBytes("JBSWY3DPEHPK3PXP")).ComputeTotp());
        await person.ExpectPageAsync("Share your info with Contoso?");
        await Check("privacy statement");
        await person.EnterOnAsync("Share your info with Contoso?", "Accept");
        await person.ReachAsync(app);

        // The Files API asks which device this is (a device control applies); the session already knows bob.
        app.Reset();
        await page.GotoAsync(BrowserTests.Authorize(server, World.Contoso, app, "openid " + World.FilesScope, "device"));
        await person.ExpectPageAsync("Which device are you using?");
        await Check("device choice");
        await page.Keyboard.PressAsync("Enter");
        await person.ExpectAlertAsync();
        await Check("device choice, none chosen");

        app.Reset();
        await page.GotoAsync(BrowserTests.Authorize(server, World.Contoso, app, "openid " + World.SharedChannelsScope, "pick") + "&prompt=select_account");
        await Check("account picker");

        using var http = server.CreateClient();
        var device = System.Text.Json.JsonDocument.Parse(await (await http.PostAsync($"/{World.Contoso}/oauth2/v2.0/devicecode", new FormUrlEncodedContent(
            new Dictionary<string, string> { ["client_id"] = World.Client, ["scope"] = "openid " + World.SharedChannelsScope }))).Content.ReadAsStringAsync()).RootElement;
        await page.GotoAsync($"{server.Origin}/devicelogin");
        await person.TypeAndEnterAsync("Enter code", "Code", device.GetProperty("user_code").GetString()!);
        await person.TypeAndEnterAsync("Sign in", "Email address", "alice@contoso.com");
        await person.TypeAndEnterAsync("Enter password", "Password", World.Password);
        await person.ExpectPageAsync("Are you trying to sign in to Shared Channels Client?");
        await Check("device code confirmation");
        await person.EnterOnAsync("Are you trying to sign in to Shared Channels Client?", "Continue");
        await person.ExpectPageAsync("Shared Channels Client");
        await Check("device code done");

        // A post whose anti-forgery cookie is gone (as if made from another site) ends on the 400 page.
        await page.GotoAsync(BrowserTests.Authorize(server, World.Contoso, app, "openid", "forged") + "&prompt=login");
        await page.Context.ClearCookiesAsync(new() { Name = FormProtection.CookieName });
        await person.TypeAndEnterAsync("Sign in", "Email address", "alice@contoso.com");
        await Microsoft.Playwright.Assertions.Expect(page.Locator("#error-code")).ToHaveAttributeAsync("data-error-code", "90100");
        await Check("refused post");

        await page.GotoAsync($"{server.Origin}/common/oauth2/v2.0/logout");
        await person.ExpectPageAsync("You signed out of your account");
        await Check("logout");

        Assert.Equal(19, checkedPages.Count);
        Assert.True(violations.Count == 0, string.Join("\n", violations));
        Assert.Empty(person.PolicyViolations);
    }

    [Fact]
    public async Task A_form_post_without_this_browsers_anti_forgery_token_is_refused_with_a_400_page()
    {
        using var browser = new Browser(server);
        var signIn = await browser.Get($"{server.Origin}/{World.Contoso}/oauth2/v2.0/authorize?client_id={World.Client}&response_type=code" +
                                       $"&redirect_uri={Uri.EscapeDataString("http://localhost:7777/")}&scope=openid&state=s");
        Assert.Equal("username", signIn.Step);
        var token = signIn.Fields[FormProtection.FieldName];

        // Without the token, with a token of another browser, and with the token but without this browser's cookie.
        using var other = new Browser(server);
        var othersToken = (await other.Get($"{server.Origin}/devicelogin")).Fields[FormProtection.FieldName];
        Assert.NotEqual(token, othersToken);
        using var cookieless = server.CreateClient();
        var forged = new[]
        {
            await browser.Submit(signIn with { Html = signIn.Html.Replace(token, "", StringComparison.Ordinal) }, ("login", "alice@contoso.com")),
            await browser.Submit(signIn, ("login", "alice@contoso.com"), (FormProtection.FieldName, othersToken)),
            await AsPage(await cookieless.PostAsync(signIn.FormAction, new FormUrlEncodedContent(signIn.Fields.Append(new("login", "alice@contoso.com"))))),
            await AsPage(await cookieless.PostAsync("/devicelogin", new FormUrlEncodedContent([new("otc", "ABCDEFGHJ"), new(FormProtection.FieldName, token)]))),
        };
        foreach (var refused in forged)
        {
            Assert.Equal(HttpStatusCode.BadRequest, refused.Status);
            Assert.Contains("data-error-code=\"90100\"", refused.Html);
            Assert.Contains($"{FormProtection.FieldName} parameter is empty or not valid", WebUtility.HtmlDecode(refused.Html));
        }

        // The same post as the page made it goes on to the password.
        Assert.Equal("password", (await browser.Submit(signIn, ("login", "alice@contoso.com"))).Step);
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/inspect")]
    [InlineData("/devicelogin")]
    [InlineData("/{contoso}/oauth2/v2.0/authorize?client_id={client}&response_type=code&redirect_uri=http%3A%2F%2Flocalhost%3A7777%2F&scope=openid")]
    [InlineData("/{contoso}/oauth2/v2.0/authorize?client_id=00000000-0000-0000-0000-000000000000&response_type=code&scope=openid")]
    [InlineData("/common/oauth2/v2.0/logout")]
    public async Task Every_page_forbids_framing_and_inline_script_and_style(string path)
    {
        using var browser = new Browser(server);
        var page = await browser.Get(server.Origin + path.Replace("{contoso}", World.Contoso, StringComparison.Ordinal).Replace("{client}", World.Client, StringComparison.Ordinal));
        Assert.StartsWith("text/html", page.Headers["Content-Type"]);
        Assert.Equal(SecurityHeaders.ContentSecurityPolicy, page.Headers["Content-Security-Policy"]);
        Assert.Contains("frame-ancestors 'none'", page.Headers["Content-Security-Policy"]);
        Assert.DoesNotContain("unsafe-inline", page.Headers["Content-Security-Policy"]);
        Assert.Equal("DENY", page.Headers["X-Frame-Options"]);
        Assert.Equal("nosniff", page.Headers["X-Content-Type-Options"]);
        Assert.Equal("no-referrer", page.Headers["Referrer-Policy"]);
        // What the policy would refuse is not in the markup: no inline style or script, no event handler attributes.
        Assert.DoesNotMatch(new Regex("<style|style=|<script>|<script(?![^>]*(src=|type=\"application/json\"))| on[a-z]+=", RegexOptions.IgnoreCase), page.Html);
    }

    [Fact]
    public async Task Json_answers_carry_no_page_policy()
    {
        using var http = server.CreateClient();
        var discovery = await http.GetAsync($"/{World.Contoso}/v2.0/.well-known/openid-configuration");
        Assert.False(discovery.Headers.Contains("Content-Security-Policy"));
        var stylesheet = await http.GetAsync("/static/fakeentra.css");
        Assert.Equal("text/css", stylesheet.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task The_anti_forgery_cookie_is_lax_and_the_session_cookie_crosses_sites_both_secure_and_http_only()
    {
        using var browser = new Browser(server) { StopAt = "http://localhost:7777/" };
        var signIn = await browser.Get($"{server.Origin}/{World.Contoso}/oauth2/v2.0/authorize?client_id={World.Client}&response_type=code" +
                                       $"&redirect_uri={Uri.EscapeDataString("http://localhost:7777/")}&scope=openid&state=s&prompt=login");
        var antiforgery = Cookie(signIn, FormProtection.CookieName);
        Assert.Contains("secure", antiforgery);
        Assert.Contains("httponly", antiforgery);
        Assert.Contains("samesite=lax", antiforgery);

        var password = await browser.Submit(signIn, ("login", "alice@contoso.com"));
        var back = await browser.Submit(password, ("passwd", World.Password));
        Assert.NotNull(System.Web.HttpUtility.ParseQueryString(back.Url.Query)["code"]);
        var session = Cookie(back, "fakeentra.session");
        Assert.Contains("secure", session);
        Assert.Contains("httponly", session);
        Assert.Contains("samesite=none", session);
    }

    private static string Cookie(Page page, string name) =>
        page.Headers.TryGetValue("Set-Cookie", out var cookies)
            ? cookies.Split('\n').Where(c => c.StartsWith(name + "=", StringComparison.Ordinal)).Select(c => c.ToLowerInvariant()).Single()
            : throw new InvalidOperationException($"No Set-Cookie on {page.Url}");

    private static async Task<Page> AsPage(HttpResponseMessage response) =>
        new(response.StatusCode, response.RequestMessage!.RequestUri!, await response.Content.ReadAsStringAsync());
}

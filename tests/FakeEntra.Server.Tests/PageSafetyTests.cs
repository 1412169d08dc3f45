using System.Net;
using System.Text.RegularExpressions;
using Deque.AxeCore.Playwright;
using FakeEntra.Server.Hosting;
using FakeEntra.Server.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
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
        var axe = new AxeAudit(page);
        var Check = axe.CheckAsync;

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

        Assert.Equal(19, axe.Pages.Count);
        Assert.True(axe.Violations.Count == 0, string.Join("\n", axe.Violations));
        Assert.Empty(person.PolicyViolations);
    }

    [SkippableFact]
    public async Task No_admin_console_page_has_a_serious_or_critical_axe_violation()
    {
        Chromium.SkipUnlessInstalled();
        await using var chromium = await BrowserTests.OpenAsync(server, 1360, 900);
        var person = chromium.Person;
        var page = person.Page;
        var axe = new AxeAudit(page);
        await AdminConsoleBrowserTests.SignInToConsoleAsync(server, person, "alice@contoso.com");
        foreach (var path in AdminConsolePages)
        {
            await page.GotoAsync(server.Origin + path);
            await axe.CheckAsync(path);
        }
        await page.GotoAsync($"{server.Origin}/admin/signIns");
        await page.Locator("details summary").First.ClickAsync();
        await axe.CheckAsync("sign-in log, a trace open");

        // Each form in its refused state: the error beside its field.
        await page.GotoAsync($"{server.Origin}/admin/crossTenantAccess/partners/{World.Fabrikam}");
        await page.Locator("#b2bDirectConnectInbound-usersAndGroups-appliesTo-selected").CheckAsync();
        await page.Locator("#b2bDirectConnectInbound-usersAndGroups-targets").FillAsync("group Marketing");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await person.ExpectAlertAsync();
        await axe.CheckAsync("cross-tenant settings, refused");
        await page.GotoAsync($"{server.Origin}/admin/crossTenantAccess");
        await page.GetByLabel("Tenant id or domain name").FillAsync("nowhere.example");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add organization" }).ClickAsync();
        await person.ExpectAlertAsync();
        await axe.CheckAsync("add organization, refused");
        await page.GotoAsync($"{server.Origin}/admin/conditionalAccess/f9220e94-c1f8-43e0-a8a9-6b9d3c67a26d");
        await page.GetByLabel("Require multifactor authentication").UncheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await person.ExpectAlertAsync();
        await axe.CheckAsync("Conditional Access policy, refused");
        await page.GotoAsync($"{server.Origin}/admin/whatIf");
        await page.GetByLabel("User", new() { Exact = true }).FillAsync("nobody@nowhere.example");
        await page.GetByRole(AriaRole.Button, new() { Name = "Evaluate" }).ClickAsync();
        await person.ExpectAlertAsync();
        await axe.CheckAsync("what if, refused");
        await page.GetByLabel("User", new() { Exact = true }).FillAsync("dan@northwind.com");
        await page.GetByLabel("Application signed in to").SelectOptionAsync(new SelectOptionValue { Label = "Shared Channels API" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Evaluate" }).ClickAsync();
        await Microsoft.Playwright.Assertions.Expect(page.Locator("#outcome")).ToContainTextAsync("AADSTS500213");
        await axe.CheckAsync("what if, answered");

        // A post whose anti-forgery cookie is gone ends on the 400 page.
        await page.GotoAsync($"{server.Origin}/admin/whatIf");
        await page.Context.ClearCookiesAsync(new() { Name = FormProtection.CookieName });
        await page.GetByRole(AriaRole.Button, new() { Name = "Evaluate" }).ClickAsync();
        await Microsoft.Playwright.Assertions.Expect(page.Locator("#error-code")).ToHaveAttributeAsync("data-error-code", "90100");
        await axe.CheckAsync("refused post");

        // Someone without an administrator role.
        var bob = new KeyboardPerson(await (await page.Context.Browser!.NewContextAsync()).NewPageAsync());
        await AdminConsoleBrowserTests.SignInToConsoleAsync(server, bob, "bob@fabrikam.com");
        await bob.ExpectPageAsync("Access denied");
        var bobsAxe = new AxeAudit(bob.Page);
        await bobsAxe.CheckAsync("access denied");

        Assert.Equal(AdminConsolePages.Length + 7, axe.Pages.Count);
        Assert.True(axe.Violations.Count + bobsAxe.Violations.Count == 0, string.Join("\n", axe.Violations.Concat(bobsAxe.Violations)));
        Assert.Empty(person.PolicyViolations);
        Assert.Empty(bob.PolicyViolations);
    }

    /// <summary>axe-core over the page as it is now; what is serious or critical is collected with the page's name.</summary>
    private sealed class AxeAudit(IPage page)
    {
        public List<string> Pages { get; } = [];
        public List<string> Violations { get; } = [];

        public async Task CheckAsync(string name)
        {
            Pages.Add(name);
            var result = await page.RunAxe();
            Violations.AddRange(result.Violations.Where(v => Blocking.Contains(v.Impact)).Select(v =>
                $"{name}: {v.Id} ({v.Impact}) {v.Help} at {string.Join("; ", v.Nodes.Select(n => n.Html))}"));
        }
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

    [Fact]
    public async Task An_admin_console_post_without_this_browsers_anti_forgery_token_is_refused_and_changes_nothing()
    {
        using var browser = new Browser(server);
        await browser.SignIn(await browser.Get($"{server.Origin}/admin"), "alice@contoso.com", World.Password);
        var partner = await browser.Get($"{server.Origin}/admin/crossTenantAccess/partners/{World.Fabrikam}");
        // The page has several forms (sign-out, save, remove), each with this browser's token: the first one's.
        var token = (partner with { Html = partner.Html[..partner.Html.IndexOf("</form>", StringComparison.Ordinal)] }).Fields[FormProtection.FieldName];
        using var other = new Browser(server);
        var othersToken = (await other.Get($"{server.Origin}/devicelogin")).Fields[FormProtection.FieldName];
        var audits = server.Services.GetRequiredService<Graph.DirectoryAuditStore>().Read(new Guid(World.Contoso)).Count;

        // A forged "remove Fabrikam", as another site would post it with alice's cookies: without the token, with another
        // browser's token, and with the token but without this browser's cookies.
        var delete = $"/admin/crossTenantAccess/partners/{World.Fabrikam}/delete";
        var form = (string? t) => partner with { Html = $"<form method=\"post\" action=\"{delete}\">{(t is null ? "" : $"<input type=\"hidden\" name=\"{FormProtection.FieldName}\" value=\"{t}\">")}</form>" };
        using var cookieless = server.CreateClient();
        var forged = new[]
        {
            await browser.Submit(form(null)),
            await browser.Submit(form(othersToken)),
            await AsPage(await cookieless.PostAsync(delete, new FormUrlEncodedContent([new(FormProtection.FieldName, token)]))),
            await browser.Submit(form(null) with { Html = $"<form method=\"post\" action=\"/admin/signout\"></form>" }),
        };
        foreach (var refused in forged)
        {
            Assert.Equal(HttpStatusCode.BadRequest, refused.Status);
            Assert.Contains("data-error-code=\"90100\"", refused.Html);
        }
        var contoso = server.Services.GetRequiredService<FakeEntra.Server.World.DirectoryState>().Current.FindTenant(new Guid(World.Contoso))!;
        Assert.Contains(contoso.CrossTenantAccessPolicy.Partners, p => p.TenantId == new Guid(World.Fabrikam));
        Assert.Equal(audits, server.Services.GetRequiredService<Graph.DirectoryAuditStore>().Read(new Guid(World.Contoso)).Count);

        // The page's own form, with its token, is accepted (the what-if changes nothing).
        var whatIf = await browser.Get($"{server.Origin}/admin/whatIf");
        var asked = await browser.Submit(whatIf with { Html = whatIf.Html[whatIf.Html.IndexOf("<form method=\"post\" action=\"/admin/whatIf\"", StringComparison.Ordinal)..] },
            ("userPrincipalName", "bob@fabrikam.com"), ("resourceAppId", World.SharedChannelsApi), ("mfaDone", "true"));
        Assert.Equal(HttpStatusCode.OK, asked.Status);
        Assert.Contains("id=\"outcome\"", asked.Html);
    }

    [Fact]
    public async Task The_admin_consoles_cookies_are_secure_http_only_and_only_for_the_console_the_session_strict()
    {
        using var browser = new Browser(server) { StopAt = $"{server.Origin}/organizations/" };
        var challenge = await browser.Get($"{server.Origin}/admin");
        var pending = Cookie(challenge, "fakeentra.admin.signin");
        Assert.Contains("secure", pending);
        Assert.Contains("httponly", pending);
        Assert.Contains("samesite=lax", pending);
        Assert.Contains("path=/admin", pending);

        browser.StopAt = $"{server.Origin}/admin/signin-oidc";
        var back = await browser.SignIn(await browser.Get(challenge.Url.ToString()), "alice@contoso.com", World.Password);
        browser.StopAt = $"{server.Origin}/admin";
        var callback = await browser.Get(back.Url.ToString());
        var session = Cookie(callback, "fakeentra.admin");
        Assert.Contains("secure", session);
        Assert.Contains("httponly", session);
        Assert.Contains("samesite=strict", session);
        Assert.Contains("path=/admin", session);
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
        AssertPagePolicy(await browser.Get(server.Origin + path.Replace("{contoso}", World.Contoso, StringComparison.Ordinal).Replace("{client}", World.Client, StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Every_admin_console_page_forbids_framing_and_inline_script_and_style()
    {
        using var browser = new Browser(server);
        await browser.SignIn(await browser.Get($"{server.Origin}/admin"), "alice@contoso.com", World.Password);
        foreach (var path in AdminConsolePages)
        {
            var page = await browser.Get(server.Origin + path);
            Assert.True(page.Status == HttpStatusCode.OK, $"{path}: {page.Status}");
            Assert.Equal(server.Origin + path, page.Url.ToString());
            AssertPagePolicy(page);
        }
        // The plain page of a callback the browser did not ask for.
        AssertPagePolicy(await browser.Get($"{server.Origin}/admin/signin-oidc?code=c&state=s"));
    }

    /// <summary>Every page of the admin console, as Contoso's administrator reaches it.</summary>
    public static readonly string[] AdminConsolePages =
    [
        "/admin", "/admin/users", "/admin/groups", "/admin/applications", "/admin/devices", "/admin/crossTenantAccess", "/admin/crossTenantAccess/default",
        $"/admin/crossTenantAccess/partners/{World.Fabrikam}", "/admin/conditionalAccess", "/admin/conditionalAccess/new",
        "/admin/conditionalAccess/f9220e94-c1f8-43e0-a8a9-6b9d3c67a26d", "/admin/signIns", "/admin/audit", "/admin/whatIf",
    ];

    private static void AssertPagePolicy(Page page)
    {
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

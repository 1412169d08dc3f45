using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using FakeEntra.Server.SignInLogs;
using FakeEntra.Server.SignInPages.Steps;
using FakeEntra.Server.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using OtpNet;
using static Microsoft.Playwright.Assertions;
using B64 = System.Buffers.Text.Base64Url;

namespace FakeEntra.Server.Tests;

/// <summary>
/// A person in headless Chromium (Debian's package, driven by Playwright) signs in through the real pages with the
/// keyboard only: typing and pressing Enter (or Tab to another button), never clicking. Screenshots of the pages go to the
/// test output's <c>screenshots</c> folder (the README's come from there).
/// </summary>
public class BrowserTests(FakeEntraServer server) : IClassFixture<FakeEntraServer>
{
    private static readonly string Screenshots = Path.Combine(AppContext.BaseDirectory, "screenshots");

    [SkippableFact]
    public async Task Alice_signs_in_with_the_keyboard_and_the_redirect_carries_a_code_for_her_id_token()
    {
        Chromium.SkipUnlessInstalled();
        Directory.CreateDirectory(Screenshots);
        var verifier = B64.EncodeToString(RandomNumberGenerator.GetBytes(32));
        var challenge = B64.EncodeToString(SHA256.HashData(Encoding.ASCII.GetBytes(verifier)));
        await using var app = await LoopbackApp.StartAsync();
        var authorize = Authorize(server, "contoso.com", app, "openid profile offline_access " + World.SharedChannelsScope, "browser-state") +
                        $"&nonce=browser-nonce&code_challenge={challenge}&code_challenge_method=S256";
        await using var chromium = await OpenAsync(server);
        var person = chromium.Person;

        await person.Page.GotoAsync(authorize);
        await person.TypeAndEnterAsync("Sign in", "Email address", "alice@contoso.com", Path.Combine(Screenshots, "1-sign-in.png"));
        // Enter on the password page signs in (it used to go Back): a wrong password is refused on the same page, announced,
        // and the field is empty again and focused for the next try.
        await person.TypeAndEnterAsync("Enter password", "Password", "not-her-password", Path.Combine(Screenshots, "2-password.png"));
        await Expect(person.Page.GetByRole(AriaRole.Alert)).ToHaveTextAsync(PasswordStep.WrongPassword);
        Assert.Contains("alice@contoso.com", await person.Page.Locator(".identity").InnerTextAsync());
        await Expect(person.Page.GetByLabel("Password")).ToHaveValueAsync("");
        Assert.Contains("Contoso", await person.Page.Locator(".brand").InnerTextAsync());
        await person.TypeAndEnterAsync("Enter password", "Password", World.Password);

        var response = await person.ReachAsync(app);
        Assert.Equal("browser-state", response["state"]);
        var id = TokenAssertions.Payload((await Redeem(server, app, response["code"], verifier)).GetProperty("id_token").GetString()!);
        Assert.Equal(World.Alice, id.GetProperty("oid").GetString());
        Assert.Equal("alice@contoso.com", id.GetProperty("preferred_username").GetString());
        Assert.Equal("browser-nonce", id.GetProperty("nonce").GetString());

        // A second visit is single sign-on: no page, straight back to the app.
        app.Reset();
        await person.Page.GotoAsync(authorize.Replace("browser-state", "second", StringComparison.Ordinal));
        Assert.Equal("second", (await person.ReachAsync(app))["state"]);
        Assert.Empty(person.PolicyViolations);
    }

    [SkippableFact]
    public async Task Bob_signs_in_at_contoso_with_the_keyboard_doing_mfa_at_home_and_accepting_the_privacy_statement()
    {
        Chromium.SkipUnlessInstalled();
        await using var fresh = new FakeEntraServer();
        await fresh.InitializeAsync();
        await using var app = await LoopbackApp.StartAsync();
        await using var chromium = await OpenAsync(fresh);
        var person = chromium.Person;

        await person.Page.GotoAsync(Authorize(fresh, World.Contoso, app, "openid " + World.SharedChannelsScope, "bob-state"));
        await SignInAsBobAsync(person);
        await person.EnterOnAsync("Share your info with Contoso?", "Accept");

        var response = await person.ReachAsync(app);
        Assert.Equal("bob-state", response["state"]);
        var access = TokenAssertions.Payload((await Redeem(fresh, app, response["code"])).GetProperty("access_token").GetString()!);
        Assert.Equal(World.Contoso, access.GetProperty("tid").GetString());
        Assert.Equal(World.Bob, access.GetProperty("oid").GetString());
        Assert.Empty(person.PolicyViolations);
    }

    [SkippableFact]
    public async Task Declining_the_privacy_statement_returns_access_denied_with_the_state_to_the_app_and_is_logged()
    {
        Chromium.SkipUnlessInstalled();
        await using var fresh = new FakeEntraServer();
        await fresh.InitializeAsync();
        await using var app = await LoopbackApp.StartAsync();
        await using var chromium = await OpenAsync(fresh);
        var person = chromium.Person;

        // form_post: the answer is posted to the app by the page's script, which the Content-Security-Policy must allow.
        await person.Page.GotoAsync(Authorize(fresh, World.Contoso, app, "openid " + World.SharedChannelsScope, "decline-state") + "&response_mode=form_post");
        await SignInAsBobAsync(person);
        await person.ExpectPageAsync("Share your info with Contoso?");
        await person.TabToAndEnterAsync("Cancel");

        var response = await person.ReachAsync(app);
        Assert.Equal("access_denied", response["error"]);
        Assert.Equal("cancel", response["error_subcode"]);
        Assert.StartsWith("AADSTS65004: User declined to consent to access the app.\r\nTrace ID: ", response["error_description"]);
        Assert.Equal("decline-state", response["state"]);
        Assert.False(response.ContainsKey("code"));
        Assert.Empty(person.PolicyViolations);

        await fresh.Services.GetRequiredService<SignInLogWriter>().FlushAsync();
        var store = fresh.Services.GetRequiredService<SignInLogStore>();
        foreach (var tenant in new[] { World.Contoso, World.Fabrikam })
        {
            var row = Assert.Single(store.Read(new Guid(tenant), 100), r => r.UserPrincipalName == "bob@fabrikam.com");
            Assert.Equal(65004, row.Status.ErrorCode);
            Assert.Equal("b2bDirectConnect", row.CrossTenantAccessType);
            Assert.True(row.IsInteractive);
        }
    }

    [SkippableFact]
    public async Task A_device_code_is_entered_and_confirmed_with_the_keyboard_and_the_device_gets_its_tokens()
    {
        Chromium.SkipUnlessInstalled();
        using var http = server.CreateClient();
        var device = JsonDocument.Parse(await (await http.PostAsync($"/{World.Contoso}/oauth2/v2.0/devicecode", new FormUrlEncodedContent(
            new Dictionary<string, string> { ["client_id"] = World.Client, ["scope"] = "openid " + World.SharedChannelsScope }))).Content.ReadAsStringAsync()).RootElement;
        await using var chromium = await OpenAsync(server);
        var person = chromium.Person;

        await person.Page.GotoAsync(device.GetProperty("verification_uri").GetString()!);
        await person.TypeAndEnterAsync("Enter code", "Code", device.GetProperty("user_code").GetString()!);
        await person.TypeAndEnterAsync("Sign in", "Email address", "alice@contoso.com");
        await person.TypeAndEnterAsync("Enter password", "Password", World.Password);
        await person.EnterOnAsync("Are you trying to sign in to Shared Channels Client?", "Continue");
        await person.ExpectPageAsync("Shared Channels Client");

        var tokens = await http.PostAsync($"/{World.Contoso}/oauth2/v2.0/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "urn:ietf:params:oauth:grant-type:device_code",
            ["client_id"] = World.Client,
            ["device_code"] = device.GetProperty("device_code").GetString()!,
        }));
        var body = JsonDocument.Parse(await tokens.Content.ReadAsStringAsync()).RootElement;
        Assert.True(tokens.StatusCode == HttpStatusCode.OK, body.GetRawText());
        Assert.Equal(World.Alice, TokenAssertions.Payload(body.GetProperty("access_token").GetString()!).GetProperty("oid").GetString());
        Assert.Empty(person.PolicyViolations);
    }

    /// <summary>bob@fabrikam.com's name, password and (branded with his home organization) his authenticator's code.</summary>
    public static async Task SignInAsBobAsync(KeyboardPerson person)
    {
        await person.TypeAndEnterAsync("Sign in", "Email address", "bob@fabrikam.com");
        await person.TypeAndEnterAsync("Enter password", "Password", World.Password);
        await person.ExpectPageAsync("Enter code");
        Assert.Contains("Fabrikam", await person.Page.Locator(".brand").InnerTextAsync());
        await person.TypeAndEnterAsync("Enter code", "Code", new Totp(Base32Encoding.ToBytes("JBSWY3DPEHPK3PXP")).ComputeTotp());
    }

    public static string Authorize(FakeEntraServer server, string tenant, LoopbackApp app, string scope, string state) =>
        $"{server.Origin}/{tenant}/oauth2/v2.0/authorize?client_id={World.Client}&response_type=code&redirect_uri={Uri.EscapeDataString(app.RedirectUri)}" +
        $"&scope={Uri.EscapeDataString(scope)}&state={state}";

    private static async Task<JsonElement> Redeem(FakeEntraServer server, LoopbackApp app, string code, string? verifier = null)
    {
        using var http = server.CreateClient();
        var form = new Dictionary<string, string>
        {
            ["grant_type"] = "authorization_code",
            ["client_id"] = World.Client,
            ["code"] = code,
            ["redirect_uri"] = app.RedirectUri,
        };
        if (verifier is not null) form["code_verifier"] = verifier;
        var response = await http.PostAsync($"/{World.Contoso}/oauth2/v2.0/token", new FormUrlEncodedContent(form));
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.True(response.IsSuccessStatusCode, body.GetRawText());
        return body;
    }

    public static async Task<ChromiumSession> OpenAsync(FakeEntraServer server, int width = 900, int height = 700)
    {
        var playwright = await Playwright.CreateAsync();
        var browser = await Chromium.LaunchAsync(playwright, server.DataDirectory);
        var page = await browser.NewPageAsync(new() { ViewportSize = new() { Width = width, Height = height } });
        return new ChromiumSession(playwright, browser, new KeyboardPerson(page));
    }
}

/// <summary>Playwright, its Chromium and the person using it, closed together.</summary>
public sealed class ChromiumSession(IPlaywright playwright, IBrowser browser, KeyboardPerson person) : IAsyncDisposable
{
    public KeyboardPerson Person { get; } = person;

    public async ValueTask DisposeAsync()
    {
        await browser.DisposeAsync();
        playwright.Dispose();
    }
}

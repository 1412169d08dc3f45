using System.Security.Cryptography;
using System.Text;
using System.Web;
using FakeEntra.Server.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Extensions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Playwright;
using B64 = System.Buffers.Text.Base64Url;

namespace FakeEntra.Server.Tests;

/// <summary>
/// A person in headless Chromium (Debian's package, driven by Playwright) signs in through the real pages. Screenshots of
/// each page go to the test output's <c>screenshots</c> folder.
/// </summary>
public class BrowserTests(FakeEntraServer server) : IClassFixture<FakeEntraServer>
{
    private static readonly string Screenshots = Path.Combine(AppContext.BaseDirectory, "screenshots");

    [SkippableFact]
    public async Task Alice_signs_in_in_chromium_and_the_redirect_carries_a_code_for_her_id_token()
    {
        Chromium.SkipUnlessInstalled();
        Directory.CreateDirectory(Screenshots);

        var verifier = B64.EncodeToString(RandomNumberGenerator.GetBytes(32));
        var challenge = B64.EncodeToString(SHA256.HashData(Encoding.ASCII.GetBytes(verifier)));
        // The app behind the redirect URI, a real listener on loopback that records where the browser was sent.
        // The client registers http://localhost, which matches any port (path "/"), as in Entra.
        string? landed = null;
        var appBuilder = WebApplication.CreateBuilder();
        appBuilder.WebHost.UseUrls("http://127.0.0.1:0");
        appBuilder.Logging.SetMinimumLevel(Microsoft.Extensions.Logging.LogLevel.Warning);
        await using var app = appBuilder.Build();
        app.MapGet("/", (HttpContext context) =>
        {
            landed = context.Request.GetEncodedUrl();
            return Results.Content("<h1>Signed in (test app)</h1>", "text/html");
        });
        await app.StartAsync();
        var port = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First()).Port;
        var redirect = $"http://localhost:{port}/";
        var authorize = $"{server.Origin}/contoso.com/oauth2/v2.0/authorize?client_id={World.Client}&response_type=code" +
                        $"&redirect_uri={Uri.EscapeDataString(redirect)}&scope={Uri.EscapeDataString("openid profile offline_access " + World.SharedChannelsScope)}" +
                        $"&state=browser-state&nonce=browser-nonce&code_challenge={challenge}&code_challenge_method=S256";

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Chromium.LaunchAsync(playwright, server.DataDirectory);
        var page = await browser.NewPageAsync(new() { ViewportSize = new() { Width = 900, Height = 700 } });

        await page.GotoAsync(authorize);
        await page.GetByLabel("Email address").FillAsync("alice@contoso.com");
        await page.ScreenshotAsync(new() { Path = Path.Combine(Screenshots, "1-sign-in.png") });
        await page.GetByRole(AriaRole.Button, new() { Name = "Next" }).ClickAsync();

        await page.GetByLabel("Password").WaitForAsync();
        Assert.Contains("Contoso", await page.Locator(".brand").InnerTextAsync());
        Assert.Contains("alice@contoso.com", await page.Locator(".identity").InnerTextAsync());
        await page.GetByLabel("Password").FillAsync(World.Password);
        await page.ScreenshotAsync(new() { Path = Path.Combine(Screenshots, "2-password.png") });
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.WaitForURLAsync(url => url.StartsWith(redirect, StringComparison.Ordinal));
        await page.ScreenshotAsync(new() { Path = Path.Combine(Screenshots, "3-back-at-the-app.png") });

        var query = HttpUtility.ParseQueryString(new Uri(landed!).Query);
        Assert.Equal("browser-state", query["state"]);
        using var http = server.CreateClient();
        var token = await http.PostAsync($"/{World.Contoso}/oauth2/v2.0/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "authorization_code",
            ["client_id"] = World.Client,
            ["code"] = query["code"]!,
            ["redirect_uri"] = redirect,
            ["code_verifier"] = verifier,
        }));
        var body = System.Text.Json.JsonDocument.Parse(await token.Content.ReadAsStringAsync()).RootElement;
        Assert.True(token.IsSuccessStatusCode, body.GetRawText());
        var id = TokenAssertions.Payload(body.GetProperty("id_token").GetString()!);
        Assert.Equal(World.Alice, id.GetProperty("oid").GetString());
        Assert.Equal("alice@contoso.com", id.GetProperty("preferred_username").GetString());
        Assert.Equal("browser-nonce", id.GetProperty("nonce").GetString());

        // A second visit is single sign-on: no page, straight back to the app.
        landed = null;
        await page.GotoAsync(authorize.Replace("browser-state", "second", StringComparison.Ordinal));
        Assert.Contains("state=second", landed);
    }
}

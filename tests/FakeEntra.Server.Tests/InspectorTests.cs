using System.Text;
using System.Text.Json;
using FakeEntra.Core.DirectoryObjects;
using FakeEntra.Server.SignInLogs;
using FakeEntra.Server.Tests.Infrastructure;
using FakeEntra.Server.World;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using OtpNet;
using B64 = System.Buffers.Text.Base64Url;

namespace FakeEntra.Server.Tests;

/// <summary>The token inspector at /inspect, in headless Chromium: FakeEntra tokens verified with their trace, foreign ones decoded locally only.</summary>
public class InspectorTests(FakeEntraServer server) : IClassFixture<FakeEntraServer>
{
    [SkippableFact]
    public async Task A_cross_tenant_fakeentra_token_shows_signature_valid_its_tenants_and_the_decision_trace()
    {
        Chromium.SkipUnlessInstalled();
        var otp = new Totp(Base32Encoding.ToBytes("JBSWY3DPEHPK3PXP")).ComputeTotp();
        var token = await PasswordToken($"username=grace@northwind.com&password={World.Password}", $"?fakeentra_otp={otp}");
        await server.Services.GetRequiredService<SignInLogWriter>().FlushAsync();
        var row = server.Services.GetRequiredService<SignInLogStore>().Read(new Guid(World.Contoso), 500)
            .First(r => r.UserPrincipalName == "grace@northwind.com" && r.Status.ErrorCode == 0);

        var (page, requests, close) = await OpenInspector();
        await using var _ = close;
        await page.GetByLabel("Token").FillAsync(token);
        await page.GetByRole(AriaRole.Button, new() { Name = "Inspect" }).ClickAsync();
        var verdict = page.Locator(".verdict");
        await Microsoft.Playwright.Assertions.Expect(verdict).ToContainTextAsync("Signature valid");

        var text = await verdict.InnerTextAsync();
        Assert.Contains("Not expired", text);
        Assert.Contains($"Issuing tenant: Contoso ({World.Contoso})", text);
        Assert.Contains($"Home tenant: Northwind ({World.Northwind}) — a cross-tenant token", text);
        Assert.Contains($"Sign-in {row.Id}", text);
        Assert.Equal(row.FakeEntraDecisionTrace, await page.Locator("ol.trace li").AllInnerTextsAsync());
        Assert.Contains("Token identifier", await page.Locator("tr[data-claim=uti]").InnerTextAsync());
        Assert.Contains("tenant the user is signing in to", await page.Locator("tr[data-claim=tid]").InnerTextAsync());
        Assert.Contains(requests, r => r.EndsWith("/inspect/verify", StringComparison.Ordinal));
    }

    [SkippableFact]
    public async Task A_token_from_elsewhere_is_decoded_in_the_page_without_any_request_to_the_server()
    {
        Chromium.SkipUnlessInstalled();
        var foreign = Jwt(new { typ = "JWT", alg = "RS256", kid = "elsewhere" }, new
        {
            iss = "https://login.microsoftonline.com/72f988bf-86f1-41af-91ab-2d7cd011db47/v2.0",
            aud = "api://someone-else",
            exp = DateTimeOffset.UtcNow.AddHours(-1).ToUnixTimeSeconds(),
            scp = "User.Read",
        });

        var (page, requests, close) = await OpenInspector();
        await using var _ = close;
        requests.Clear();
        await page.GetByLabel("Token").FillAsync(foreign);
        await page.GetByRole(AriaRole.Button, new() { Name = "Inspect" }).ClickAsync();
        var verdict = page.Locator(".verdict");
        await Microsoft.Playwright.Assertions.Expect(verdict).ToContainTextAsync("Not issued by this FakeEntra");
        Assert.Contains("Expired", await verdict.InnerTextAsync());
        Assert.Contains("User.Read", await page.Locator("tr[data-claim=scp]").InnerTextAsync());
        Assert.Contains("Delegated permissions", await page.Locator("tr[data-claim=scp]").InnerTextAsync());
        await page.WaitForTimeoutAsync(300);
        Assert.Empty(requests);
    }

    [SkippableFact]
    public async Task Used_as_a_redirect_uri_with_form_post_it_inspects_the_id_token_of_a_sign_in()
    {
        Chromium.SkipUnlessInstalled();
        var inspect = $"{server.Origin}/inspect";
        var directory = server.Services.GetRequiredService<DirectoryState>().Current;
        var home = directory.Tenants.First(t => t.Applications.Any(a => a.AppId == new Guid(World.Client)));
        // As an admin would register it (scenario web.redirectUris or Graph): the inspector as a web redirect URI with ID tokens.
        await server.Services.GetRequiredService<DirectoryWriter>().UpdateAsync(home.Id, tenant => tenant with
        {
            Applications = [.. tenant.Applications.Select(a => a.AppId != new Guid(World.Client) ? a : a with
            {
                Web = a.Web with { RedirectUris = [.. a.Web.RedirectUris, inspect], ImplicitGrantSettings = new ImplicitGrantSettings { EnableIdTokenIssuance = true } },
            })],
        });

        var (page, _, close) = await OpenInspector();
        await using var __ = close;
        await page.GotoAsync($"{server.Origin}/contoso.com/oauth2/v2.0/authorize?client_id={World.Client}&response_type=id_token&response_mode=form_post" +
                             $"&redirect_uri={Uri.EscapeDataString(inspect)}&scope=openid%20profile&nonce=inspect-nonce&state=s");
        await page.GetByLabel("Email address").FillAsync("alice@contoso.com");
        await page.GetByRole(AriaRole.Button, new() { Name = "Next" }).ClickAsync();
        await page.GetByLabel("Password").FillAsync(World.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();

        var section = page.Locator("section[data-token=id_token]");
        await Microsoft.Playwright.Assertions.Expect(section.Locator(".verdict")).ToContainTextAsync("Signature valid");
        Assert.Contains("inspect-nonce", await section.Locator("tr[data-claim=nonce]").InnerTextAsync());
        Assert.Equal(inspect, page.Url);
    }

    [SkippableFact]
    public async Task A_code_flow_token_in_the_fragment_shows_the_interactive_sign_in_that_produced_it()
    {
        Chromium.SkipUnlessInstalled();
        const string redirect = "http://localhost:7777/";
        using var signIn = new Browser(server) { StopAt = redirect };
        var landed = await PrivacyConsent.Answer(signIn, await signIn.Get($"{server.Origin}/{World.Contoso}/oauth2/v2.0/authorize?client_id={World.Client}" +
            $"&response_type=code&redirect_uri={Uri.EscapeDataString(redirect)}&scope={Uri.EscapeDataString("openid " + World.SharedChannelsScope)}&state=s"), "alice@contoso.com");
        var code = System.Web.HttpUtility.ParseQueryString(landed.Url.Query)["code"]!;
        using var http = server.CreateClient();
        var response = await http.PostAsync($"/{World.Contoso}/oauth2/v2.0/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "authorization_code",
            ["client_id"] = World.Client,
            ["code"] = code,
            ["redirect_uri"] = redirect,
        }));
        var token = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("access_token").GetString()!;
        await server.Services.GetRequiredService<SignInLogWriter>().FlushAsync();
        // The pages logged the decision; the redemption for the same resource logs nothing new.
        var row = server.Services.GetRequiredService<SignInLogStore>().Read(new Guid(World.Contoso), 500)
            .First(r => r.UserPrincipalName == "alice@contoso.com" && r.IsInteractive);

        var (page, _, close) = await OpenInspector();
        await using var _ = close;
        await page.GotoAsync($"{server.Origin}/inspect#access_token={token}&state=s");
        var verdict = page.Locator("section[data-token=access_token] .verdict");
        await Microsoft.Playwright.Assertions.Expect(verdict).ToContainTextAsync($"Sign-in {row.Id}");
        Assert.Equal(row.FakeEntraDecisionTrace, await verdict.Locator("ol.trace li").AllInnerTextsAsync());
        Assert.Equal($"{server.Origin}/inspect", page.Url); // the token is taken out of the address bar
    }

    private async Task<(IPage Page, List<string> Requests, IAsyncDisposable Close)> OpenInspector()
    {
        var playwright = await Playwright.CreateAsync();
        var browser = await Chromium.LaunchAsync(playwright, server.DataDirectory);
        var page = await browser.NewPageAsync(new() { ViewportSize = new() { Width = 1200, Height = 900 } });
        var requests = new List<string>();
        page.Request += (_, request) => requests.Add(request.Url);
        await page.GotoAsync($"{server.Origin}/inspect", new() { WaitUntil = WaitUntilState.NetworkIdle });
        return (page, requests, new Closing(playwright, browser));
    }

    private sealed class Closing(IPlaywright playwright, IBrowser browser) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await browser.DisposeAsync();
            playwright.Dispose();
        }
    }

    private async Task<string> PasswordToken(string credentials, string query)
    {
        using var http = server.CreateClient();
        var response = await http.PostAsync($"/{World.Contoso}/oauth2/v2.0/token{query}", new StringContent(
            $"grant_type=password&client_id={World.Client}&{credentials}&scope={Uri.EscapeDataString(World.SharedChannelsScope)}",
            Encoding.UTF8, "application/x-www-form-urlencoded"));
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.True(response.IsSuccessStatusCode, body.GetRawText());
        return body.GetProperty("access_token").GetString()!;
    }

    private static string Jwt(object header, object payload) =>
        $"{B64.EncodeToString(JsonSerializer.SerializeToUtf8Bytes(header))}.{B64.EncodeToString(JsonSerializer.SerializeToUtf8Bytes(payload))}.c2lnbmF0dXJl";
}

using System.Net;
using System.Text.Json;
using System.Web;
using FakeEntra.Core.CrossTenantAccess;
using FakeEntra.Server.SignInLogs;
using FakeEntra.Server.Tests.Infrastructure;
using FakeEntra.Server.World;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Identity.Client;
using OtpNet;

namespace FakeEntra.Server.Tests;

#pragma warning disable CS0618 // AcquireTokenByUsernamePassword

/// <summary>The default world's outcome table end to end: MSAL.NET password grants with FakeEntra's parameters, and the pages.</summary>
public class CrossTenantTests(FakeEntraServer server) : IClassFixture<FakeEntraServer>
{
    private const string Litware = "9b857bb0-5fb4-4a8c-a685-a9b12a25ae3e";
    private const string FilesScope = "api://b6c7cace-ed66-497d-814d-480a90eb0bac/Files.ReadWrite";
    private const string FabrikamHeader = "641fb213-6aa7-422e-9fea-915a8e22bf84:0b51fa8f-feef-4f8c-a9a8-bcbf021dc5c4";
    private const string Laptop = "ac900416-06e0-4805-8c85-ad88f36a98e4";
    private const string Desktop = "25f4ff4e-afdc-450d-b07a-d02aa0a2e3b0";

    private static string Otp() => new Totp(Base32Encoding.ToBytes("JBSWY3DPEHPK3PXP")).ComputeTotp();

    private IPublicClientApplication Client(string tenant = World.Contoso, IReadOnlyDictionary<string, string>? headers = null) =>
        PublicClientApplicationBuilder.Create(World.Client)
            .WithAuthority($"{server.Origin}/{tenant}", validateAuthority: false)
            .WithInstanceDiscovery(false)
            .WithHttpClientFactory(server.MsalHttp(headers))
            .Build();

    private static Dictionary<string, string> Extra(bool otp = false, string? device = null)
    {
        var extra = new Dictionary<string, string>();
        if (otp) extra["fakeentra_otp"] = Otp();
        if (device is not null) extra["fakeentra_device_id"] = device;
        return extra;
    }

    private async Task<AuthenticationResult> SignIn(string upn, string scope, Dictionary<string, string> extra, string tenant = World.Contoso, IPublicClientApplication? app = null) =>
        await (app ?? Client(tenant)).AcquireTokenByUsernamePassword([scope], upn, World.Password).WithExtraQueryParameters(extra).ExecuteAsync();

    private async Task<MsalServiceException> Refused(string upn, string scope, Dictionary<string, string> extra, string tenant = World.Contoso) =>
        await Assert.ThrowsAnyAsync<MsalServiceException>(() => SignIn(upn, scope, extra, tenant));

    private async Task<IReadOnlyList<Core.Monitoring.SignIn>> Log(string tenant)
    {
        await server.Services.GetRequiredService<SignInLogWriter>().FlushAsync();
        return server.Services.GetRequiredService<SignInLogStore>().Read(new Guid(tenant), 500);
    }

    [Fact]
    public async Task Row_1_alice_is_a_member_without_idp()
    {
        var claims = TokenAssertions.Payload((await SignIn("alice@contoso.com", World.SharedChannelsScope, [])).AccessToken);
        Assert.Equal(0, claims.GetProperty("acct").GetInt32());
        Assert.False(claims.TryGetProperty("idp", out _));
    }

    [Fact]
    public async Task Row_2_bob_with_home_mfa_gets_a_contoso_token_over_direct_connect_logged_in_both_tenants()
    {
        await PrivacyConsent.GiveAsync(server, "bob@fabrikam.com", World.SharedChannelsScope);
        var result = await SignIn("bob@fabrikam.com", World.SharedChannelsScope, Extra(otp: true));
        var claims = TokenAssertions.Payload(result.AccessToken);
        Assert.Equal($"{server.Origin}/{World.Contoso}/v2.0", claims.GetProperty("iss").GetString());
        Assert.Equal(World.Contoso, claims.GetProperty("tid").GetString());
        Assert.Equal(World.Bob, claims.GetProperty("oid").GetString());
        Assert.Equal($"https://sts.windows.net/{World.Fabrikam}/", claims.GetProperty("idp").GetString());
        Assert.Equal(1, claims.GetProperty("acct").GetInt32());
        Assert.Equal(3600, claims.GetProperty("exp").GetInt64() - claims.GetProperty("iat").GetInt64());
        Assert.Equal($"{World.Bob}.{World.Fabrikam}", result.Account.HomeAccountId.Identifier);

        var correlation = result.CorrelationId;
        var home = (await Log(World.Fabrikam)).First(r => r.CorrelationId == correlation);
        var resource = (await Log(World.Contoso)).First(r => r.CorrelationId == correlation);
        foreach (var row in new[] { home, resource })
        {
            Assert.Equal(("b2bDirectConnect", 0, World.Bob), (row.CrossTenantAccessType, row.Status.ErrorCode, row.UserId.ToString()));
            Assert.Equal((new Guid(World.Fabrikam), new Guid(World.Contoso)), (row.HomeTenantId, row.ResourceTenantId));
            Assert.False(row.IsInteractive);
            Assert.NotEmpty(row.FakeEntraDecisionTrace);
        }
        Assert.Empty(home.AppliedConditionalAccessPolicies);
        Assert.Equal("Shared Channels Client", home.AppDisplayName);
        Assert.Contains(resource.AppliedConditionalAccessPolicies, p => p.DisplayName == "Require MFA for external users" && p.Result == "success");
        Assert.Null(resource.AppDisplayName);
    }

    [Theory]
    [InlineData("bob@fabrikam.com", false, null, 50076)]   // 3, non-interactive
    [InlineData("carol@fabrikam.com", false, null, 50079)] // 4
    [InlineData("dan@northwind.com", true, null, 500213)]  // 5
    [InlineData("eve@litware.com", true, null, 500212)]    // 6
    [InlineData("grace@northwind.com", false, null, 50076)] // 10, non-interactive without a code
    public async Task Refusals_of_the_outcome_table_for_the_shared_channels_api(string upn, bool otp, string? device, int code)
    {
        var error = await Refused(upn, World.SharedChannelsScope, Extra(otp, device));
        Assert.Contains($"AADSTS{code}:", error.Message);
        var failed = (await Log(World.Contoso)).First(r => r.CorrelationId.ToString() == error.CorrelationId);
        Assert.Equal(code, failed.Status.ErrorCode);
    }

    [Theory]
    [InlineData(Laptop, 0)]    // 7
    [InlineData(Desktop, 53000)] // 8
    [InlineData(null, 53000)]  // 9
    public async Task Devices_for_the_files_api(string? device, int code)
    {
        if (code != 0)
        {
            Assert.Contains($"AADSTS{code}:", (await Refused("bob@fabrikam.com", FilesScope, Extra(device: device))).Message);
            return;
        }
        await PrivacyConsent.GiveAsync(server, "bob@fabrikam.com", FilesScope);
        var claims = TokenAssertions.Payload((await SignIn("bob@fabrikam.com", FilesScope, Extra(device: device))).AccessToken);
        Assert.Equal(device, claims.GetProperty("deviceid").GetString());
    }

    [Fact]
    public async Task Row_10_grace_with_a_code_is_a_b2b_collaboration_guest_token()
    {
        var claims = TokenAssertions.Payload((await SignIn("grace@northwind.com", World.SharedChannelsScope, Extra(otp: true))).AccessToken);
        var guest = server.Services.GetRequiredService<DirectoryState>().Current.FindGuest(new Guid(World.Contoso), "grace@northwind.com")!;
        Assert.Equal(guest.Id.ToString(), claims.GetProperty("oid").GetString());
        Assert.Equal(1, claims.GetProperty("acct").GetInt32());
        Assert.Equal($"https://sts.windows.net/{World.Northwind}/", claims.GetProperty("idp").GetString());
        Assert.Equal("grace@northwind.com", claims.GetProperty("email").GetString());
        Assert.Contains(await Log(World.Contoso), r => r.UserPrincipalName == "grace@northwind.com" && r.CrossTenantAccessType == "b2bCollaboration" && r.Status.ErrorCode == 0);
    }

    [Fact]
    public async Task Tenant_restrictions_of_fabrikam_allow_alice_and_refuse_dan_at_northwind()
    {
        // Fabrikam's network adds its tenant-restrictions header to every request, as its proxy would.
        var fabrikamNetwork = new Dictionary<string, string> { ["sec-Restrict-Tenant-Access-Policy"] = FabrikamHeader };
        var alice = await Client(World.Contoso, fabrikamNetwork).AcquireTokenByUsernamePassword([World.SharedChannelsScope], "alice@contoso.com", World.Password).ExecuteAsync();
        Assert.NotNull(alice.AccessToken);
        var dan = await Assert.ThrowsAnyAsync<MsalServiceException>(() =>
            Client(World.Northwind, fabrikamNetwork).AcquireTokenByUsernamePassword(["User.Read"], "dan@northwind.com", World.Password).ExecuteAsync());
        Assert.Contains("AADSTS5000211:", dan.Message);
        Assert.Contains(await Log(World.Northwind), r => r.Status.ErrorCode == 5000211 && r.IsTenantRestricted);
    }

    [Theory]
    [InlineData("fakeentra_otp", "12ab", 90100)]
    [InlineData("fakeentra_otp", "000000", 500121)]
    [InlineData("fakeentra_device_id", "not-a-guid", 90100)]
    [InlineData("fakeentra_device_id", "00000000-0000-0000-0000-000000000001", 90100)]
    public async Task Bad_fakeentra_parameters_are_clear_errors_and_failed_rows(string name, string value, int code)
    {
        var error = await Refused("bob@fabrikam.com", World.SharedChannelsScope, new() { [name] = value });
        Assert.Contains($"AADSTS{code}:", error.Message);
        Assert.Contains(await Log(World.Contoso), r => r.CorrelationId.ToString() == error.CorrelationId && r.Status.ErrorCode == code);
    }

    [Theory]
    [InlineData("garbage")]
    [InlineData("641fb213-6aa7-422e-9fea-915a8e22bf84:00000000-0000-0000-0000-000000000000")]
    [InlineData("00000000-0000-0000-0000-0000000000ff:0b51fa8f-feef-4f8c-a9a8-bcbf021dc5c4")]
    public async Task A_tenant_restrictions_header_naming_no_known_policy_is_refused(string header)
    {
        using var http = server.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/{World.Contoso}/oauth2/v2.0/token")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["grant_type"] = "password",
                ["client_id"] = World.Client,
                ["username"] = "alice@contoso.com",
                ["password"] = World.Password,
                ["scope"] = World.SharedChannelsScope,
            }),
        };
        request.Headers.Add("sec-Restrict-Tenant-Access-Policy", header);
        await ErrorTests.AssertEntraError(await http.SendAsync(request), 400, 90100, "invalid_request", null);
    }

    [Fact]
    public async Task Example_2_applied_to_the_stored_setting_refuses_carol_at_her_next_refresh_and_keeps_bob()
    {
        await PrivacyConsent.GiveAsync(server, "bob@fabrikam.com", World.SharedChannelsScope);
        await PrivacyConsent.GiveAsync(server, "carol@fabrikam.com", FilesScope);
        var bobApp = Client();
        var carolApp = Client();
        var bob = await SignIn("bob@fabrikam.com", World.SharedChannelsScope, Extra(otp: true), app: bobApp);
        var carol = await SignIn("carol@fabrikam.com", FilesScope, Extra(device: Laptop), app: carolApp);

        var writer = server.Services.GetRequiredService<DirectoryWriter>();
        var original = server.Services.GetRequiredService<DirectoryState>().Current.FindTenant(new Guid(World.Contoso))!;
        await writer.UpdateAsync(new Guid(World.Contoso), contoso => contoso with
        {
            CrossTenantAccessPolicy = contoso.CrossTenantAccessPolicy with
            {
                Partners = [.. contoso.CrossTenantAccessPolicy.Partners.Select(p => p.TenantId != new Guid(World.Fabrikam) ? p : p with
                {
                    B2bDirectConnectInbound = p.B2bDirectConnectInbound! with
                    {
                        UsersAndGroups = new() { AccessType = "allowed", Targets = [new() { Target = "4b482ed1-2c44-46a5-a281-3faa7928b39f", TargetType = "group" }] },
                    },
                })],
            },
        });
        try
        {
            var refreshed = await bobApp.AcquireTokenSilent([World.SharedChannelsScope], bob.Account).WithForceRefresh(true).ExecuteAsync();
            Assert.Equal(World.Bob, TokenAssertions.Payload(refreshed.AccessToken).GetProperty("oid").GetString());
            var refused = await Assert.ThrowsAnyAsync<MsalServiceException>(() =>
                carolApp.AcquireTokenSilent([FilesScope], carol.Account).WithForceRefresh(true).ExecuteAsync());
            Assert.Contains("AADSTS500213:", refused.Message);
            var rows = await Log(World.Contoso);
            Assert.Contains(rows, r => r.UserPrincipalName == "carol@fabrikam.com" && r.Status.ErrorCode == 500213);
            Assert.True(rows.Count(r => r.UserPrincipalName == "bob@fabrikam.com" && r.Status.ErrorCode == 0) >= 2);
        }
        finally
        {
            await writer.UpdateAsync(new Guid(World.Contoso), _ => original);
        }
    }

    [Fact]
    public async Task Trust_withdrawn_blocks_bob_at_his_next_refresh()
    {
        await PrivacyConsent.GiveAsync(server, "bob@fabrikam.com", World.SharedChannelsScope);
        var app = Client();
        var bob = await SignIn("bob@fabrikam.com", World.SharedChannelsScope, Extra(otp: true), app: app);
        var writer = server.Services.GetRequiredService<DirectoryWriter>();
        var original = server.Services.GetRequiredService<DirectoryState>().Current.FindTenant(new Guid(World.Contoso))!;
        await writer.UpdateAsync(new Guid(World.Contoso), contoso => contoso with
        {
            CrossTenantAccessPolicy = contoso.CrossTenantAccessPolicy with
            {
                Partners = [.. contoso.CrossTenantAccessPolicy.Partners.Select(p => p.TenantId != new Guid(World.Fabrikam) ? p : p with
                {
                    InboundTrust = new CrossTenantAccessPolicyInboundTrust { IsMfaAccepted = false, IsCompliantDeviceAccepted = true },
                })],
            },
        });
        try
        {
            var refused = await Assert.ThrowsAnyAsync<MsalServiceException>(() => app.AcquireTokenSilent([World.SharedChannelsScope], bob.Account).WithForceRefresh(true).ExecuteAsync());
            Assert.Contains("AADSTS90072:", refused.Message);
        }
        finally
        {
            await writer.UpdateAsync(new Guid(World.Contoso), _ => original);
        }
    }

    // --- Through the pages ---

    private string Authorize(string scope, string state = "x") =>
        $"{server.Origin}/{World.Contoso}/oauth2/v2.0/authorize?client_id={World.Client}&response_type=code&redirect_uri={Uri.EscapeDataString("http://localhost:7777/")}" +
        $"&scope={Uri.EscapeDataString("openid profile " + scope)}&state={state}";

    private async Task<JsonElement> Redeem(Uri redirect, string scope)
    {
        var code = HttpUtility.ParseQueryString(redirect.Query)["code"] ?? throw new InvalidOperationException($"No code in {redirect}");
        using var http = server.CreateClient();
        var response = await http.PostAsync($"/{World.Contoso}/oauth2/v2.0/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "authorization_code",
            ["client_id"] = World.Client,
            ["code"] = code,
            ["redirect_uri"] = "http://localhost:7777/",
            ["scope"] = scope,
        }));
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
        Assert.True(response.IsSuccessStatusCode, body.GetRawText());
        return body;
    }

    [Fact]
    public async Task Interactive_bob_signs_in_at_contoso_with_fabrikam_credentials_and_completes_mfa_at_home()
    {
        using var browser = new Browser(server) { StopAt = "http://localhost:7777/" };
        var password = await browser.Submit(await browser.Get(Authorize(World.SharedChannelsScope)), ("login", "bob@fabrikam.com"));
        Assert.Contains("Fabrikam<small>fabrikam.com</small>", password.Html);
        var mfa = await browser.Submit(password, ("passwd", World.Password));
        Assert.Equal("mfa", mfa.Step);
        Assert.Contains("Fabrikam<small>fabrikam.com</small>", mfa.Html);
        var wrong = await browser.Submit(mfa, ("otc", "000000"));
        Assert.Equal("mfa", wrong.Step);
        var done = await PrivacyConsent.Answer(browser, await browser.Submit(wrong, ("otc", Otp())), "bob@fabrikam.com");
        var tokens = await Redeem(done.Url, World.SharedChannelsScope);
        var claims = TokenAssertions.Payload(tokens.GetProperty("access_token").GetString()!);
        Assert.Equal((World.Bob, World.Contoso, 1), (claims.GetProperty("oid").GetString(), claims.GetProperty("tid").GetString(), claims.GetProperty("acct").GetInt32()));
        Assert.Contains(await Log(World.Fabrikam), r => r.UserPrincipalName == "bob@fabrikam.com" && r.IsInteractive && r.CrossTenantAccessType == "b2bDirectConnect");

        // The session's MFA carries over: a second app of the same kind signs in without pages.
        var again = await browser.Get(Authorize(World.SharedChannelsScope, "again"));
        Assert.StartsWith("http://localhost:7777/", again.Url.ToString());
    }

    [Fact]
    public async Task Interactive_grace_completes_mfa_in_contoso_as_a_guest()
    {
        using var browser = new Browser(server) { StopAt = "http://localhost:7777/" };
        var mfa = await browser.SignIn(await browser.Get(Authorize(World.SharedChannelsScope)), "grace@northwind.com", World.Password);
        Assert.Equal("mfa", mfa.Step);
        Assert.Contains("Contoso<small>contoso.com</small>", mfa.Html);
        var tokens = await Redeem((await browser.Submit(mfa, ("otc", Otp()))).Url, World.SharedChannelsScope);
        Assert.Equal("grace@northwind.com", TokenAssertions.Payload(tokens.GetProperty("access_token").GetString()!).GetProperty("email").GetString());
    }

    [Theory]
    [InlineData(Laptop, true)]
    [InlineData(Desktop, false)]
    [InlineData("none", false)]
    public async Task Interactive_bob_says_which_device_he_is_on_for_the_files_api(string device, bool allowed)
    {
        using var browser = new Browser(server) { StopAt = "http://localhost:7777/" };
        var question = await browser.SignIn(await browser.Get(Authorize(FilesScope)), "bob@fabrikam.com", World.Password);
        Assert.Equal("device-identity", question.Step);
        Assert.Contains("FAB-LAPTOP-01", question.Html);
        var answer = await browser.Submit(question, ("device", device));
        if (!allowed)
        {
            Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
            Assert.Contains("data-error-code=\"53000\"", answer.Html);
            return;
        }
        var tokens = await Redeem((await PrivacyConsent.Answer(browser, answer, "bob@fabrikam.com")).Url, FilesScope);
        Assert.Equal(Laptop, TokenAssertions.Payload(tokens.GetProperty("access_token").GetString()!).GetProperty("deviceid").GetString());
    }

    [Theory]
    [InlineData("dan@northwind.com", 500213)]
    [InlineData("eve@litware.com", 500212)]
    [InlineData("carol@fabrikam.com", 50079)]
    public async Task Interactive_refusals_show_entras_error_page(string upn, int code)
    {
        using var browser = new Browser(server) { StopAt = "http://localhost:7777/" };
        var page = await browser.SignIn(await browser.Get(Authorize(World.SharedChannelsScope)), upn, World.Password);
        Assert.Equal(HttpStatusCode.BadRequest, page.Status);
        Assert.Contains($"data-error-code=\"{code}\"", page.Html);
        Assert.Contains(await Log(World.Contoso), r => r.UserPrincipalName == upn && r.Status.ErrorCode == code && r.IsInteractive);
    }

    [Fact]
    public async Task A_device_of_another_tenant_is_refused_with_a_failed_row()
    {
        var error = await Refused("dan@northwind.com", "User.Read", new() { ["fakeentra_device_id"] = Laptop }, World.Northwind);
        Assert.Contains("AADSTS90100:", error.Message);
        Assert.Contains("is not a device of Northwind", error.Message);
        Assert.Contains(await Log(World.Northwind), r => r.CorrelationId.ToString() == error.CorrelationId && r.Status.ErrorCode == 90100);
    }

    [Fact]
    public async Task A_first_direct_connect_sign_in_asks_to_accept_the_privacy_statement_and_consent_can_be_withdrawn()
    {
        await using var fresh = new FakeEntraServer();
        await fresh.InitializeAsync();
        var pca = PublicClientApplicationBuilder.Create(World.Client).WithAuthority($"{fresh.Origin}/{World.Contoso}", validateAuthority: false)
            .WithInstanceDiscovery(false).WithHttpClientFactory(fresh.MsalHttp()).Build();
        Task<AuthenticationResult> Grant() => pca.AcquireTokenByUsernamePassword([World.SharedChannelsScope], "bob@fabrikam.com", World.Password)
            .WithExtraQueryParameters(Extra(otp: true)).ExecuteAsync();
        Assert.Contains("AADSTS65001:", (await Assert.ThrowsAnyAsync<MsalServiceException>(Grant)).Message);

        using (var browser = new Browser(fresh) { StopAt = "http://localhost:7777/" })
        {
            var url = $"{fresh.Origin}/{World.Contoso}/oauth2/v2.0/authorize?client_id={World.Client}&response_type=code&redirect_uri={Uri.EscapeDataString("http://localhost:7777/")}&scope={Uri.EscapeDataString("openid " + World.SharedChannelsScope)}&state=privacy-state";
            var mfa = await browser.SignIn(await browser.Get(url), "bob@fabrikam.com", World.Password);
            var privacy = await browser.Submit(mfa, ("otc", Otp()));
            Assert.Equal("privacy", privacy.Step);
            Assert.Contains("https://contoso.com/privacy", privacy.Html);
            Assert.Contains("privacy@contoso.com", privacy.Html);
            // Declining returns to the app (query mode here) as Entra reports a cancelled consent.
            var declined = HttpUtility.ParseQueryString((await browser.Submit(privacy, ("consent", "no"))).Url.Query);
            Assert.Equal("access_denied", declined["error"]);
            Assert.Equal("cancel", declined["error_subcode"]);
            Assert.StartsWith("AADSTS65004: User declined to consent to access the app.", declined["error_description"]);
            Assert.Equal("privacy-state", declined["state"]);
            var accepted = await PrivacyConsent.Answer(browser, await browser.Get(url + "&prompt=login"), "bob@fabrikam.com");
            Assert.NotNull(HttpUtility.ParseQueryString(accepted.Url.Query)["code"]);
        }
        Assert.NotNull((await Grant()).AccessToken);

        using var http = fresh.CreateClient();
        http.DefaultRequestHeaders.Authorization = new("Bearer", await GraphClients.UserToken(fresh, World.Contoso, "alice@contoso.com", "User.Read"));
        var contact = JsonDocument.Parse(await http.GetStringAsync("/fakeentra/externalUsers?email=bob%40fabrikam.com")).RootElement;
        Assert.Equal("Bob Brown", contact.GetProperty("displayName").GetString());

        using var bobHttp = fresh.CreateClient();
        bobHttp.DefaultRequestHeaders.Authorization = new("Bearer", await GraphClients.UserToken(fresh, World.Fabrikam, "bob@fabrikam.com", "User.Read"));
        var consents = JsonDocument.Parse(await bobHttp.GetStringAsync("/fakeentra/me/privacyConsents")).RootElement.GetProperty("value");
        Assert.Equal(World.Contoso, consents[0].GetProperty("tenantId").GetString());
        Assert.Equal(HttpStatusCode.NoContent, (await bobHttp.DeleteAsync($"/fakeentra/me/privacyConsents/{World.Contoso}")).StatusCode);
        Assert.Contains("AADSTS65001:", (await Assert.ThrowsAnyAsync<MsalServiceException>(() =>
            pca.AcquireTokenByUsernamePassword([World.SharedChannelsScope], "bob@fabrikam.com", World.Password).WithExtraQueryParameters(Extra(otp: true)).ExecuteAsync())).Message);
    }
}

using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Web;
using FakeEntra.Server.SignInLogs;
using FakeEntra.Server.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using OtpNet;

namespace FakeEntra.Server.Tests;

/// <summary>
/// No token leaves without a decision for the resource it is for: a code redeemed for another resource, a refresh for
/// another resource, and on-behalf-of requests are judged (and logged) like a sign-in to that resource, and keep the user's kind.
/// </summary>
public class EveryPathDecidesTests(MiddleTierWorld world) : IClassFixture<MiddleTierWorld>
{
    private const string Redirect = "http://localhost:7777/";
    private const string FilesScope = "api://b6c7cace-ed66-497d-814d-480a90eb0bac/Files.ReadWrite";
    private const string GraceGuest = "c8cacd94-1781-404b-bfb0-e99a39bbe865";
    private const string Northwind = "58f608f4-ae3a-4c65-bf23-69c7099a405c";
    private FakeEntraServer Server => world.Server;

    private static string Otp() => new Totp(Base32Encoding.ToBytes("JBSWY3DPEHPK3PXP")).ComputeTotp();

    private async Task<(HttpStatusCode Status, JsonElement Body)> Token(Dictionary<string, string> form, string tenant = World.Contoso)
    {
        using var http = Server.CreateClient();
        var response = await http.PostAsync($"/{tenant}/oauth2/v2.0/token", new FormUrlEncodedContent(form));
        return (response.StatusCode, JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone());
    }

    private static void IsRefused(HttpStatusCode status, JsonElement body, string error, int code)
    {
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal(error, body.GetProperty("error").GetString());
        Assert.Equal(code, body.GetProperty("error_codes")[0].GetInt32());
        Assert.False(body.TryGetProperty("access_token", out _));
    }

    private async Task<IReadOnlyList<Core.Monitoring.SignIn>> Log(string tenant)
    {
        await Server.Services.GetRequiredService<SignInLogWriter>().FlushAsync();
        return Server.Services.GetRequiredService<SignInLogStore>().Read(new Guid(tenant), 500);
    }

    /// <summary>A code from the pages at Contoso for the Shared Channels Client, the person answering every step asked.</summary>
    private async Task<string> Code(string upn, string scope, params (string Step, string Field, string Value)[] answers)
    {
        using var browser = new Browser(Server) { StopAt = Redirect };
        var page = await browser.Get($"{Server.Origin}/{World.Contoso}/oauth2/v2.0/authorize?client_id={World.Client}&response_type=code" +
                                     $"&redirect_uri={Uri.EscapeDataString(Redirect)}&scope={Uri.EscapeDataString(scope)}&state=s");
        page = await browser.SignIn(page, upn, World.Password);
        foreach (var (step, field, value) in answers)
        {
            Assert.Equal(step, page.Step);
            page = await browser.Submit(page, (field, value));
        }
        Assert.True(page.Url.ToString().StartsWith(Redirect, StringComparison.Ordinal), $"{upn} stopped at step {page.Step}: {page.Html}");
        return HttpUtility.ParseQueryString(page.Url.Query)["code"] ?? throw new InvalidOperationException($"No code: {page.Url}");
    }

    private Task<(HttpStatusCode, JsonElement)> Redeem(string code, string scope) => Token(new()
    {
        ["grant_type"] = "authorization_code",
        ["client_id"] = World.Client,
        ["code"] = code,
        ["redirect_uri"] = Redirect,
        ["scope"] = scope,
    });

    private Task<(HttpStatusCode, JsonElement)> Password(string upn, string scope, string client, string? secret = null, bool otp = false)
    {
        var form = new Dictionary<string, string> { ["grant_type"] = "password", ["client_id"] = client, ["username"] = upn, ["password"] = World.Password, ["scope"] = scope };
        if (secret is not null) form["client_secret"] = secret;
        if (otp) form["fakeentra_otp"] = Otp();
        return Token(form);
    }

    private Task<(HttpStatusCode, JsonElement)> OnBehalfOf(string assertion, string scope) => Token(new()
    {
        ["grant_type"] = "urn:ietf:params:oauth:grant-type:jwt-bearer",
        ["client_id"] = MiddleTierWorld.Portal,
        ["client_secret"] = MiddleTierWorld.PortalSecret,
        ["assertion"] = assertion,
        ["requested_token_use"] = "on_behalf_of",
        ["scope"] = scope,
    });

    private async Task<string> PortalToken(string upn, bool otp)
    {
        var (status, body) = await Password(upn, MiddleTierWorld.PortalScope, World.Client, otp: otp);
        Assert.True(status == HttpStatusCode.OK, body.GetRawText());
        return body.GetProperty("access_token").GetString()!;
    }

    [Fact]
    public async Task A_guests_code_for_sign_in_only_cannot_be_redeemed_for_an_api_that_requires_mfa()
    {
        var code = await Code("grace@northwind.com", "openid profile");
        var (status, body) = await Redeem(code, World.SharedChannelsScope);
        IsRefused(status, body, "interaction_required", 50076);
        Assert.Contains(await Log(World.Contoso), r => r.UserPrincipalName == "grace@northwind.com" && r.ResourceId == new Guid(World.SharedChannelsApi)
                                                       && r.Status.ErrorCode == 50076 && !r.IsInteractive);
    }

    [Fact]
    public async Task A_direct_connect_code_without_a_device_cannot_be_redeemed_for_the_files_api()
    {
        await PrivacyConsent.GiveAsync(Server, "bob@fabrikam.com", World.SharedChannelsScope);
        // Graph is not offered over direct connect; the Shared Channels API is, and asks MFA only.
        var code = await Code("bob@fabrikam.com", "openid profile " + World.SharedChannelsScope, ("mfa", "otc", Otp()));
        var (status, body) = await Redeem(code, FilesScope);
        IsRefused(status, body, "interaction_required", 53000);
    }

    [Fact]
    public async Task A_code_redeemed_for_another_resource_that_allows_it_is_a_new_logged_sign_in()
    {
        var code = await Code("grace@northwind.com", "openid profile " + World.SharedChannelsScope, ("mfa", "otc", Otp()));
        var before = (await Log(World.Contoso)).Count;
        var (status, body) = await Redeem(code, "openid profile User.Read");
        Assert.Equal(HttpStatusCode.OK, status);
        var claims = TokenAssertions.Payload(body.GetProperty("access_token").GetString()!);
        Assert.Equal((GraceGuest, 1), (claims.GetProperty("oid").GetString(), claims.GetProperty("acct").GetInt32()));
        var rows = await Log(World.Contoso);
        Assert.Contains(rows.Take(rows.Count - before), r => r.UserPrincipalName == "grace@northwind.com" && r.Status.ErrorCode == 0 && !r.IsInteractive);
    }

    [Fact]
    public async Task A_guests_refresh_token_cannot_be_turned_into_an_api_token_that_requires_mfa()
    {
        var (status, body) = await Password("grace@northwind.com", "openid offline_access User.Read", World.Client);
        Assert.True(status == HttpStatusCode.OK, body.GetRawText());
        var (refreshStatus, refreshBody) = await Token(new()
        {
            ["grant_type"] = "refresh_token",
            ["client_id"] = World.Client,
            ["refresh_token"] = body.GetProperty("refresh_token").GetString()!,
            ["scope"] = World.SharedChannelsScope,
        });
        IsRefused(refreshStatus, refreshBody, "interaction_required", 50076);
    }

    [Fact]
    public async Task On_behalf_of_a_guest_without_mfa_is_refused_by_the_downstream_apis_conditional_access_and_logged()
    {
        var assertion = await PortalToken("grace@northwind.com", otp: false);
        var (status, body) = await OnBehalfOf(assertion, World.SharedChannelsScope);
        IsRefused(status, body, "interaction_required", 50076);
        Assert.Contains(await Log(World.Contoso), r => r.UserPrincipalName == "grace@northwind.com" && r.AppId == new Guid(MiddleTierWorld.Portal)
                                                       && r.ResourceId == new Guid(World.SharedChannelsApi) && r.Status.ErrorCode == 50076);
    }

    [Fact]
    public async Task On_behalf_of_a_guest_with_mfa_keeps_her_a_guest_and_is_logged()
    {
        var assertion = await PortalToken("grace@northwind.com", otp: true);
        var (status, body) = await OnBehalfOf(assertion, World.SharedChannelsScope);
        Assert.True(status == HttpStatusCode.OK, body.GetRawText());
        var claims = TokenAssertions.Payload(body.GetProperty("access_token").GetString()!);
        Assert.Equal(GraceGuest, claims.GetProperty("oid").GetString());
        Assert.Equal(1, claims.GetProperty("acct").GetInt32());
        Assert.Equal($"https://sts.windows.net/{Northwind}/", claims.GetProperty("idp").GetString());
        Assert.Equal("grace@northwind.com", claims.GetProperty("preferred_username").GetString());
        Assert.Contains(await Log(World.Contoso), r => r.UserPrincipalName == "grace@northwind.com" && r.AppId == new Guid(MiddleTierWorld.Portal)
                                                       && r.CrossTenantAccessType == "b2bCollaboration" && r.Status.ErrorCode == 0);
    }

    [Fact]
    public async Task On_behalf_of_a_direct_connect_user_keeps_his_home_identity_and_meets_each_apis_conditional_access()
    {
        await PrivacyConsent.GiveAsync(Server, "bob@fabrikam.com", World.SharedChannelsScope);
        var assertion = await PortalToken("bob@fabrikam.com", otp: true);
        var (status, body) = await OnBehalfOf(assertion, World.SharedChannelsScope);
        Assert.True(status == HttpStatusCode.OK, body.GetRawText());
        var claims = TokenAssertions.Payload(body.GetProperty("access_token").GetString()!);
        Assert.Equal((World.Bob, World.Contoso, 1), (claims.GetProperty("oid").GetString(), claims.GetProperty("tid").GetString(), claims.GetProperty("acct").GetInt32()));
        Assert.Equal($"https://sts.windows.net/{World.Fabrikam}/", claims.GetProperty("idp").GetString());
        Assert.Contains(await Log(World.Fabrikam), r => r.UserPrincipalName == "bob@fabrikam.com" && r.ResourceId == new Guid(World.SharedChannelsApi)
                                                        && r.CrossTenantAccessType == "b2bDirectConnect" && r.Status.ErrorCode == 0);

        // The Files API wants a compliant device, which the sign-in behind the assertion never showed.
        var (filesStatus, filesBody) = await OnBehalfOf(assertion, FilesScope);
        IsRefused(filesStatus, filesBody, "interaction_required", 53000);
    }

    [Fact]
    public async Task An_id_token_is_not_an_on_behalf_of_assertion()
    {
        var (status, body) = await Password("alice@contoso.com", "openid profile", MiddleTierWorld.Portal, MiddleTierWorld.PortalSecret);
        Assert.True(status == HttpStatusCode.OK, body.GetRawText());
        var idToken = body.GetProperty("id_token").GetString()!;
        Assert.Equal(MiddleTierWorld.Portal, TokenAssertions.Payload(idToken).GetProperty("aud").GetString());
        var (oboStatus, oboBody) = await OnBehalfOf(idToken, World.SharedChannelsScope);
        IsRefused(oboStatus, oboBody, "invalid_grant", 50013);
    }

    [Fact]
    public async Task An_assertion_or_a_graph_token_not_yet_valid_is_refused()
    {
        var assertion = await PortalToken("alice@contoso.com", otp: false);
        var (_, graph) = await Password("alice@contoso.com", "User.ReadWrite.All", World.Client);
        var graphToken = graph.GetProperty("access_token").GetString()!;
        Server.Clock.Offset = TimeSpan.FromMinutes(-10);
        try
        {
            var (status, body) = await OnBehalfOf(assertion, World.SharedChannelsScope);
            IsRefused(status, body, "invalid_grant", 500133);

            using var http = Server.CreateClient();
            using var request = new HttpRequestMessage(HttpMethod.Get, "/v1.0/users");
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", graphToken);
            var response = await http.SendAsync(request);
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
            Assert.Contains("not yet valid", await response.Content.ReadAsStringAsync());
        }
        finally
        {
            Server.Clock.Offset = TimeSpan.Zero;
        }
    }

    [Theory]
    [InlineData("a.b.c")]
    [InlineData("eyJhbGciOiJSUzI1NiJ9.!!!.x")]
    [InlineData("e30.e30.")]
    [InlineData("eyJhbGciOiJub25lIn0.eyJuYmYiOiJzb29uIn0.")]
    [InlineData("W10.W10.W10")]
    public async Task Assertions_and_bearer_tokens_that_are_not_base64url_json_are_clear_errors(string garbage)
    {
        var (status, body) = await OnBehalfOf(garbage, World.SharedChannelsScope);
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains(body.GetProperty("error_codes")[0].GetInt32(), new[] { 50027, 50013 });

        using var http = Server.CreateClient();
        foreach (var path in new[] { "/v1.0/users", "/oidc/userinfo" })
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, path);
            request.Headers.TryAddWithoutValidation("Authorization", "Bearer " + garbage);
            Assert.Equal(HttpStatusCode.Unauthorized, (await http.SendAsync(request)).StatusCode);
        }
    }
}

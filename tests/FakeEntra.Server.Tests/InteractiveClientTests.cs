using System.Net;
using System.Security.Claims;
using System.Text.Json;
using System.Web;
using FakeEntra.Server.Tests.Infrastructure;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Identity.Client;

namespace FakeEntra.Server.Tests;

#pragma warning disable CS0618 // AcquireTokenByUsernamePassword

/// <summary>Real clients through the interactive flows: ASP.NET Core's OpenID Connect handler and MSAL.NET.</summary>
public class InteractiveClientTests(WoodgroveServer woodgrove) : IClassFixture<WoodgroveServer>
{
    private FakeEntraServer Server => woodgrove.Server;

    [Fact]
    public async Task The_aspnetcore_openid_connect_handler_signs_ada_in_with_code_and_pkce()
    {
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.SetMinimumLevel(Microsoft.Extensions.Logging.LogLevel.Warning);
        builder.Services.AddAuthentication(o =>
            {
                o.DefaultScheme = CookieAuthenticationDefaults.AuthenticationScheme;
                o.DefaultChallengeScheme = OpenIdConnectDefaults.AuthenticationScheme;
            })
            .AddCookie()
            .AddOpenIdConnect(o =>
            {
                o.Authority = $"{Server.Origin}/{Woodgrove.Tenant}/v2.0";
                o.ClientId = Woodgrove.Web;
                o.ClientSecret = Woodgrove.WebSecret;
                o.ResponseType = "code";
                o.UsePkce = true;
                o.Scope.Add("offline_access");
                o.SaveTokens = true;
                o.MapInboundClaims = false;
                o.BackchannelHttpHandler = TrustedHttp.Handler(Server.Authority);
                // The test app is plain http on 127.0.0.1, where HttpClient's cookie jar sends no Secure cookies.
                o.CorrelationCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                o.CorrelationCookie.SameSite = SameSiteMode.Unspecified;
                o.NonceCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                o.NonceCookie.SameSite = SameSiteMode.Unspecified;
            });
        builder.Services.AddAuthorization();
        await using var app = builder.Build();
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapGet("/me", (ClaimsPrincipal user) => new { oid = user.FindFirst("oid")?.Value, name = user.FindFirst("name")?.Value, tid = user.FindFirst("tid")?.Value })
            .RequireAuthorization();
        await app.StartAsync();
        var appOrigin = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();

        using var browser = new Browser(Server);
        var signIn = await browser.Get($"{appOrigin}/me");
        Assert.Equal("username", signIn.Step);
        var authorize = browser.Redirects.Single(r => r.AbsolutePath.EndsWith("/oauth2/v2.0/authorize", StringComparison.Ordinal));
        var query = HttpUtility.ParseQueryString(authorize.Query);
        Assert.Equal("S256", query["code_challenge_method"]);
        Assert.Equal("form_post", query["response_mode"]);

        var formPost = await browser.SignIn(signIn, "ada@woodgrove.example", Woodgrove.Password);
        Assert.EndsWith("/signin-oidc", formPost.FormAction);
        var me = await browser.Submit(formPost); // the browser posts the auto-submitting form
        Assert.Equal(HttpStatusCode.OK, me.Status);
        var claims = JsonDocument.Parse(me.Html).RootElement;
        Assert.Equal(Woodgrove.Ada, claims.GetProperty("oid").GetString());
        Assert.Equal("Ada Archer", claims.GetProperty("name").GetString());
        Assert.Equal(Woodgrove.Tenant, claims.GetProperty("tid").GetString());
    }

    [Fact]
    public async Task Msal_redeems_an_authorization_code_with_its_pkce_verifier()
    {
        var msal = ConfidentialClientApplicationBuilder.Create(Woodgrove.Web).WithClientSecret(Woodgrove.WebSecret)
            .WithAuthority($"{Server.Origin}/{Woodgrove.Tenant}", validateAuthority: false).WithInstanceDiscovery(false)
            .WithRedirectUri(Woodgrove.WebRedirect).WithHttpClientFactory(Server.MsalHttp()).Build();
        string[] scopes = ["api://middle/Middle.Call"];
        var url = await msal.GetAuthorizationRequestUrl(scopes).WithPkce(out var verifier).ExecuteAsync();

        using var browser = new Browser(Server) { StopAt = Woodgrove.WebRedirect };
        var page = await browser.SignIn(await browser.Get(url.ToString()), "ada@woodgrove.example", Woodgrove.Password);
        var code = HttpUtility.ParseQueryString(page.Url.Query)["code"]!;

        var result = await msal.AcquireTokenByAuthorizationCode(scopes, code).WithPkceCodeVerifier(verifier).ExecuteAsync();
        Assert.Equal($"{Woodgrove.Ada}.{Woodgrove.Tenant}", result.Account.HomeAccountId.Identifier);
        Assert.Equal(Woodgrove.Middle, TokenAssertions.Payload(result.AccessToken).GetProperty("aud").GetString());
        var silent = await msal.AcquireTokenSilent(scopes, result.Account).ExecuteAsync();
        Assert.Equal(TokenSource.Cache, silent.AuthenticationResultMetadata.TokenSource);
    }

    [Fact]
    public async Task Msal_device_code_completes_when_the_person_signs_in_on_the_device_page()
    {
        var msal = PublicClientApplicationBuilder.Create(Woodgrove.Desktop)
            .WithAuthority($"{Server.Origin}/{Woodgrove.Tenant}", validateAuthority: false).WithInstanceDiscovery(false)
            .WithHttpClientFactory(Server.MsalHttp()).Build();
        Task? person = null;
        DeviceCodeResult? shown = null;
        var result = await msal.AcquireTokenWithDeviceCode(["api://middle/Middle.Call"], code =>
        {
            shown = code;
            person = Task.Run(async () =>
            {
                using var browser = new Browser(Server);
                var entry = await browser.Get(code.VerificationUrl);
                var signIn = await browser.Submit(entry, ("otc", code.UserCode));
                var confirm = await browser.SignIn(signIn, "ada@woodgrove.example", Woodgrove.Password);
                Assert.Equal("device", confirm.Step);
                Assert.Contains("Woodgrove Desktop", confirm.Html);
                var done = await browser.Submit(confirm, ("confirm", "yes"));
                Assert.Contains("You have signed in to the Woodgrove Desktop application on your device", done.Html);
            });
            return Task.CompletedTask;
        }).ExecuteAsync();
        await person!;

        Assert.Equal(9, shown!.UserCode.Length);
        Assert.Equal($"{Server.Origin}/devicelogin", shown.VerificationUrl);
        Assert.Equal($"To sign in, use a web browser to open the page {Server.Origin}/devicelogin and enter the code {shown.UserCode} to authenticate.", shown.Message);
        Assert.Equal(Woodgrove.Ada, TokenAssertions.Payload(result.AccessToken).GetProperty("oid").GetString());
        Assert.Equal("ada@woodgrove.example", result.Account.Username);
    }

    [Fact]
    public async Task An_on_behalf_of_chain_keeps_the_user_from_client_to_middle_tier_to_backend()
    {
        var desktop = PublicClientApplicationBuilder.Create(Woodgrove.Desktop)
            .WithAuthority($"{Server.Origin}/{Woodgrove.Tenant}", validateAuthority: false).WithInstanceDiscovery(false)
            .WithHttpClientFactory(Server.MsalHttp()).Build();
        var incoming = await desktop.AcquireTokenByUsernamePassword(["api://middle/Middle.Call"], "ada@woodgrove.example", Woodgrove.Password).ExecuteAsync();

        var middle = ConfidentialClientApplicationBuilder.Create(Woodgrove.Middle).WithClientSecret(Woodgrove.MiddleSecret)
            .WithAuthority($"{Server.Origin}/{Woodgrove.Tenant}", validateAuthority: false).WithInstanceDiscovery(false)
            .WithHttpClientFactory(Server.MsalHttp()).Build();
        var downstream = await middle.AcquireTokenOnBehalfOf(["api://backend/Backend.Read"], new UserAssertion(incoming.AccessToken)).ExecuteAsync();

        var claims = TokenAssertions.Payload(downstream.AccessToken);
        Assert.Equal(Woodgrove.Backend, claims.GetProperty("aud").GetString());
        Assert.Equal(Woodgrove.Ada, claims.GetProperty("oid").GetString());
        Assert.Equal(Woodgrove.Middle, claims.GetProperty("azp").GetString());
        Assert.Equal("Backend.Read", claims.GetProperty("scp").GetString());

        // The assertion must be for the middle tier, and current.
        var graphToken = await desktop.AcquireTokenByUsernamePassword(["User.Read"], "ada@woodgrove.example", Woodgrove.Password).ExecuteAsync();
        var wrongAudience = await Assert.ThrowsAnyAsync<MsalServiceException>(() =>
            middle.AcquireTokenOnBehalfOf(["api://backend/Backend.Read"], new UserAssertion(graphToken.AccessToken)).ExecuteAsync());
        Assert.Contains("AADSTS500131", wrongAudience.Message);

        Server.Clock.Offset = TimeSpan.FromHours(2);
        try
        {
            var expired = await Assert.ThrowsAnyAsync<MsalServiceException>(() =>
                middle.AcquireTokenOnBehalfOf(["api://backend/Backend.Read"], new UserAssertion(incoming.AccessToken)).WithForceRefresh(true).ExecuteAsync());
            Assert.Contains("AADSTS500133", expired.Message);
        }
        finally
        {
            Server.Clock.Offset = TimeSpan.Zero;
        }
    }
}

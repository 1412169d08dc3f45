using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Security.Claims;
using System.Text.Json;
using System.Web;
using FakeEntra.Server.Certificates;
using FakeEntra.Server.Tests.Infrastructure;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Identity.Client;
using Microsoft.IdentityModel.JsonWebTokens;
using OpenIddict.Abstractions;
using OpenIddict.Client;
using OpenIddict.Client.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;
using OpenIddict.Validation.AspNetCore;

namespace FakeEntra.Server.Tests.Interop;

#pragma warning disable CS0618 // AcquireTokenByUsernamePassword

/// <summary>
/// OpenIddict, a strict OpenID Connect stack that knows nothing of Entra: its client signs alice in at Contoso with code + PKCE
/// through FakeEntra's pages, and its validation accepts Contoso's tokens and refuses another tenant's and expired ones.
/// Its own server (the clock moves).
/// </summary>
public class OpenIddictTests(FakeEntraServer server) : IClassFixture<FakeEntraServer>
{
    private const string GraphAudience = "00000003-0000-0000-c000-000000000000";

    private string Issuer(string tenant) => $"{server.Origin}/{tenant}/v2.0";

    /// <summary>OpenIddict's own HttpClient handler, trusting FakeEntra's CA only.</summary>
    private void TrustFakeEntra(HttpClientHandler handler)
    {
        var trust = CertificateTrust.Trusting(server.Authority);
        handler.ServerCertificateCustomValidationCallback = (request, certificate, chain, errors) => trust(request, certificate, chain, errors);
    }

    [Fact]
    public async Task The_client_signs_alice_in_at_contoso_with_code_and_pkce()
    {
        var port = FreePort();
        var redirect = $"http://localhost:{port}/"; // the Shared Channels Client's loopback redirect URI (any port)
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        builder.Logging.SetMinimumLevel(Microsoft.Extensions.Logging.LogLevel.Warning);
        builder.Services.AddAuthentication();
        builder.Services.AddOpenIddict().AddClient(o =>
        {
            o.AllowAuthorizationCodeFlow();
            o.DisableTokenStorage();
            o.AddEphemeralEncryptionKey().AddEphemeralSigningKey();
            o.SetRedirectionEndpointUris("/");
            o.UseAspNetCore().EnableRedirectionEndpointPassthrough().DisableTransportSecurityRequirement().Configure(options =>
            {
                // The test app is plain http on loopback, where HttpClient's cookie jar sends no Secure cookies.
                options.CookieBuilder.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                options.CookieBuilder.SameSite = SameSiteMode.Unspecified;
            });
            o.UseSystemNetHttp().ConfigureHttpClientHandler(TrustFakeEntra);
            // Entra's discovery document lists no code_challenge_methods_supported although it supports S256 (as FakeEntra's,
            // faithfully); OpenIddict then skips PKCE, so the app declares it, as OpenIddict's own Microsoft provider does.
            o.AddEventHandler<OpenIddictClientEvents.HandleConfigurationResponseContext>(handler => handler
                .UseInlineHandler(context =>
                {
                    context.Configuration.CodeChallengeMethodsSupported.Add(CodeChallengeMethods.Sha256);
                    return default;
                })
                .SetOrder(int.MaxValue));
            o.AddRegistration(new()
            {
                Issuer = new Uri(Issuer(World.Contoso)),
                ClientId = World.Client,
                RedirectUri = new Uri(redirect),
                Scopes = { "openid", "profile", "email" },
            });
        });
        await using var app = builder.Build();
        app.UseAuthentication();
        app.MapGet("/login", () => Results.Challenge(new AuthenticationProperties { RedirectUri = "/" }, [OpenIddictClientAspNetCoreDefaults.AuthenticationScheme]));
        app.MapMethods("/", ["GET", "POST"], async (HttpContext http) =>
        {
            var result = await http.AuthenticateAsync(OpenIddictClientAspNetCoreDefaults.AuthenticationScheme);
            if (!result.Succeeded) return Results.Text($"not signed in: {result.Failure?.Message}", statusCode: 401);
            var user = result.Principal!;
            return Results.Json(new { oid = user.FindFirst("oid")?.Value, tid = user.FindFirst("tid")?.Value, name = user.FindFirst("name")?.Value });
        });
        await app.StartAsync();

        using var browser = new Browser(server);
        var signIn = await browser.Get($"http://localhost:{port}/login");
        var authorize = browser.Redirects.Single(r => r.AbsolutePath.EndsWith("/oauth2/v2.0/authorize", StringComparison.Ordinal));
        Assert.StartsWith($"{server.Origin}/{World.Contoso}/oauth2/v2.0/authorize?", authorize.ToString(), StringComparison.Ordinal);
        var query = HttpUtility.ParseQueryString(authorize.Query);
        Assert.Equal("S256", query["code_challenge_method"]);
        Assert.Null(query["response_mode"]); // the code's default: query

        var back = await PrivacyConsent.Answer(browser, signIn, "alice@contoso.com"); // FakeEntra's pages, then back to the app
        Assert.StartsWith($"{redirect}?code=", browser.Redirects.Last().ToString(), StringComparison.Ordinal);
        Assert.True(back.Status == HttpStatusCode.OK, back.Html);
        var claims = JsonDocument.Parse(back.Html).RootElement;
        Assert.Equal(World.Alice, claims.GetProperty("oid").GetString());
        Assert.Equal(World.Contoso, claims.GetProperty("tid").GetString());
        Assert.Equal("Alice Anderson", claims.GetProperty("name").GetString());
    }

    /// <summary>An API protected by OpenIddict's validation for an issuer and an audience, answering with the caller's claims.</summary>
    private async Task<(WebApplication App, HttpClient Client)> StartApi(string tenant, string audience)
    {
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.SetMinimumLevel(Microsoft.Extensions.Logging.LogLevel.Warning);
        builder.Services.AddAuthentication(OpenIddictValidationAspNetCoreDefaults.AuthenticationScheme);
        builder.Services.AddAuthorization();
        builder.Services.AddOpenIddict().AddValidation(o =>
        {
            o.SetIssuer(Issuer(tenant));
            o.AddAudiences(audience);
            // Entra's access tokens are typed "JWT", not RFC 9068's "at+jwt" that OpenIddict requires by default (FakeEntra's too):
            // take a "JWT" for an access token, as OpenIddict's users do for Entra.
            o.Configure(options => options.TokenValidationParameters.TypeValidator = (type, _, _) =>
                type == JwtConstants.HeaderType ? JsonWebTokenTypes.AccessToken : type);
            o.UseSystemNetHttp().ConfigureHttpClientHandler(TrustFakeEntra);
            o.UseAspNetCore();
        });
        var app = builder.Build();
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapGet("/whoami", (ClaimsPrincipal user) => new { tid = user.FindFirst("tid")?.Value, azp = user.FindFirst("azp")?.Value }).RequireAuthorization();
        await app.StartAsync();
        var origin = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return (app, new HttpClient { BaseAddress = new Uri(origin) });
    }

    private static async Task<HttpResponseMessage> Call(HttpClient api, string token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/whoami") { Headers = { Authorization = new AuthenticationHeaderValue("Bearer", token) } };
        return await api.SendAsync(request);
    }

    private Task<string> AppToken(string tenant, string appId, string secret, string scope) =>
        ConfidentialClientApplicationBuilder.Create(appId).WithClientSecret(secret)
            .WithAuthority($"{server.Origin}/{tenant}", validateAuthority: false).WithInstanceDiscovery(false)
            .WithHttpClientFactory(server.MsalHttp()).Build()
            .AcquireTokenForClient([scope]).WithForceRefresh(true).ExecuteAsync().ContinueWith(t => t.Result.AccessToken, TaskScheduler.Default);

    [Fact]
    public async Task Validation_accepts_contosos_token_for_its_api_and_refuses_it_once_expired()
    {
        var (app, api) = await StartApi(World.Contoso, World.SharedChannelsApi);
        await using var _ = app;

        var ok = await Call(api, await AppToken(World.Contoso, World.Daemon, World.DaemonSecret, World.SharedChannelsDefault));
        Assert.True(ok.StatusCode == HttpStatusCode.OK, await ok.Content.ReadAsStringAsync() + ok.Headers.WwwAuthenticate);
        var caller = JsonDocument.Parse(await ok.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(World.Contoso, caller.GetProperty("tid").GetString());
        Assert.Equal(World.Daemon, caller.GetProperty("azp").GetString());

        server.Clock.Offset = TimeSpan.FromHours(-2); // issued two hours ago: expired an hour ago
        string expired;
        try
        {
            expired = await AppToken(World.Contoso, World.Daemon, World.DaemonSecret, World.SharedChannelsDefault);
        }
        finally
        {
            server.Clock.Offset = TimeSpan.Zero;
        }
        var refused = await Call(api, expired);
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Contains("errors/ID2019", refused.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal); // OpenIddict: "no longer valid" (expired)
    }

    [Fact]
    public async Task Validation_for_contosos_issuer_refuses_another_tenants_token_for_the_same_audience()
    {
        // Graph tokens: the one audience both tenants' "FakeEntra Admin" apps can get, so only the issuer differs.
        var (app, api) = await StartApi(World.Contoso, GraphAudience);
        await using var _ = app;

        var contoso = await Call(api, await AppToken(World.Contoso, "0f3b8c42-6a1e-4d8e-9b5a-1c2d3e4f5a01", "FakeEntra~Admin~Contoso", "https://graph.microsoft.com/.default"));
        Assert.True(contoso.StatusCode == HttpStatusCode.OK, contoso.Headers.WwwAuthenticate.ToString());

        var fabrikam = await Call(api, await AppToken(World.Fabrikam, "0f3b8c42-6a1e-4d8e-9b5a-1c2d3e4f5a02", "FakeEntra~Admin~Fabrikam", "https://graph.microsoft.com/.default"));
        Assert.Equal(HttpStatusCode.Unauthorized, fabrikam.StatusCode);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

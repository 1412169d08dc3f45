using System.Net;
using System.Security.Claims;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using System.Web;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Identity.Client;

namespace FakeEntra.Server.Tests.Infrastructure;

/// <summary>
/// What the text around a README fragment implies — the app it belongs to, the person at the browser, the check that it
/// worked — so that a fragment runs as written against a fresh default world (plus, where the README says "your web app" or
/// "a middle-tier API", one such app). The fragments themselves are never rewritten beyond <see cref="ReadmeSnippetTests"/>'s
/// substitutions.
/// </summary>
public static partial class ReadmeSurroundings
{
    /// <summary>"Your web app": confidential, a secret, a loopback redirect URI, allowed to ask for the Shared Channels API.</summary>
    public const string WebApp = "c0000000-0000-4000-8000-0000000000c1";
    public const string WebAppSecret = "Web~Secret~1";
    private const string WebAppSp = "c0000000-0000-4000-8000-0000000000c2";
    private const string WebRedirect = "http://127.0.0.1/signin-oidc";
    private const string SharedChannelsSp = "03790a5d-d85a-4467-b548-6e7be72b552c";

    private static FakeEntraServer Server => SnippetTrust.Server;

    public static void AddWebApp(JsonObject world)
    {
        var contoso = DefaultWorldWith.Tenant(world, World.Contoso);
        contoso["applications"]!.AsArray().Add(JsonNode.Parse($$"""
            {
              "id": "c0000000-0000-4000-8000-0000000000c0", "appId": "{{WebApp}}", "displayName": "Contoso Web App",
              "signInAudience": "AzureADMyOrg", "web": { "redirectUris": ["{{WebRedirect}}"] },
              "passwordCredentials": [ { "displayName": "Web secret", "secretText": "{{WebAppSecret}}" } ]
            }
            """));
        contoso["servicePrincipals"]!.AsArray().Add(JsonNode.Parse($$"""{ "id": "{{WebAppSp}}", "appId": "{{WebApp}}", "displayName": "Contoso Web App" }"""));
        contoso["oauth2PermissionGrants"]!.AsArray().Add(JsonNode.Parse($$"""
            { "clientId": "{{WebAppSp}}", "consentType": "AllPrincipals", "resourceId": "{{SharedChannelsSp}}", "scope": "Channels.ReadWrite" }
            """));
    }

    /// <summary>An ASP.NET Core app on http://127.0.0.1 (a loopback redirect URI matches any port).</summary>
    public static WebApplicationBuilder WebAppBuilder() => Quiet(WebApplication.CreateBuilder());

    /// <summary>alice opens the app, signs in on FakeEntra's pages, and the app knows her.</summary>
    public static async Task SignInThroughTheAppAsync(WebApplicationBuilder builder)
    {
        // Registered after the handler's own post-configuration, which builds its backchannel: so this runs first.
        var authority = Server.Authority; // read here: the app's requests run outside the snippet's async flow
        builder.Services.ConfigureAll<OpenIdConnectOptions>(o =>
        {
            o.BackchannelHttpHandler = TrustedHttp.Handler(authority);
            // Plain http on 127.0.0.1, where the test browser's cookie jar sends no Secure cookies.
            o.CorrelationCookie.SecurePolicy = o.NonceCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.CorrelationCookie.SameSite = o.NonceCookie.SameSite = SameSiteMode.Unspecified;
        });
        builder.Services.AddAuthorization();
        await using var app = builder.Build();
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapGet("/me", (ClaimsPrincipal user) => user.FindFirst("http://schemas.microsoft.com/identity/claims/objectidentifier")?.Value).RequireAuthorization();
        await app.StartAsync();

        using var browser = new Browser(Server);
        var page = await browser.SignIn(await browser.Get($"{Origin(app)}/me"), "alice@contoso.com", World.Password);
        Assert.True(page.FormAction?.EndsWith("/signin-oidc", StringComparison.Ordinal), $"Not sent back to the app: {page.Status} {page.Url}\n{page.Html}");
        var me = await browser.Submit(page); // the auto-submitting form_post back to the app
        Assert.Equal(HttpStatusCode.OK, me.Status);
        Assert.Equal(World.Alice, me.Html);
    }

    /// <summary>The web app's MSAL client, with the redirect URI its authorization requests name.</summary>
    public static IConfidentialClientApplication WebAppClient() =>
        ConfidentialClientApplicationBuilder.Create(WebApp).WithClientSecret(WebAppSecret)
            .WithAuthority($"{Server.Origin}/{World.Contoso}", validateAuthority: false).WithInstanceDiscovery(false)
            .WithRedirectUri("http://127.0.0.1:5000/signin-oidc").WithHttpClientFactory(Server.MsalHttp()).Build();

    /// <summary>The browser: alice signs in at <paramref name="url"/>; the code the redirect carries.</summary>
    public static async Task<string> BrowserSignInAsync(Uri url)
    {
        using var browser = new Browser(Server) { StopAt = "http://127.0.0.1:5000/signin-oidc" };
        var page = await browser.SignIn(await browser.Get(url.ToString()), "alice@contoso.com", World.Password);
        return HttpUtility.ParseQueryString(page.Url.Query)["code"] ?? throw new InvalidOperationException($"No code: {page.Url}\n{page.Html}");
    }

    public static IPublicClientApplication PublicClient() =>
        PublicClientApplicationBuilder.Create(World.Client).WithAuthority($"{Server.Origin}/{World.Contoso}", validateAuthority: false)
            .WithInstanceDiscovery(false).WithHttpClientFactory(Server.MsalHttp()).Build();

    /// <summary>The person at another device: reads the code from what the app prints, enters it at the page, signs in as alice, confirms.</summary>
    public static DevicePerson PersonAtTheDevicePage() => new();

    /// <summary>"A middle-tier API": the Contoso Portal API of <see cref="MiddleTierWorld"/>.</summary>
    public static IConfidentialClientApplication MiddleTier() =>
        ConfidentialClientApplicationBuilder.Create(MiddleTierWorld.Portal).WithClientSecret(MiddleTierWorld.PortalSecret)
            .WithAuthority($"{Server.Origin}/{World.Contoso}", validateAuthority: false).WithInstanceDiscovery(false)
            .WithHttpClientFactory(Server.MsalHttp()).Build();

    /// <summary>The token the middle tier received: alice's, for the Portal API.</summary>
    public static async Task<string> IncomingTokenAsync()
    {
#pragma warning disable CS0618 // AcquireTokenByUsernamePassword: the user signs in to the client without pages.
        var result = await PublicClient().AcquireTokenByUsernamePassword([MiddleTierWorld.PortalScope], "alice@contoso.com", World.Password).ExecuteAsync();
#pragma warning restore CS0618
        return result.AccessToken;
    }

    /// <summary>alice's access token for <paramref name="audience"/>, checked to be hers.</summary>
    public static void AssertAlicesToken(AuthenticationResult result, string audience)
    {
        var payload = TokenAssertions.Payload(result.AccessToken);
        Assert.Equal(World.Alice, payload.GetProperty("oid").GetString());
        Assert.Equal(audience, payload.GetProperty("aud").GetString());
    }

    /// <summary>A web API's builder whose configuration is the README's <c>AzureAd</c> JSON.</summary>
    public static WebApplicationBuilder WebApiBuilder(string azureAdJson)
    {
        var builder = Quiet(WebApplication.CreateBuilder());
        builder.Configuration.AddJsonStream(new MemoryStream(Encoding.UTF8.GetBytes(azureAdJson)));
        return builder;
    }

    public static HttpMessageHandler TrustingHandler() => TrustedHttp.Handler(Server.Authority);

    /// <summary>The API accepts alice's token for it and refuses a request without one.</summary>
    public static async Task CallTheWebApiAsync(WebApplicationBuilder builder)
    {
        builder.Services.AddAuthorization();
        await using var app = builder.Build();
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapGet("/whoami", (ClaimsPrincipal user) => user.FindFirst("http://schemas.microsoft.com/identity/claims/objectidentifier")?.Value).RequireAuthorization();
        await app.StartAsync();

#pragma warning disable CS0618
        var token = await PublicClient().AcquireTokenByUsernamePassword([World.SharedChannelsScope], "alice@contoso.com", World.Password).ExecuteAsync();
#pragma warning restore CS0618
        using var http = new HttpClient { BaseAddress = new Uri(Origin(app)) };
        Assert.Equal(HttpStatusCode.Unauthorized, (await http.GetAsync("/whoami")).StatusCode);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/whoami") { Headers = { { "Authorization", $"Bearer {token.AccessToken}" } } };
        using var response = await http.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(World.Alice, await response.Content.ReadAsStringAsync());
    }

    private static WebApplicationBuilder Quiet(WebApplicationBuilder builder)
    {
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.SetMinimumLevel(Microsoft.Extensions.Logging.LogLevel.Warning);
        return builder;
    }

    private static string Origin(WebApplication app) => app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();

    /// <summary>Console output goes here while a device-code snippet runs; the code message sends the person to the page.</summary>
    public sealed partial class DevicePerson : TextWriter
    {
        private readonly TextWriter _previous = Console.Out;
        private Task? _person;

        /// <summary>Takes over the console until <see cref="DoneAsync"/>.</summary>
        public DevicePerson() => Console.SetOut(this);

        public override Encoding Encoding => Encoding.UTF8;

        public override void WriteLine(string? value)
        {
            if (_person is null && value is not null && CodeMessage().Match(value) is { Success: true } m)
                _person = SignInAsync(m.Groups["page"].Value, m.Groups["code"].Value);
            else _previous.WriteLine(value);
        }

        private static async Task SignInAsync(string page, string code)
        {
            using var browser = new Browser(Server);
            var signIn = await browser.Submit(await browser.Get(page), ("otc", code));
            var confirm = await browser.SignIn(signIn, "alice@contoso.com", World.Password);
            Assert.Equal("device", confirm.Step);
            await browser.Submit(confirm, ("confirm", "yes"));
        }

        /// <summary>The person was sent by the printed message and finished without error.</summary>
        public async Task DoneAsync()
        {
            Console.SetOut(_previous);
            await (_person ?? throw new InvalidOperationException("The snippet printed no device-code message."));
        }

        [GeneratedRegex(@"open the page (?<page>\S+) and enter the code (?<code>\w+)")]
        private static partial Regex CodeMessage();
    }
}

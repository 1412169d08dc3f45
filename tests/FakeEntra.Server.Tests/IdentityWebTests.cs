using System.Net;
using System.Net.Http.Headers;
using System.Security.Claims;
using FakeEntra.Server.Tests.Infrastructure;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Identity.Client;
using Microsoft.Identity.Web;

namespace FakeEntra.Server.Tests;

#pragma warning disable CS0618 // AcquireTokenByUsernamePassword

/// <summary>A web API protected by Microsoft.Identity.Web, configured exactly as for Entra but for its instance.</summary>
public class IdentityWebTests(FakeEntraServer server) : IClassFixture<FakeEntraServer>
{
    private const string Graph = "00000003-0000-0000-c000-000000000000";

    private async Task<WebApplication> StartApi(string tenant, string clientId)
    {
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.SetMinimumLevel(Microsoft.Extensions.Logging.LogLevel.Warning);
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["AzureAd:Instance"] = server.Origin + "/",
            ["AzureAd:TenantId"] = tenant,
            ["AzureAd:ClientId"] = clientId,
        });
        builder.Services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddMicrosoftIdentityWebApi(builder.Configuration.GetSection("AzureAd"));
        builder.Services.AddAuthorization();
        // Metadata and keys come over FakeEntra's HTTPS, trusted through its CA; the issuer validator has a client of its own.
        builder.Services.Configure<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme, o => o.BackchannelHttpHandler = TrustedHttp.Handler(server.Authority));
        builder.Services.Configure<AadIssuerValidatorOptions>(o => o.HttpClientName = "fakeentra");
        builder.Services.AddHttpClient("fakeentra").ConfigurePrimaryHttpMessageHandler(() => TrustedHttp.Handler(server.Authority));
        var app = builder.Build();
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapGet("/me", (ClaimsPrincipal user) => user.GetObjectId()).RequireAuthorization();
        await app.StartAsync();
        return app;
    }

    private static async Task<HttpResponseMessage> Call(WebApplication api, string token)
    {
        var address = api.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        using var http = new HttpClient(new LoopbackOnlyHandler(new SocketsHttpHandler())) { BaseAddress = new Uri(address) };
        using var request = new HttpRequestMessage(HttpMethod.Get, "/me");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await http.SendAsync(request);
    }

    private async Task<string> UserToken(string username, string scope, string authority = "organizations")
    {
        var app = PublicClientApplicationBuilder.Create(World.Client)
            .WithAuthority($"{server.Origin}/{authority}", validateAuthority: false)
            .WithInstanceDiscovery(false)
            .WithHttpClientFactory(server.MsalHttp())
            .Build();
        return (await app.AcquireTokenByUsernamePassword([scope], username, World.Password).ExecuteAsync()).AccessToken;
    }

    private async Task<string> DaemonToken() =>
        (await ConfidentialClientApplicationBuilder.Create(World.Daemon).WithClientSecret(World.DaemonSecret)
            .WithAuthority($"{server.Origin}/{World.Contoso}", validateAuthority: false).WithInstanceDiscovery(false)
            .WithHttpClientFactory(server.MsalHttp()).Build()
            .AcquireTokenForClient([World.SharedChannelsDefault]).ExecuteAsync()).AccessToken;

    [Fact]
    public async Task A_single_tenant_api_accepts_its_tenants_user_and_app_tokens()
    {
        await using var api = await StartApi(World.Contoso, World.SharedChannelsApi);
        var user = await Call(api, await UserToken("alice@contoso.com", World.SharedChannelsScope, World.Contoso));
        Assert.Equal(HttpStatusCode.OK, user.StatusCode);
        Assert.Equal(World.Alice, (await user.Content.ReadAsStringAsync()).Trim('"'));
        Assert.Equal(HttpStatusCode.OK, (await Call(api, await DaemonToken())).StatusCode);
    }

    [Fact]
    public async Task A_single_tenant_api_rejects_a_token_of_another_tenant()
    {
        await using var api = await StartApi(World.Contoso, Graph);
        Assert.Equal(HttpStatusCode.OK, (await Call(api, await UserToken("alice@contoso.com", "User.Read"))).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await Call(api, await UserToken("bob@fabrikam.com", "User.Read"))).StatusCode);
    }

    [Fact]
    public async Task An_organizations_api_accepts_tokens_of_every_tenant()
    {
        await using var api = await StartApi("organizations", Graph);
        Assert.Equal(HttpStatusCode.OK, (await Call(api, await UserToken("alice@contoso.com", "User.Read"))).StatusCode);
        var bob = await Call(api, await UserToken("bob@fabrikam.com", "User.Read"));
        Assert.Equal(HttpStatusCode.OK, bob.StatusCode);
        Assert.Equal(World.Bob, (await bob.Content.ReadAsStringAsync()).Trim('"'));
    }

    [Fact]
    public async Task Tampered_and_expired_tokens_are_rejected()
    {
        await using var api = await StartApi(World.Contoso, World.SharedChannelsApi);
        var token = await UserToken("alice@contoso.com", World.SharedChannelsScope, World.Contoso);
        var parts = token.Split('.');
        var payload = System.Text.Encoding.UTF8.GetString(System.Buffers.Text.Base64Url.DecodeFromChars(parts[1])).Replace(World.Alice, World.Bob);
        var tampered = $"{parts[0]}.{System.Buffers.Text.Base64Url.EncodeToString(System.Text.Encoding.UTF8.GetBytes(payload))}.{parts[2]}";
        Assert.Equal(HttpStatusCode.Unauthorized, (await Call(api, tampered)).StatusCode);

        server.Clock.Offset = TimeSpan.FromHours(-2);
        try
        {
            var expired = await UserToken("alice@contoso.com", World.SharedChannelsScope, World.Contoso);
            Assert.True(TokenAssertions.Read(expired).ValidTo < DateTime.UtcNow);
            Assert.Equal(HttpStatusCode.Unauthorized, (await Call(api, expired)).StatusCode);
        }
        finally
        {
            server.Clock.Offset = TimeSpan.Zero;
        }
    }
}

using System.Security.Claims;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Identity.Web;

namespace FakeEntra.Sample.Api;

/// <summary>
/// A small web API protected by Microsoft.Identity.Web, configured exactly as for Entra (the <c>AzureAd</c> section):
/// users with <c>Channels.ReadWrite</c> or apps with <c>Channels.Read.All</c> may list channels.
/// </summary>
public static class ChannelsApi
{
    private const string ReadChannels = "ReadChannels";

    /// <param name="configure">Runs after the API's own registrations (a test points the API at FakeEntra here).</param>
    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddMicrosoftIdentityWebApi(builder.Configuration.GetSection("AzureAd"));
        builder.Services.AddAuthorization(o => o.AddPolicy(ReadChannels, p => p.RequireAuthenticatedUser().RequireScopeOrAppPermission(["Channels.ReadWrite"], ["Channels.Read.All"])));
        configure?.Invoke(builder);

        var app = builder.Build();
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapGet("/channels", (ClaimsPrincipal caller) => new Channels(caller.GetObjectId(), caller.GetTenantId(), caller.FindFirstValue("idp") ?? caller.FindFirstValue("http://schemas.microsoft.com/identity/claims/identityprovider"), ["General", "Launch"]))
            .RequireAuthorization(ReadChannels);
        return app;
    }
}

/// <summary>The answer: who called (object id, tenant, home identity provider for external users) and the channels.</summary>
public sealed record Channels(string? Caller, string? Tenant, string? IdentityProvider, IReadOnlyList<string> Names);

using Microsoft.Graph;
using Microsoft.Identity.Client;
using Microsoft.Kiota.Abstractions.Authentication;

namespace FakeEntra.Server.Tests.Infrastructure;

/// <summary>The official Graph SDK pointed at FakeEntra: base URL on its origin, tokens from it through MSAL, its CA trusted.</summary>
public static class GraphClients
{
    public static GraphServiceClient For(FakeEntraServer server, string token)
    {
        var http = GraphClientFactory.Create(GraphClientFactory.CreateDefaultHandlers(), finalHandler: TrustedHttp.Handler(server.Authority));
        return new GraphServiceClient(http, new BaseBearerTokenAuthenticationProvider(new Fixed(token)), $"{server.Origin}/v1.0");
    }

    /// <summary>An app-only Graph token for a tenant's "FakeEntra Admin" app.</summary>
    public static async Task<string> AdminAppToken(FakeEntraServer server, string tenantId, string appId, string secret) =>
        (await ConfidentialClientApplicationBuilder.Create(appId).WithClientSecret(secret)
            .WithAuthority($"{server.Origin}/{tenantId}", validateAuthority: false).WithInstanceDiscovery(false)
            .WithHttpClientFactory(server.MsalHttp()).Build()
            .AcquireTokenForClient(["https://graph.microsoft.com/.default"]).ExecuteAsync()).AccessToken;

    /// <summary>A delegated Graph token for a user of the default world through the Shared Channels Client.</summary>
    public static async Task<string> UserToken(FakeEntraServer server, string tenantId, string username, params string[] scopes)
    {
#pragma warning disable CS0618 // AcquireTokenByUsernamePassword
        return (await PublicClientApplicationBuilder.Create(World.Client)
            .WithAuthority($"{server.Origin}/{tenantId}", validateAuthority: false).WithInstanceDiscovery(false)
            .WithHttpClientFactory(server.MsalHttp()).Build()
            .AcquireTokenByUsernamePassword(scopes, username, World.Password).ExecuteAsync()).AccessToken;
#pragma warning restore CS0618
    }

    private sealed class Fixed(string token) : IAccessTokenProvider
    {
        public AllowedHostsValidator AllowedHostsValidator { get; } = new();

        public Task<string> GetAuthorizationTokenAsync(Uri uri, Dictionary<string, object>? additionalAuthenticationContext = null, CancellationToken cancellationToken = default) =>
            Task.FromResult(token);
    }
}

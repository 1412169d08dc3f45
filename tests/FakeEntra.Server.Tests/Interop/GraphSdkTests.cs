using Azure.Core;
using Azure.Identity;
using FakeEntra.Server.Tests.Infrastructure;
using Microsoft.Graph;
using Microsoft.Graph.Authentication;
using Microsoft.Graph.Models.ODataErrors;

namespace FakeEntra.Server.Tests.Interop;

#pragma warning disable CS0618 // UsernamePasswordCredential

/// <summary>
/// The Graph SDK as .NET apps call Graph: an Azure.Identity credential behind <see cref="AzureIdentityAuthenticationProvider"/>,
/// which fetches and renews tokens itself and sends them only to the hosts it is told to.
/// </summary>
[Collection(DefaultServer.Name)]
public class GraphSdkTests(FakeEntraServer server)
{
    private const string ContosoAdminApp = "0f3b8c42-6a1e-4d8e-9b5a-1c2d3e4f5a01";
    private const string ContosoAdminSecret = "FakeEntra~Admin~Contoso";

    private GraphServiceClient Graph(TokenCredential credential, string allowedHost, params string[] scopes)
    {
        var http = GraphClientFactory.Create(GraphClientFactory.CreateDefaultHandlers(), finalHandler: TrustedHttp.Handler(server.Authority));
        var authentication = new AzureIdentityAuthenticationProvider(credential, allowedHosts: [allowedHost], isCaeEnabled: true, scopes: scopes);
        return new GraphServiceClient(http, authentication, $"{server.Origin}/v1.0");
    }

    [Fact]
    public async Task An_admin_app_reads_its_directory_with_a_client_secret_credential()
    {
        var credential = new ClientSecretCredential(World.Contoso, ContosoAdminApp, ContosoAdminSecret,
            new ClientSecretCredentialOptions { DisableInstanceDiscovery = true }.PointedAt(server));
        var graph = Graph(credential, "127.0.0.1", "https://graph.microsoft.com/.default");

        var organization = (await graph.Organization.GetAsync())!.Value!.Single();
        Assert.Equal(World.Contoso, organization.Id);
        var alice = await graph.Users["alice@contoso.com"].GetAsync();
        Assert.Equal(World.Alice, alice!.Id);
        var partners = await graph.Policies.CrossTenantAccessPolicy.Partners.GetAsync();
        Assert.Contains(partners!.Value!, p => p.TenantId == World.Fabrikam);
    }

    [Fact]
    public async Task Alice_reads_users_with_delegated_scopes_through_a_user_credential()
    {
        var credential = new UsernamePasswordCredential("alice@contoso.com", World.Password, World.Contoso, World.Client,
            new UsernamePasswordCredentialOptions { DisableInstanceDiscovery = true }.PointedAt(server));
        var graph = Graph(credential, "127.0.0.1", "https://graph.microsoft.com/User.ReadWrite.All");

        var found = await graph.Users.GetAsync(r => r.QueryParameters.Filter = "startswith(userPrincipalName,'alice')");
        Assert.Equal(World.Alice, found!.Value!.Single().Id);
    }

    [Fact]
    public async Task Without_fakeentras_host_allowed_the_sdk_sends_no_token_and_graph_answers_401()
    {
        var credential = new ClientSecretCredential(World.Contoso, ContosoAdminApp, ContosoAdminSecret,
            new ClientSecretCredentialOptions { DisableInstanceDiscovery = true }.PointedAt(server));
        var graph = Graph(credential, "graph.microsoft.com", "https://graph.microsoft.com/.default");

        var refused = await Assert.ThrowsAsync<ODataError>(() => graph.Organization.GetAsync());
        Assert.Equal(401, refused.ResponseStatusCode);
        Assert.Equal("InvalidAuthenticationToken", refused.Error!.Code);
    }
}

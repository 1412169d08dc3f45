using System.Net;
using System.Text.Json;
using FakeEntra.Server.Tests.Infrastructure;

namespace FakeEntra.Server.Tests;

/// <summary>Devices, applications and service principals read through the SDK; the external-user lookup of shared channels.</summary>
public class GraphDirectoryReadTests(FakeEntraServer server) : IClassFixture<FakeEntraServer>
{
    [Fact]
    public async Task Devices_applications_and_service_principals_are_listed_without_secrets()
    {
        var fabrikam = GraphClients.For(server, await GraphClients.AdminAppToken(server, World.Fabrikam, "0f3b8c42-6a1e-4d8e-9b5a-1c2d3e4f5a02", "FakeEntra~Admin~Fabrikam"));
        var laptop = (await fabrikam.Devices.GetAsync(r => r.QueryParameters.Filter = "displayName eq 'FAB-LAPTOP-01'"))!.Value!.Single();
        Assert.Equal(("ac900416-06e0-4805-8c85-ad88f36a98e4", true, "AzureAd"), (laptop.DeviceId, laptop.IsCompliant, laptop.TrustType));

        var contoso = GraphClients.For(server, await GraphClients.AdminAppToken(server, World.Contoso, "0f3b8c42-6a1e-4d8e-9b5a-1c2d3e4f5a01", "FakeEntra~Admin~Contoso"));
        var daemon = (await contoso.Applications.GetAsync(r => r.QueryParameters.Filter = $"appId eq '{World.Daemon}'"))!.Value!.Single();
        var secret = daemon.PasswordCredentials!.Single();
        Assert.Equal("Dae", secret.Hint);
        Assert.Null(secret.SecretText);
        var principals = (await contoso.ServicePrincipals.GetAsync(r => r.QueryParameters.Filter = $"appId eq '{World.Client}'"))!.Value!;
        Assert.Equal(World.Client, principals.Single().AppId);
    }

    private async Task<(HttpStatusCode Status, string Body)> LookUp(string email)
    {
        using var http = server.CreateClient();
        http.DefaultRequestHeaders.Authorization = new("Bearer", await GraphClients.UserToken(server, World.Contoso, "alice@contoso.com", "User.Read"));
        var response = await http.GetAsync($"/fakeentra/externalUsers?email={Uri.EscapeDataString(email)}");
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_direct_connect_partner_user_is_found_by_full_email_with_limited_data()
    {
        var (status, body) = await LookUp("bob@fabrikam.com");
        Assert.Equal(HttpStatusCode.OK, status);
        var bob = JsonDocument.Parse(body).RootElement;
        Assert.Equal(["id", "tenantId", "givenName", "surname"], bob.EnumerateObject().Select(p => p.Name));
        Assert.Equal((World.Bob, World.Fabrikam, "Bob", "Brown"),
            (bob.GetProperty("id").GetString(), bob.GetProperty("tenantId").GetString(), bob.GetProperty("givenName").GetString(), bob.GetProperty("surname").GetString()));
    }

    [Theory]
    [InlineData("dan@northwind.com")]   // Contoso's inbound does not allow Northwind
    [InlineData("eve@litware.com")]     // Litware's outbound does not allow Contoso
    [InlineData("nobody@fabrikam.com")] // no such user
    [InlineData("bob")]                 // not a full address
    public async Task Anyone_else_is_the_same_404(string email)
    {
        var (status, body) = await LookUp(email);
        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.Equal("No external user with that email address can be added.", JsonDocument.Parse(body).RootElement.GetProperty("error").GetProperty("message").GetString());
    }
}

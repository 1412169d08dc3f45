using System.Text.Json;
using System.Text.Json.Nodes;
using FakeEntra.Server.Tests.Infrastructure;
using Microsoft.Identity.Client;
using OtpNet;

namespace FakeEntra.Server.Tests;

#pragma warning disable CS0618 // AcquireTokenByUsernamePassword

/// <summary>A scenario declares acceptances that already exist: the default world where bob has accepted Contoso's privacy statement.</summary>
public sealed class DeclaredPrivacyConsentTests : IAsyncLifetime
{
    private readonly FakeEntraServer _server = new() { Scenario = DefaultWorldWith.Write(BobAcceptedContoso) };

    public Task InitializeAsync() => _server.InitializeAsync();
    public Task DisposeAsync() => _server.DisposeAsync();

    private static void BobAcceptedContoso(JsonObject world)
    {
        var bob = DefaultWorldWith.Tenant(world, World.Fabrikam)["users"]!.AsArray().Single(u => (string?)u!["id"] == World.Bob)!;
        bob["privacyConsents"] = new JsonArray(World.Contoso);
    }

    [Fact]
    public async Task Bobs_direct_connect_password_grant_needs_no_acceptance_and_his_account_lists_it()
    {
        var result = await PublicClientApplicationBuilder.Create(World.Client).WithAuthority($"{_server.Origin}/{World.Contoso}", validateAuthority: false)
            .WithInstanceDiscovery(false).WithHttpClientFactory(_server.MsalHttp()).Build()
            .AcquireTokenByUsernamePassword([World.SharedChannelsScope], "bob@fabrikam.com", World.Password)
            .WithExtraQueryParameters(new Dictionary<string, string> { ["fakeentra_otp"] = new Totp(Base32Encoding.ToBytes("JBSWY3DPEHPK3PXP")).ComputeTotp() })
            .ExecuteAsync();
        Assert.Equal(World.Contoso, TokenAssertions.Payload(result.AccessToken).GetProperty("tid").GetString());

        using var http = _server.CreateClient();
        http.DefaultRequestHeaders.Authorization = new("Bearer", await GraphClients.UserToken(_server, World.Fabrikam, "bob@fabrikam.com", "User.Read"));
        var consents = JsonDocument.Parse(await http.GetStringAsync("/fakeentra/me/privacyConsents")).RootElement.GetProperty("value");
        Assert.Equal(World.Contoso, Assert.Single(consents.EnumerateArray()).GetProperty("tenantId").GetString());
    }
}

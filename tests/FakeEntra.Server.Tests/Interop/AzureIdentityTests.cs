using Azure.Core;
using Azure.Identity;
using FakeEntra.Server.Tests.Infrastructure;
using Microsoft.Identity.Client;

namespace FakeEntra.Server.Tests.Interop;

#pragma warning disable CS0618 // UsernamePasswordCredential: obsolete in Azure.Identity, still what many test suites use

/// <summary>Azure.Identity's credentials against FakeEntra, with instance discovery off (else they would ask login.microsoftonline.com).</summary>
[Collection(DefaultServer.Name)]
public class AzureIdentityTests(FakeEntraServer server)
{
    [Fact]
    public async Task Client_secret_credential_gets_the_daemons_app_only_token()
    {
        var credential = new ClientSecretCredential(World.Contoso, World.Daemon, World.DaemonSecret,
            new ClientSecretCredentialOptions { DisableInstanceDiscovery = true }.PointedAt(server));

        var token = await credential.GetTokenAsync(new TokenRequestContext([World.SharedChannelsDefault]), default);

        var claims = TokenAssertions.Payload(token.Token);
        Assert.Equal(World.SharedChannelsApi, claims.GetProperty("aud").GetString());
        Assert.Equal($"{server.Origin}/{World.Contoso}/v2.0", claims.GetProperty("iss").GetString());
        Assert.Equal("app", claims.GetProperty("idtyp").GetString());
        Assert.Equal("Channels.Read.All", claims.GetProperty("roles")[0].GetString());
        Assert.InRange(token.ExpiresOn - DateTimeOffset.UtcNow, TimeSpan.FromMinutes(50), TimeSpan.FromMinutes(61));
    }

    [Fact]
    public async Task Client_secret_credential_reports_a_wrong_secret_with_its_aadsts_code()
    {
        var credential = new ClientSecretCredential(World.Contoso, World.Daemon, "not-the-secret",
            new ClientSecretCredentialOptions { DisableInstanceDiscovery = true }.PointedAt(server));

        var refused = await Assert.ThrowsAsync<AuthenticationFailedException>(() =>
            credential.GetTokenAsync(new TokenRequestContext([World.SharedChannelsDefault]), default).AsTask());
        var answer = Assert.IsType<MsalServiceException>(refused.InnerException);
        Assert.Equal(401, answer.StatusCode);
        Assert.Contains("AADSTS7000215", answer.Message);
    }

    [Fact]
    public async Task Username_password_credential_signs_alice_in()
    {
        var credential = new UsernamePasswordCredential("alice@contoso.com", World.Password, World.Contoso, World.Client,
            new UsernamePasswordCredentialOptions { DisableInstanceDiscovery = true }.PointedAt(server));

        var token = await credential.GetTokenAsync(new TokenRequestContext([World.SharedChannelsScope]), default);

        var claims = TokenAssertions.Payload(token.Token);
        Assert.Equal(World.Alice, claims.GetProperty("oid").GetString());
        Assert.Equal(World.Contoso, claims.GetProperty("tid").GetString());
        Assert.Equal("Channels.ReadWrite", claims.GetProperty("scp").GetString());
    }

    [Fact]
    public async Task Device_code_credential_completes_when_alice_signs_in_on_the_device_page()
    {
        Task? person = null;
        DeviceCodeInfo? shown = null;
        var credential = new DeviceCodeCredential(new DeviceCodeCredentialOptions
        {
            TenantId = World.Contoso,
            ClientId = World.Client,
            DisableInstanceDiscovery = true,
            DeviceCodeCallback = (code, _) =>
            {
                shown = code;
                person = Task.Run(async () =>
                {
                    using var browser = new Browser(server);
                    var signIn = await browser.Submit(await browser.Get(code.VerificationUri.ToString()), ("otc", code.UserCode));
                    var confirm = await browser.SignIn(signIn, "alice@contoso.com", World.Password);
                    Assert.Equal("device", confirm.Step);
                    await browser.Submit(confirm, ("confirm", "yes"));
                });
                return Task.CompletedTask;
            },
        }.PointedAt(server));

        var token = await credential.GetTokenAsync(new TokenRequestContext([World.SharedChannelsScope]), default);
        await person!;

        Assert.Equal(new Uri($"{server.Origin}/devicelogin"), shown!.Value.VerificationUri);
        var claims = TokenAssertions.Payload(token.Token);
        Assert.Equal(World.Alice, claims.GetProperty("oid").GetString());
        Assert.Equal(World.SharedChannelsApi, claims.GetProperty("aud").GetString());
    }
}

/// <summary>The on-behalf-of credential of a middle-tier API (the Contoso Portal API of <see cref="MiddleTierWorld"/>).</summary>
public class AzureIdentityOnBehalfOfTests(MiddleTierWorld world) : IClassFixture<MiddleTierWorld>
{
    private FakeEntraServer Server => world.Server;

    [Fact]
    public async Task On_behalf_of_credential_keeps_alice_from_the_portal_to_the_shared_channels_api()
    {
        var client = new UsernamePasswordCredential("alice@contoso.com", World.Password, World.Contoso, World.Client,
            new UsernamePasswordCredentialOptions { DisableInstanceDiscovery = true }.PointedAt(Server));
        var incoming = await client.GetTokenAsync(new TokenRequestContext([MiddleTierWorld.PortalScope]), default);

        var portal = new OnBehalfOfCredential(World.Contoso, MiddleTierWorld.Portal, MiddleTierWorld.PortalSecret, incoming.Token,
            new OnBehalfOfCredentialOptions { DisableInstanceDiscovery = true }.PointedAt(Server));
        var downstream = await portal.GetTokenAsync(new TokenRequestContext([World.SharedChannelsScope]), default);

        var claims = TokenAssertions.Payload(downstream.Token);
        Assert.Equal(World.SharedChannelsApi, claims.GetProperty("aud").GetString());
        Assert.Equal(World.Alice, claims.GetProperty("oid").GetString());
        Assert.Equal(MiddleTierWorld.Portal, claims.GetProperty("azp").GetString());
        Assert.Equal("Channels.ReadWrite", claims.GetProperty("scp").GetString());
    }

    [Fact]
    public async Task On_behalf_of_credential_refuses_an_assertion_for_another_audience()
    {
        var client = new UsernamePasswordCredential("alice@contoso.com", World.Password, World.Contoso, World.Client,
            new UsernamePasswordCredentialOptions { DisableInstanceDiscovery = true }.PointedAt(Server));
        var notForThePortal = await client.GetTokenAsync(new TokenRequestContext([World.SharedChannelsScope]), default);

        var portal = new OnBehalfOfCredential(World.Contoso, MiddleTierWorld.Portal, MiddleTierWorld.PortalSecret, notForThePortal.Token,
            new OnBehalfOfCredentialOptions { DisableInstanceDiscovery = true }.PointedAt(Server));
        var refused = await Assert.ThrowsAsync<AuthenticationFailedException>(() =>
            portal.GetTokenAsync(new TokenRequestContext([World.SharedChannelsScope]), default).AsTask());
        Assert.Contains("AADSTS500131", Assert.IsAssignableFrom<MsalServiceException>(refused.InnerException).Message);
    }
}

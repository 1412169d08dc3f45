using System.Net;
using FakeEntra.Testing.World;
using Microsoft.Identity.Client;

namespace FakeEntra.Testing.Sample;

#pragma warning disable CS0618 // AcquireTokenByUsernamePassword: Entra discourages ROPC; it is the scripted cross-tenant sign-in here.

/// <summary>The API called with tokens MSAL.NET got from FakeEntra through real flows.</summary>
[Collection(PartnerWorld.Collection)]
public sealed class MsalFlowTests(PartnerWorld world)
{
    private FakeEntraServer Idp => world.Idp;

    [Fact]
    public async Task The_daemon_calls_the_api_with_client_credentials()
    {
        var daemon = Idp.ConfidentialClient(DefaultWorld.Daemon, DefaultWorld.DaemonSecret, DefaultWorld.Contoso).Build();
        var result = await daemon.AcquireTokenForClient([DefaultWorld.SharedChannelsDefault]).ExecuteAsync();

        await using var api = await SampleApi.StartAsync(Idp, DefaultWorld.Contoso, DefaultWorld.SharedChannelsApi);
        var channels = await api.ReadChannels(result.AccessToken);
        Assert.Equal(DefaultWorld.Contoso, channels.Tenant);
        Assert.Contains("General", channels.Names);
    }

    [Fact]
    public async Task Bob_signs_in_at_contoso_over_direct_connect_with_his_one_time_code()
    {
        var client = Idp.PublicClient(DefaultWorld.Client, DefaultWorld.Contoso).Build();
        var result = await client.AcquireTokenByUsernamePassword([DefaultWorld.SharedChannelsScope], "bob@fabrikam.com", DefaultWorld.Password)
            .WithExtraQueryParameters(new Dictionary<string, string> { ["fakeentra_otp"] = Idp.OneTimeCode() })
            .ExecuteAsync();

        await using var api = await SampleApi.StartAsync(Idp, DefaultWorld.Contoso, DefaultWorld.SharedChannelsApi);
        var channels = await api.ReadChannels(result.AccessToken);
        Assert.Equal(DefaultWorld.Bob, channels.Caller);
        Assert.Equal(DefaultWorld.Contoso, channels.Tenant);
        Assert.Equal($"https://sts.windows.net/{DefaultWorld.Fabrikam}/", channels.IdentityProvider);

        var atContoso = (await Idp.SignInsAsync(DefaultWorld.Contoso)).First(s => s.CorrelationId == result.CorrelationId);
        Assert.Equal("b2bDirectConnect", atContoso.CrossTenantAccessType);
        Assert.Equal("multiFactorAuthentication", atContoso.AuthenticationRequirement);
        Assert.Equal(0, atContoso.Status.ErrorCode);
        Assert.Contains(await Idp.SignInsAsync(DefaultWorld.Fabrikam), s => s.CorrelationId == result.CorrelationId && s.CrossTenantAccessType == "b2bDirectConnect");
    }

    [Fact]
    public async Task Without_a_one_time_code_bob_is_asked_for_mfa()
    {
        var client = Idp.PublicClient(DefaultWorld.Client, DefaultWorld.Contoso).Build();
        var refused = await Assert.ThrowsAsync<MsalUiRequiredException>(() =>
            client.AcquireTokenByUsernamePassword([DefaultWorld.SharedChannelsScope], "bob@fabrikam.com", DefaultWorld.Password).ExecuteAsync());
        Assert.Contains("AADSTS50076", refused.Message);
        Assert.Equal(HttpStatusCode.BadRequest, (HttpStatusCode)refused.StatusCode);
    }
}

using System.Net.Http.Headers;
using System.Net.Http.Json;
using FakeEntra.Testing;
using FakeEntra.Testing.World;

namespace SharedChannels.Tests.Infrastructure;

/// <summary>Contoso's admin changing its tenant through FakeEntra's Graph-shaped API, as a script would (the FakeEntra Admin app).</summary>
public static class ContosoAdmin
{
    /// <summary>Seed Example 2: Contoso admits Fabrikam's Marketing group only for inbound B2B direct connect.</summary>
    public static Task OnlyFabrikamMarketingAsync(this FakeEntraServer idp) => idp.PatchFabrikamPartnerAsync(new
    {
        b2bDirectConnectInbound = new
        {
            usersAndGroups = new { accessType = "allowed", targets = new[] { new { target = DefaultWorld.Marketing, targetType = "group" } } },
            applications = new { accessType = "allowed", targets = new[] { new { target = "AllApplications", targetType = "application" } } },
        },
    });

    /// <summary>Contoso no longer trusts MFA done in Fabrikam.</summary>
    public static Task WithdrawFabrikamMfaTrustAsync(this FakeEntraServer idp) =>
        idp.PatchFabrikamPartnerAsync(new { inboundTrust = new { isMfaAccepted = false, isCompliantDeviceAccepted = true, isHybridAzureADJoinedDeviceAccepted = false } });

    /// <summary>A new Contoso member who can sign in at once.</summary>
    public static async Task CreateContosoUserAsync(this FakeEntraServer idp, string upn, string displayName)
    {
        using var response = await idp.GraphAsync(HttpMethod.Post, "/v1.0/users", new
        {
            accountEnabled = true,
            displayName,
            mailNickname = upn.Split('@')[0],
            userPrincipalName = upn,
            mail = upn,
            passwordProfile = new { password = DefaultWorld.Password },
        });
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
    }

    private static async Task PatchFabrikamPartnerAsync(this FakeEntraServer idp, object change)
    {
        using var response = await idp.GraphAsync(HttpMethod.Patch, $"/v1.0/policies/crossTenantAccessPolicy/partners/{DefaultWorld.Fabrikam}", change);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
    }

    private static async Task<HttpResponseMessage> GraphAsync(this FakeEntraServer idp, HttpMethod method, string path, object body)
    {
        var token = await idp.ConfidentialClient(SharedChannelsHost.ContosoAdminApp, SharedChannelsHost.ContosoAdminSecret, DefaultWorld.Contoso).Build()
            .AcquireTokenForClient(["https://graph.microsoft.com/.default"]).ExecuteAsync();
        using var http = new HttpClient(new LoopbackOnly(idp.CreateHttpMessageHandler())) { BaseAddress = new Uri(idp.Origin) };
        using var request = new HttpRequestMessage(method, path) { Content = JsonContent.Create(body) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token.AccessToken);
        return await http.SendAsync(request);
    }
}

using FakeEntra.Server.Tests.Infrastructure;
using Microsoft.Graph.Models;
using Microsoft.Graph.Models.ODataErrors;
using Microsoft.Identity.Client;

namespace FakeEntra.Server.Tests;

#pragma warning disable CS0618 // AcquireTokenByUsernamePassword

/// <summary>Invitations make B2B collaboration guests, within both tenants' B2B collaboration settings.</summary>
public class GraphInvitationTests(FakeEntraServer server) : IClassFixture<FakeEntraServer>
{
    private Task<string> FabrikamAdmin() => GraphClients.AdminAppToken(server, World.Fabrikam, "0f3b8c42-6a1e-4d8e-9b5a-1c2d3e4f5a02", "FakeEntra~Admin~Fabrikam");

    [Fact]
    public async Task An_invited_user_signs_in_as_a_b2b_collaboration_guest()
    {
        var graph = GraphClients.For(server, await FabrikamAdmin());
        var invitation = await graph.Invitations.PostAsync(new Invitation { InvitedUserEmailAddress = "alice@contoso.com", InviteRedirectUrl = "https://myapps.microsoft.com" });
        Assert.Equal("PendingAcceptance", invitation!.Status);
        var guestId = invitation.InvitedUser!.Id;

        var result = await PublicClientApplicationBuilder.Create(World.Client).WithAuthority($"{server.Origin}/{World.Fabrikam}", validateAuthority: false)
            .WithInstanceDiscovery(false).WithHttpClientFactory(server.MsalHttp()).Build()
            .AcquireTokenByUsernamePassword(["User.Read"], "alice@contoso.com", World.Password).ExecuteAsync();
        var claims = TokenAssertions.Payload(result.AccessToken);
        Assert.Equal((guestId, World.Fabrikam, 1), (claims.GetProperty("oid").GetString(), claims.GetProperty("tid").GetString(), claims.GetProperty("acct").GetInt32()));
        Assert.Equal($"{World.Alice}.{World.Contoso}", result.Account.HomeAccountId.Identifier);

        var audit = (await graph.AuditLogs.DirectoryAudits.GetAsync(r => r.QueryParameters.Filter = "activityDisplayName eq 'Invite external user'"))!.Value!.Single();
        Assert.Contains(audit.TargetResources!.Single().ModifiedProperties!, p => p.NewValue == "alice_contoso.com#EXT#@fabrikam.onmicrosoft.com");
    }

    [Fact]
    public async Task Blocked_b2b_collaboration_settings_refuse_the_invitation()
    {
        var graph = GraphClients.For(server, await FabrikamAdmin());
        await graph.Policies.CrossTenantAccessPolicy.Partners.PostAsync(new CrossTenantAccessPolicyConfigurationPartner
        {
            TenantId = World.Northwind,
            B2bCollaborationInbound = new CrossTenantAccessPolicyB2BSetting
            {
                UsersAndGroups = new() { AccessType = CrossTenantAccessPolicyTargetConfigurationAccessType.Blocked, Targets = [new() { Target = "AllUsers", TargetType = CrossTenantAccessPolicyTargetType.User }] },
                Applications = new() { AccessType = CrossTenantAccessPolicyTargetConfigurationAccessType.Blocked, Targets = [new() { Target = "AllApplications", TargetType = CrossTenantAccessPolicyTargetType.Application }] },
            },
        });
        var error = await Assert.ThrowsAsync<ODataError>(() => graph.Invitations.PostAsync(new Invitation { InvitedUserEmailAddress = "dan@northwind.com", InviteRedirectUrl = "https://myapps.microsoft.com" }));
        Assert.Equal(400, error.ResponseStatusCode);
        Assert.Contains("inbound B2B collaboration settings", error.Error!.Message);
        var unknown = await Assert.ThrowsAsync<ODataError>(() => graph.Invitations.PostAsync(new Invitation { InvitedUserEmailAddress = "someone@gmail.com", InviteRedirectUrl = "https://myapps.microsoft.com" }));
        Assert.Equal(400, unknown.ResponseStatusCode);
    }
}

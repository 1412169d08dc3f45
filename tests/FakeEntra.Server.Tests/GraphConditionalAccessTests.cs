using System.Net;
using System.Text;
using FakeEntra.Server.Tests.Infrastructure;
using Microsoft.Graph.Models;
using Microsoft.Graph.Models.ODataErrors;
using Microsoft.Identity.Client;

namespace FakeEntra.Server.Tests;

#pragma warning disable CS0618 // AcquireTokenByUsernamePassword

/// <summary>Conditional Access policies created through the Graph SDK take effect at the next sign-in.</summary>
public class GraphConditionalAccessTests(FakeEntraServer server) : IClassFixture<FakeEntraServer>
{
    private const string Litware = "9b857bb0-5fb4-4a8c-a685-a9b12a25ae3e";

    private Task<string> LitwareAdmin() => GraphClients.AdminAppToken(server, Litware, "0f3b8c42-6a1e-4d8e-9b5a-1c2d3e4f5a04", "FakeEntra~Admin~Litware");

    private Task<AuthenticationResult> EveSignsIn() =>
        PublicClientApplicationBuilder.Create(World.Client).WithAuthority($"{server.Origin}/{Litware}", validateAuthority: false)
            .WithInstanceDiscovery(false).WithHttpClientFactory(server.MsalHttp()).Build()
            .AcquireTokenByUsernamePassword(["User.Read"], "eve@litware.com", World.Password).ExecuteAsync();

    [Fact]
    public async Task A_policy_created_updated_and_deleted_through_the_sdk_governs_sign_ins()
    {
        var graph = GraphClients.For(server, await LitwareAdmin());
        var created = await graph.Identity.ConditionalAccess.Policies.PostAsync(new ConditionalAccessPolicy
        {
            DisplayName = "Require MFA for everyone on Graph",
            State = ConditionalAccessPolicyState.Enabled,
            Conditions = new ConditionalAccessConditionSet
            {
                Users = new ConditionalAccessUsers { IncludeUsers = ["All"] },
                Applications = new ConditionalAccessApplications { IncludeApplications = ["00000003-0000-0000-c000-000000000000"] },
            },
            GrantControls = new ConditionalAccessGrantControls { Operator = "OR", BuiltInControls = [ConditionalAccessGrantControl.Mfa] },
        });
        Assert.NotNull(created!.Id);
        Assert.NotNull(created.CreatedDateTime);
        Assert.Contains("AADSTS50076:", (await Assert.ThrowsAnyAsync<MsalServiceException>(EveSignsIn)).Message);

        await graph.Identity.ConditionalAccess.Policies[created.Id].PatchAsync(new ConditionalAccessPolicy { State = ConditionalAccessPolicyState.Disabled });
        Assert.Equal(ConditionalAccessPolicyState.Disabled, (await graph.Identity.ConditionalAccess.Policies[created.Id].GetAsync())!.State);
        Assert.NotNull(await EveSignsIn());

        await graph.Identity.ConditionalAccess.Policies[created.Id].DeleteAsync();
        Assert.Empty((await graph.Identity.ConditionalAccess.Policies.GetAsync())!.Value!);
        var audits = (await graph.AuditLogs.DirectoryAudits.GetAsync(r => r.QueryParameters.Filter = "category eq 'Policy'"))!.Value!;
        Assert.Equal(["Delete conditional access policy", "Update conditional access policy", "Add conditional access policy"], audits.Select(a => a.ActivityDisplayName));
    }

    [Theory]
    [InlineData("{\"displayName\":\"x\",\"conditions\":{\"users\":{\"includeUsers\":[\"All\"]},\"applications\":{\"includeApplications\":[\"All\"]}},\"grantControls\":{\"operator\":\"XOR\",\"builtInControls\":[\"mfa\"]}}", "is not AND or OR")]
    [InlineData("{\"displayName\":\"x\",\"conditions\":{\"users\":{},\"applications\":{\"includeApplications\":[\"All\"]}},\"grantControls\":{\"operator\":\"OR\",\"builtInControls\":[\"mfa\"]}}", "must include users")]
    [InlineData("{\"displayName\":\"x\",\"conditions\":{\"users\":{\"includeUsers\":[\"All\"]},\"applications\":{\"includeApplications\":[\"All\"]}},\"grantControls\":{\"operator\":\"OR\",\"builtInControls\":[\"approvedApplication\"]}}", "is not supported")]
    public async Task Policies_outside_the_evaluated_subset_are_400(string body, string message)
    {
        using var http = server.CreateClient();
        http.DefaultRequestHeaders.Authorization = new("Bearer", await LitwareAdmin());
        var response = await http.PostAsync("/v1.0/identity/conditionalAccess/policies", new StringContent(body, Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(message, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Changing_conditional_access_needs_its_permission()
    {
        var alice = await GraphClients.UserToken(server, World.Contoso, "alice@contoso.com", "https://graph.microsoft.com/Policy.ReadWrite.CrossTenantAccess");
        var error = await Assert.ThrowsAsync<ODataError>(() => GraphClients.For(server, alice).Identity.ConditionalAccess.Policies.PostAsync(new ConditionalAccessPolicy { DisplayName = "x" }));
        Assert.Equal(403, error.ResponseStatusCode);
    }
}

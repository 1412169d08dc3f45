using System.Net;
using System.Text;
using FakeEntra.Server.Tests.Infrastructure;
using Microsoft.Graph;
using Microsoft.Graph.Models;
using Microsoft.Graph.Models.ODataErrors;
using Microsoft.Identity.Client;
using OtpNet;

namespace FakeEntra.Server.Tests;

#pragma warning disable CS0618 // AcquireTokenByUsernamePassword

/// <summary>The Graph-shaped admin API through the official Microsoft Graph SDK.</summary>
public class GraphTests(FakeEntraServer server) : IClassFixture<FakeEntraServer>
{
    private const string Litware = "9b857bb0-5fb4-4a8c-a685-a9b12a25ae3e";
    private const string Marketing = "4b482ed1-2c44-46a5-a281-3faa7928b39f";
    private const string Laptop = "ac900416-06e0-4805-8c85-ad88f36a98e4";
    private const string FilesScope = "api://b6c7cace-ed66-497d-814d-480a90eb0bac/Files.ReadWrite";

    private Task<string> ContosoAdmin() => GraphClients.AdminAppToken(server, World.Contoso, "0f3b8c42-6a1e-4d8e-9b5a-1c2d3e4f5a01", "FakeEntra~Admin~Contoso");
    private Task<string> FabrikamAdmin() => GraphClients.AdminAppToken(server, World.Fabrikam, "0f3b8c42-6a1e-4d8e-9b5a-1c2d3e4f5a02", "FakeEntra~Admin~Fabrikam");
    private Task<string> LitwareAdmin() => GraphClients.AdminAppToken(server, Litware, "0f3b8c42-6a1e-4d8e-9b5a-1c2d3e4f5a04", "FakeEntra~Admin~Litware");

    private static CrossTenantAccessPolicyTargetConfiguration Targets(CrossTenantAccessPolicyTargetConfigurationAccessType type, string target, CrossTenantAccessPolicyTargetType targetType) =>
        new() { AccessType = type, Targets = [new CrossTenantAccessPolicyTarget { Target = target, TargetType = targetType }] };

    [Fact]
    public async Task An_admin_app_reads_the_policy_its_default_and_its_partners()
    {
        var graph = GraphClients.For(server, await ContosoAdmin());
        var policy = await graph.Policies.CrossTenantAccessPolicy.GetAsync();
        Assert.Equal("CrossTenantAccessPolicy", policy!.DisplayName);
        await graph.Policies.CrossTenantAccessPolicy.PatchAsync(new CrossTenantAccessPolicy { AllowedCloudEndpoints = ["microsoftonline.us"] });
        Assert.Equal(["microsoftonline.us"], (await graph.Policies.CrossTenantAccessPolicy.GetAsync())!.AllowedCloudEndpoints);
        var defaults = await graph.Policies.CrossTenantAccessPolicy.Default.GetAsync();
        Assert.True(defaults!.IsServiceDefault);
        Assert.Equal(CrossTenantAccessPolicyTargetConfigurationAccessType.Blocked, defaults.B2bDirectConnectInbound!.UsersAndGroups!.AccessType);
        var partners = await graph.Policies.CrossTenantAccessPolicy.Partners.GetAsync();
        Assert.Equal([World.Fabrikam, Litware], partners!.Value!.Select(p => p.TenantId).Order());
        var fabrikam = await graph.Policies.CrossTenantAccessPolicy.Partners[World.Fabrikam].GetAsync();
        Assert.True(fabrikam!.InboundTrust!.IsMfaAccepted);
        Assert.Null(fabrikam.B2bCollaborationInbound); // inherits the default
    }

    [Fact]
    public async Task Example_2_through_the_api_refuses_carol_and_is_audited_and_logged_in_both_tenants()
    {
        var graph = GraphClients.For(server, await ContosoAdmin());
        await graph.Policies.CrossTenantAccessPolicy.Partners[World.Fabrikam].PatchAsync(new CrossTenantAccessPolicyConfigurationPartner
        {
            B2bDirectConnectInbound = new CrossTenantAccessPolicyB2BSetting
            {
                UsersAndGroups = Targets(CrossTenantAccessPolicyTargetConfigurationAccessType.Allowed, Marketing, CrossTenantAccessPolicyTargetType.Group),
                Applications = Targets(CrossTenantAccessPolicyTargetConfigurationAccessType.Allowed, "AllApplications", CrossTenantAccessPolicyTargetType.Application),
            },
        });
        var updated = await graph.Policies.CrossTenantAccessPolicy.Partners[World.Fabrikam].GetAsync();
        Assert.Equal(Marketing, updated!.B2bDirectConnectInbound!.UsersAndGroups!.Targets!.Single().Target);

        var pca = PublicClientApplicationBuilder.Create(World.Client).WithAuthority($"{server.Origin}/{World.Contoso}", validateAuthority: false)
            .WithInstanceDiscovery(false).WithHttpClientFactory(server.MsalHttp()).Build();
        var refused = await Assert.ThrowsAnyAsync<MsalServiceException>(() => pca.AcquireTokenByUsernamePassword([FilesScope], "carol@fabrikam.com", World.Password)
            .WithExtraQueryParameters(new Dictionary<string, string> { ["fakeentra_device_id"] = Laptop }).ExecuteAsync());
        Assert.Contains("AADSTS500213:", refused.Message);
        await PrivacyConsent.GiveAsync(server, "bob@fabrikam.com", World.SharedChannelsScope);
        var bob = await pca.AcquireTokenByUsernamePassword([World.SharedChannelsScope], "bob@fabrikam.com", World.Password)
            .WithExtraQueryParameters(new Dictionary<string, string> { ["fakeentra_otp"] = new Totp(Base32Encoding.ToBytes("JBSWY3DPEHPK3PXP")).ComputeTotp() }).ExecuteAsync();
        Assert.NotNull(bob.AccessToken);

        var audits = await graph.AuditLogs.DirectoryAudits.GetAsync(r => r.QueryParameters.Filter = "category eq 'CrossTenantAccessSettings'");
        var audit = audits!.Value!.First(a => a.ActivityDisplayName == "Update a partner cross-tenant access setting");
        Assert.Equal(OperationResult.Success, audit.Result);
        Assert.Equal("0f3b8c42-6a1e-4d8e-9b5a-1c2d3e4f5a01", audit.InitiatedBy!.App!.AppId);
        var change = audit.TargetResources!.Single().ModifiedProperties!.Single(p => p.DisplayName == "b2bDirectConnectInbound");
        Assert.Contains("AllUsers", change.OldValue);
        Assert.Contains(Marketing, change.NewValue);

        const string filter = "userPrincipalName eq 'carol@fabrikam.com' and status/errorCode eq 500213";
        var contosoRows = await graph.AuditLogs.SignIns.GetAsync(r => r.QueryParameters.Filter = filter);
        var fabrikamRows = await GraphClients.For(server, await FabrikamAdmin()).AuditLogs.SignIns.GetAsync(r => r.QueryParameters.Filter = filter);
        foreach (var row in new[] { contosoRows!.Value!.First(), fabrikamRows!.Value!.First() })
        {
            Assert.Equal(500213, row.Status!.ErrorCode);
            Assert.Equal("b2bDirectConnect", row.AdditionalData["crossTenantAccessType"]?.ToString());
            Assert.Equal(World.Fabrikam, row.HomeTenantId);
            Assert.Equal(World.Contoso, row.ResourceTenantId);
        }
    }

    [Fact]
    public async Task Partners_are_added_and_deleted_with_audit_rows_and_the_default_resets()
    {
        var graph = GraphClients.For(server, await LitwareAdmin());
        var created = await graph.Policies.CrossTenantAccessPolicy.Partners.PostAsync(new CrossTenantAccessPolicyConfigurationPartner
        {
            TenantId = World.Contoso,
            B2bDirectConnectOutbound = new CrossTenantAccessPolicyB2BSetting
            {
                UsersAndGroups = Targets(CrossTenantAccessPolicyTargetConfigurationAccessType.Allowed, "AllUsers", CrossTenantAccessPolicyTargetType.User),
                Applications = Targets(CrossTenantAccessPolicyTargetConfigurationAccessType.Allowed, "AllApplications", CrossTenantAccessPolicyTargetType.Application),
            },
        });
        Assert.Equal(World.Contoso, created!.TenantId);
        var again = await Assert.ThrowsAsync<ODataError>(() => graph.Policies.CrossTenantAccessPolicy.Partners.PostAsync(new CrossTenantAccessPolicyConfigurationPartner { TenantId = World.Contoso }));
        Assert.Equal(409, again.ResponseStatusCode);
        await graph.Policies.CrossTenantAccessPolicy.Partners[World.Contoso].DeleteAsync();
        var gone = await Assert.ThrowsAsync<ODataError>(() => graph.Policies.CrossTenantAccessPolicy.Partners[World.Contoso].GetAsync());
        Assert.Equal((404, "Request_ResourceNotFound"), (gone.ResponseStatusCode, gone.Error!.Code));

        await graph.Policies.CrossTenantAccessPolicy.Default.PatchAsync(new CrossTenantAccessPolicyConfigurationDefault
        {
            InboundTrust = new CrossTenantAccessPolicyInboundTrust { IsMfaAccepted = true },
        });
        Assert.False((await graph.Policies.CrossTenantAccessPolicy.Default.GetAsync())!.IsServiceDefault);
        await graph.Policies.CrossTenantAccessPolicy.Default.ResetToSystemDefault.PostAsync();
        var reset = await graph.Policies.CrossTenantAccessPolicy.Default.GetAsync();
        Assert.True(reset!.IsServiceDefault);
        Assert.False(reset.InboundTrust!.IsMfaAccepted);

        var activities = (await graph.AuditLogs.DirectoryAudits.GetAsync())!.Value!.Select(a => a.ActivityDisplayName).ToList();
        Assert.Contains("Add a partner to cross-tenant access setting", activities);
        Assert.Contains("Delete partner specific cross-tenant access setting", activities);
        Assert.Contains("Update the company default cross-tenant access setting", activities);
        Assert.Contains("Reset the cross-tenant access default setting", activities);
    }

    [Theory]
    [InlineData("own tenant")]
    [InlineData("unknown tenant")]
    public async Task Partners_for_an_unknown_or_the_own_tenant_are_400(string which)
    {
        var graph = GraphClients.For(server, await LitwareAdmin());
        var tenant = which == "own tenant" ? Litware : "00000000-0000-0000-0000-0000000000aa";
        var error = await Assert.ThrowsAsync<ODataError>(() => graph.Policies.CrossTenantAccessPolicy.Partners.PostAsync(new CrossTenantAccessPolicyConfigurationPartner { TenantId = tenant }));
        Assert.Equal(400, error.ResponseStatusCode);
    }

    [Fact]
    public async Task Conflicting_users_and_applications_settings_are_400_and_nothing_is_written()
    {
        var graph = GraphClients.For(server, await LitwareAdmin());
        var error = await Assert.ThrowsAsync<ODataError>(() => graph.Policies.CrossTenantAccessPolicy.Default.PatchAsync(new CrossTenantAccessPolicyConfigurationDefault
        {
            B2bCollaborationInbound = new CrossTenantAccessPolicyB2BSetting
            {
                UsersAndGroups = Targets(CrossTenantAccessPolicyTargetConfigurationAccessType.Blocked, "AllUsers", CrossTenantAccessPolicyTargetType.User),
                Applications = Targets(CrossTenantAccessPolicyTargetConfigurationAccessType.Allowed, "AllApplications", CrossTenantAccessPolicyTargetType.Application),
            },
        }));
        Assert.Equal(400, error.ResponseStatusCode);
        Assert.Contains("must block all applications too", error.Error!.Message);
        Assert.Equal(CrossTenantAccessPolicyTargetConfigurationAccessType.Allowed,
            (await graph.Policies.CrossTenantAccessPolicy.Default.GetAsync())!.B2bCollaborationInbound!.UsersAndGroups!.AccessType);
    }

    [Theory]
    [InlineData("{ \"b2bDirectConnectInbound\": { \"usersAndGroups\": { \"accessType\": \"sometimes\", \"targets\": [ { \"target\": \"AllUsers\", \"targetType\": \"user\" } ] }, \"applications\": { \"accessType\": \"blocked\", \"targets\": [ { \"target\": \"AllApplications\", \"targetType\": \"application\" } ] } } }", "not a valid accessType")]
    [InlineData("{ \"surprise\": true }", "Invalid property 'surprise'.")]
    [InlineData("{ \"inboundTrust\": { \"isMfaAccepted\": \"yes\" } }", "Invalid value specified for property 'inboundTrust.isMfaAccepted'")]
    [InlineData("{ not json", "Unable to read JSON request payload")]
    [InlineData("[1,2]", "must be a JSON object")]
    public async Task Bad_bodies_are_400_with_graphs_error_body(string body, string message)
    {
        using var http = server.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Patch, $"/v1.0/policies/crossTenantAccessPolicy/partners/{World.Fabrikam}")
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new("Bearer", await ContosoAdmin());
        var response = await http.SendAsync(request);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var error = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("error");
        Assert.Equal("Request_BadRequest", error.GetProperty("code").GetString());
        Assert.Contains(message, error.GetProperty("message").GetString());
        Assert.True(error.GetProperty("innerError").TryGetProperty("request-id", out _));
    }

    [Fact]
    public async Task A_huge_body_is_400()
    {
        using var http = server.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Patch, "/v1.0/policies/crossTenantAccessPolicy/default")
        {
            Content = new StringContent("{\"x\":\"" + new string('a', 2 << 20) + "\"}", Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new("Bearer", await LitwareAdmin());
        Assert.Equal(HttpStatusCode.BadRequest, (await http.SendAsync(request)).StatusCode);
    }

    [Fact]
    public async Task Callers_need_a_current_graph_token_with_the_permission_and_for_users_a_role()
    {
        var noRoles = await GraphClients.AdminAppToken(server, World.Contoso, World.Daemon, World.DaemonSecret);
        Assert.Equal(403, (await Assert.ThrowsAsync<ODataError>(() => GraphClients.For(server, noRoles).Policies.CrossTenantAccessPolicy.Default.GetAsync())).ResponseStatusCode);

        var otherAudience = await GraphClients.UserToken(server, World.Contoso, "alice@contoso.com", World.SharedChannelsScope);
        Assert.Equal(401, (await Assert.ThrowsAsync<ODataError>(() => GraphClients.For(server, otherAudience).Policies.CrossTenantAccessPolicy.Default.GetAsync())).ResponseStatusCode);

        var alice = await GraphClients.UserToken(server, World.Contoso, "alice@contoso.com", "https://graph.microsoft.com/Policy.ReadWrite.CrossTenantAccess");
        Assert.NotNull(await GraphClients.For(server, alice).Policies.CrossTenantAccessPolicy.Default.GetAsync());

        // Carol has the scope through the client's consent but no directory role in Fabrikam.
        var carol = await GraphClients.UserToken(server, World.Fabrikam, "carol@fabrikam.com", "https://graph.microsoft.com/Policy.Read.All");
        Assert.Equal(403, (await Assert.ThrowsAsync<ODataError>(() => GraphClients.For(server, carol).Policies.CrossTenantAccessPolicy.Default.GetAsync())).ResponseStatusCode);
        // Alice's scopes do not include audit logs.
        Assert.Equal(403, (await Assert.ThrowsAsync<ODataError>(() => GraphClients.For(server, alice).AuditLogs.SignIns.GetAsync())).ResponseStatusCode);

        server.Clock.Offset = TimeSpan.FromHours(-2);
        string expired;
        try
        {
            expired = await ContosoAdmin();
        }
        finally
        {
            server.Clock.Offset = TimeSpan.Zero;
        }
        var error = await Assert.ThrowsAsync<ODataError>(() => GraphClients.For(server, expired).Policies.CrossTenantAccessPolicy.GetAsync());
        Assert.Equal((401, "InvalidAuthenticationToken"), (error.ResponseStatusCode, error.Error!.Code));
    }

    [Fact]
    public async Task Sign_in_logs_filter_and_page_newest_first()
    {
        var pca = PublicClientApplicationBuilder.Create(World.Client).WithAuthority($"{server.Origin}/{World.Contoso}", validateAuthority: false)
            .WithInstanceDiscovery(false).WithHttpClientFactory(server.MsalHttp()).Build();
        for (var i = 0; i < 3; i++) await pca.AcquireTokenByUsernamePassword([World.SharedChannelsScope], "alice@contoso.com", World.Password).ExecuteAsync();

        var graph = GraphClients.For(server, await ContosoAdmin());
        var first = await graph.AuditLogs.SignIns.GetAsync(r =>
        {
            r.QueryParameters.Filter = $"userPrincipalName eq 'alice@contoso.com' and appId eq '{World.Client}' and crossTenantAccessType eq 'none'";
            r.QueryParameters.Top = 2;
        });
        Assert.Equal(2, first!.Value!.Count);
        Assert.True(first.Value[0].CreatedDateTime >= first.Value[1].CreatedDateTime);
        Assert.NotNull(first.OdataNextLink);
        var next = await graph.AuditLogs.SignIns.WithUrl(first.OdataNextLink).GetAsync();
        Assert.NotEmpty(next!.Value!);

        var bad = await Assert.ThrowsAsync<ODataError>(() => graph.AuditLogs.SignIns.GetAsync(r => r.QueryParameters.Filter = "contains(userPrincipalName, 'alice')"));
        Assert.Equal(400, bad.ResponseStatusCode);
    }
    // Sign-in rows are appended in plain SQL (RowInserter); Graph filters them through EF Core by their tenant and time.
    [Fact]
    public async Task A_sign_in_row_is_found_by_its_time()
    {
        var pca = PublicClientApplicationBuilder.Create(World.Client).WithAuthority($"{server.Origin}/{World.Contoso}", validateAuthority: false)
            .WithInstanceDiscovery(false).WithHttpClientFactory(server.MsalHttp()).Build();
        var correlation = Guid.NewGuid();
        await pca.AcquireTokenByUsernamePassword([World.SharedChannelsScope], "alice@contoso.com", World.Password).WithCorrelationId(correlation).ExecuteAsync();

        var graph = GraphClients.For(server, await ContosoAdmin());
        var row = (await graph.AuditLogs.SignIns.GetAsync(r => r.QueryParameters.Top = 50))!.Value!.Single(s => s.CorrelationId == correlation.ToString());

        var created = row.CreatedDateTime!.Value.UtcDateTime;
        var since = await graph.AuditLogs.SignIns.GetAsync(r => r.QueryParameters.Filter = $"createdDateTime ge {created.AddSeconds(-1):yyyy-MM-ddTHH:mm:ssZ}");
        Assert.Contains(since!.Value!, s => s.Id == row.Id);
        var later = await graph.AuditLogs.SignIns.GetAsync(r => r.QueryParameters.Filter = $"createdDateTime gt {created.AddMinutes(1):yyyy-MM-ddTHH:mm:ssZ}");
        Assert.DoesNotContain(later!.Value!, s => s.Id == row.Id);
    }
}

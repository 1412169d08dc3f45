using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using FakeEntra.Server.Tests.Infrastructure;
using Microsoft.Graph.Models.ODataErrors;

namespace FakeEntra.Server.Tests;

/// <summary>Organization, tenant information and FakeEntra's what-if, through the Graph SDK where it has the call.</summary>
public class GraphDirectoryTests(FakeEntraServer server) : IClassFixture<FakeEntraServer>
{
    private Task<string> ContosoAdmin() => GraphClients.AdminAppToken(server, World.Contoso, "0f3b8c42-6a1e-4d8e-9b5a-1c2d3e4f5a01", "FakeEntra~Admin~Contoso");

    [Fact]
    public async Task The_organization_has_its_domains_and_privacy_profile_and_another_tenants_is_403()
    {
        var graph = GraphClients.For(server, await ContosoAdmin());
        var organization = (await graph.Organization.GetAsync())!.Value!.Single();
        Assert.Equal(World.Contoso, organization.Id);
        Assert.Equal("privacy@contoso.com", organization.PrivacyProfile!.ContactEmail);
        Assert.Equal("https://contoso.com/privacy", organization.PrivacyProfile.StatementUrl);
        Assert.Contains(organization.VerifiedDomains!, d => d.Name == "contoso.com" && d.IsDefault == true);
        Assert.Equal("Contoso", (await graph.Organization[World.Contoso].GetAsync())!.DisplayName);
        var other = await Assert.ThrowsAsync<ODataError>(() => graph.Organization[World.Fabrikam].GetAsync());
        Assert.Equal((403, "Authorization_RequestDenied"), (other.ResponseStatusCode, other.Error!.Code));
    }

    [Fact]
    public async Task Tenant_information_is_found_by_domain()
    {
        var graph = GraphClients.For(server, await ContosoAdmin());
        var info = await graph.TenantRelationships.FindTenantInformationByDomainNameWithDomainName("fabrikam.com").GetAsync();
        Assert.Equal((World.Fabrikam, "Fabrikam", "fabrikam.com"), (info!.TenantId, info.DisplayName, info.DefaultDomainName));
        Assert.Equal(404, (await Assert.ThrowsAsync<ODataError>(() => graph.TenantRelationships.FindTenantInformationByDomainNameWithDomainName("nowhere.example").GetAsync())).ResponseStatusCode);
    }

    private async Task<(HttpStatusCode Status, JsonElement Body)> WhatIf(object facts)
    {
        using var http = server.CreateClient();
        http.DefaultRequestHeaders.Authorization = new("Bearer", await ContosoAdmin());
        var response = await http.PostAsJsonAsync("/fakeentra/whatIf", facts);
        return (response.StatusCode, JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone());
    }

    [Fact]
    public async Task What_if_explains_a_refusal_without_signing_anyone_in()
    {
        var (status, dan) = await WhatIf(new { userPrincipalName = "dan@northwind.com", resourceAppId = World.SharedChannelsApi, clientAppId = World.Client, mfaDone = true });
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.False(dan.GetProperty("allowed").GetBoolean());
        Assert.Equal("AADSTS500213", dan.GetProperty("error").GetProperty("code").GetString());
        Assert.Contains(dan.GetProperty("trace").EnumerateArray(), t => t.GetString()!.Contains("Contoso inbound B2B direct connect from Northwind", StringComparison.Ordinal));

        var (_, bob) = await WhatIf(new { userPrincipalName = "bob@fabrikam.com", resourceAppId = World.SharedChannelsApi, mfaDone = false, interactive = true });
        Assert.Equal("MfaAtHome", bob.GetProperty("challenge").GetString());
        Assert.Equal("b2bDirectConnect", bob.GetProperty("crossTenantAccessType").GetString());

        var (badStatus, _) = await WhatIf(new { userPrincipalName = "nobody@contoso.com", resourceAppId = World.SharedChannelsApi });
        Assert.Equal(HttpStatusCode.BadRequest, badStatus);
    }
}

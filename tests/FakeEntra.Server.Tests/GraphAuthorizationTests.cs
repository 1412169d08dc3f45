using System.Net;
using System.Text;
using FakeEntra.Server.Tests.Infrastructure;

namespace FakeEntra.Server.Tests;

/// <summary>Every Graph endpoint refuses tokens without the permission, expired ones and ones for another audience.</summary>
public class GraphAuthorizationTests(FakeEntraServer server) : IClassFixture<FakeEntraServer>
{
    public static TheoryData<string, string> Endpoints => new()
    {
        { "GET", "/v1.0/policies/crossTenantAccessPolicy" },
        { "PATCH", "/v1.0/policies/crossTenantAccessPolicy" },
        { "GET", "/v1.0/policies/crossTenantAccessPolicy/default" },
        { "PATCH", "/v1.0/policies/crossTenantAccessPolicy/default" },
        { "POST", "/v1.0/policies/crossTenantAccessPolicy/default/resetToSystemDefault" },
        { "GET", "/v1.0/policies/crossTenantAccessPolicy/partners" },
        { "POST", "/v1.0/policies/crossTenantAccessPolicy/partners" },
        { "GET", $"/v1.0/policies/crossTenantAccessPolicy/partners/{World.Fabrikam}" },
        { "PATCH", $"/v1.0/policies/crossTenantAccessPolicy/partners/{World.Fabrikam}" },
        { "DELETE", $"/v1.0/policies/crossTenantAccessPolicy/partners/{World.Fabrikam}" },
        { "GET", "/v1.0/identity/conditionalAccess/policies" },
        { "POST", "/v1.0/identity/conditionalAccess/policies" },
        { "GET", "/v1.0/users" },
        { "POST", "/v1.0/users" },
        { "PATCH", $"/v1.0/users/{World.Alice}" },
        { "DELETE", $"/v1.0/users/{World.Alice}" },
        { "GET", "/v1.0/groups" },
        { "POST", "/v1.0/groups" },
        { "GET", "/v1.0/devices" },
        { "GET", "/v1.0/applications" },
        { "GET", "/v1.0/servicePrincipals" },
        { "GET", "/v1.0/organization" },
        { "POST", "/v1.0/invitations" },
        { "GET", "/v1.0/tenantRelationships/findTenantInformationByDomainName(domainName='fabrikam.com')" },
        { "GET", "/v1.0/auditLogs/signIns" },
        { "GET", "/v1.0/auditLogs/directoryAudits" },
        { "POST", "/fakeentra/whatIf" },
    };

    private async Task<HttpStatusCode> Call(string method, string path, string? token)
    {
        using var http = server.CreateClient();
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (method is "POST" or "PATCH") request.Content = new StringContent("{}", Encoding.UTF8, "application/json");
        if (token is not null) request.Headers.Authorization = new("Bearer", token);
        return (await http.SendAsync(request)).StatusCode;
    }

    [Theory]
    [MemberData(nameof(Endpoints))]
    public async Task Refuses_missing_unpermitted_expired_and_foreign_audience_tokens(string method, string path)
    {
        Assert.Equal(HttpStatusCode.Unauthorized, await Call(method, path, null));
        Assert.Equal(HttpStatusCode.Unauthorized, await Call(method, path, "not-a-token"));

        // The daemon holds no Graph permission in Contoso.
        var unpermitted = await GraphClients.AdminAppToken(server, World.Contoso, World.Daemon, World.DaemonSecret);
        Assert.Equal(HttpStatusCode.Forbidden, await Call(method, path, unpermitted));

        // A token for the Shared Channels API, not for Graph.
        var otherAudience = await GraphClients.UserToken(server, World.Contoso, "alice@contoso.com", World.SharedChannelsScope);
        Assert.Equal(HttpStatusCode.Unauthorized, await Call(method, path, otherAudience));

        server.Clock.Offset = TimeSpan.FromHours(-2);
        string expired;
        try
        {
            expired = await GraphClients.AdminAppToken(server, World.Contoso, "0f3b8c42-6a1e-4d8e-9b5a-1c2d3e4f5a01", "FakeEntra~Admin~Contoso");
        }
        finally
        {
            server.Clock.Offset = TimeSpan.Zero;
        }
        Assert.Equal(HttpStatusCode.Unauthorized, await Call(method, path, expired));
    }
}

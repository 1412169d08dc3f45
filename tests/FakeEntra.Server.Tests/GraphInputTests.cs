using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using FakeEntra.Server.Tests.Infrastructure;
using FakeEntra.Server.World;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Graph.Models;
using Microsoft.Graph.Models.ODataErrors;
using Microsoft.Identity.Client;

namespace FakeEntra.Server.Tests;

#pragma warning disable CS0618 // AcquireTokenByUsernamePassword

/// <summary>
/// What the Graph-shaped API reads from a body: exactly the writable properties Graph documents, in the caller's terms when
/// refused, and a 400 with Graph's error body for every unreadable or hostile body (never a 500).
/// </summary>
public class GraphInputTests(FakeEntraServer server) : IClassFixture<FakeEntraServer>
{
    private const string Marketing = "4b482ed1-2c44-46a5-a281-3faa7928b39f";
    private const string ContosoMfaPolicy = "f9220e94-c1f8-43e0-a8a9-6b9d3c67a26d";

    private Task<string> ContosoAdmin() => GraphClients.AdminAppToken(server, World.Contoso, "0f3b8c42-6a1e-4d8e-9b5a-1c2d3e4f5a01", "FakeEntra~Admin~Contoso");
    private Task<string> FabrikamAdmin() => GraphClients.AdminAppToken(server, World.Fabrikam, "0f3b8c42-6a1e-4d8e-9b5a-1c2d3e4f5a02", "FakeEntra~Admin~Fabrikam");

    /// <summary>Every route that reads a body, with the tenant whose admin calls it.</summary>
    public static readonly (string Method, string Path, string Tenant)[] BodyRoutes =
    [
        ("PATCH", "/v1.0/policies/crossTenantAccessPolicy", World.Contoso),
        ("PATCH", "/v1.0/policies/crossTenantAccessPolicy/default", World.Contoso),
        ("POST", "/v1.0/policies/crossTenantAccessPolicy/partners", World.Contoso),
        ("PATCH", $"/v1.0/policies/crossTenantAccessPolicy/partners/{World.Fabrikam}", World.Contoso),
        ("POST", "/v1.0/identity/conditionalAccess/policies", World.Contoso),
        ("PATCH", $"/v1.0/identity/conditionalAccess/policies/{ContosoMfaPolicy}", World.Contoso),
        ("POST", "/v1.0/invitations", World.Contoso),
        ("POST", "/fakeentra/whatIf", World.Contoso),
        ("POST", "/v1.0/users", World.Fabrikam),
        ("PATCH", $"/v1.0/users/{World.Bob}", World.Fabrikam),
        ("POST", "/v1.0/groups", World.Fabrikam),
        ("PATCH", $"/v1.0/groups/{Marketing}", World.Fabrikam),
        ("POST", $"/v1.0/groups/{Marketing}/members/$ref", World.Fabrikam),
    ];

    /// <summary>Bodies no route can read: each must be a Graph 400, never a 500.</summary>
    private static readonly Dictionary<string, (byte[] Body, string ContentType)> Unreadable = new()
    {
        ["duplicate key"] = (Encoding.UTF8.GetBytes("""{"displayName":"a","displayName":"b"}"""), "application/json"),
        ["duplicate key by case"] = (Encoding.UTF8.GetBytes("""{"displayName":"a","DisplayName":"b"}"""), "application/json"),
        ["invalid UTF-8"] = ([.. "{\"displayName\":\""u8, 0xC3, 0x28, 0xFF, .. "\"}"u8], "application/json"),
        ["invalid UTF-8 in a name"] = ([.. "{\""u8, 0xFF, .. "\":1}"u8], "application/json"),
        ["lone surrogate"] = (Encoding.UTF8.GetBytes("""{"displayName":"\ud800"}"""), "application/json"),
        ["lone surrogate in a name"] = (Encoding.UTF8.GetBytes("""{"\udc00":1}"""), "application/json"),
        ["10,000 nested arrays"] = (Encoding.UTF8.GetBytes(new string('[', 10_000) + new string(']', 10_000)), "application/json"),
        ["deep objects"] = (Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("{\"a\":", 5_000)) + "1" + new string('}', 5_000)), "application/json"),
        ["an array"] = ("[1,2]"u8.ToArray(), "application/json"),
        ["a number"] = ("42"u8.ToArray(), "application/json"),
        ["null"] = ("null"u8.ToArray(), "application/json"),
        ["empty"] = ([], "application/json"),
        ["not JSON"] = ("displayName=x"u8.ToArray(), "application/x-www-form-urlencoded"),
        ["text"] = ("hello"u8.ToArray(), "text/plain"),
        ["over 1 MiB"] = (Encoding.UTF8.GetBytes("{\"displayName\":\"" + new string('a', 1_100_000) + "\"}"), "application/json"),
    };

    public static TheoryData<string, string, string, string> UnreadableCases()
    {
        var data = new TheoryData<string, string, string, string>();
        foreach (var (method, path, tenant) in BodyRoutes)
            foreach (var body in Unreadable.Keys)
                data.Add(method, path, tenant, body);
        return data;
    }

    [Theory]
    [MemberData(nameof(UnreadableCases))]
    public async Task An_unreadable_body_is_a_graph_400_on_every_route(string method, string path, string tenant, string body)
    {
        var (bytes, contentType) = Unreadable[body];
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        var (status, error) = await Send(method, path, tenant, content);
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("Request_BadRequest", error.GetProperty("code").GetString());
        AssertCallersTerms(error.GetProperty("message").GetString()!);
    }

    [Theory]
    [InlineData("POST", "/v1.0/users", """{"accountEnabled":true,"displayName":"Mallory","mailNickname":"mallory","userPrincipalName":"mallory@fabrikam.com","passwordProfile":{"password":"Mallory~Pass1"},"Id":"e65e9791-4d62-433d-87fb-ced5758853aa"}""", "Property 'Id' is read-only and cannot be set.")]
    [InlineData("POST", "/v1.0/users", """{"id":"e65e9791-4d62-433d-87fb-ced5758853aa","accountEnabled":true,"displayName":"Mallory","mailNickname":"mallory","userPrincipalName":"mallory@fabrikam.com","passwordProfile":{"password":"Mallory~Pass1"}}""", "Property 'id' is read-only and cannot be set.")]
    [InlineData("POST", "/v1.0/users", """{"accountEnabled":true,"displayName":"Mallory","mailNickname":"mallory","userPrincipalName":"mallory@fabrikam.com","passwordProfile":{"password":"Mallory~Pass1"},"passwordHash":"pbkdf2$1$x$y"}""", "Invalid property 'passwordHash'.")]
    [InlineData("POST", "/v1.0/users", """{"accountEnabled":true,"displayName":"Mallory","mailNickname":"mallory","userPrincipalName":"mallory@fabrikam.com","passwordProfile":{"password":"Mallory~Pass1"},"appRoleAssignments":[]}""", "Property 'appRoleAssignments' is read-only and cannot be set.")]
    [InlineData("POST", "/v1.0/users", """{"accountEnabled":true,"displayName":"Mallory","mailNickname":"mallory","userPrincipalName":"mallory@fabrikam.com","passwordProfile":{"password":"Mallory~Pass1"},"authenticationMethods":[null]}""", "Invalid property 'authenticationMethods'.")]
    [InlineData("POST", "/v1.0/users", """{"accountEnabled":true,"displayName":"Mallory","mailNickname":"mallory","userPrincipalName":"mallory@fabrikam.com","passwordProfile":{"password":"Mallory~Pass1"},"privacyConsents":[]}""", "Invalid property 'privacyConsents'.")]
    [InlineData("POST", "/v1.0/users", """{"accountEnabled":true,"displayName":"Mallory","mailNickname":"mallory","userPrincipalName":"mallory@fabrikam.com","passwordProfile":{"password":"Mallory~Pass1"},"creationType":"Invitation"}""", "Property 'creationType' is read-only and cannot be set.")]
    [InlineData("POST", "/v1.0/users", """{"accountEnabled":true,"displayName":"Mallory","mailNickname":"mallory","userPrincipalName":"mallory@fabrikam.com","passwordProfile":{"password":"Mallory~Pass1"},"foo":1}""", "Invalid property 'foo'.")]
    [InlineData("POST", "/v1.0/users", """{"accountEnabled":true,"displayName":"Mallory","mailNickname":"mallory","userPrincipalName":"mallory@fabrikam.com","passwordProfile":{"password":"Mallory~Pass1","bar":1}}""", "Invalid property 'passwordProfile.bar'.")]
    [InlineData("POST", "/v1.0/users", """{"accountEnabled":true,"displayName":"Mallory","mailNickname":"mallory","userPrincipalName":"mallory@fabrikam.com","passwordProfile":{"password":"Mallory~Pass1"},"jobTitle":"Boss"}""", "Property 'jobTitle' of resource 'User' is not supported by FakeEntra.")]
    [InlineData("POST", "/v1.0/users", """{"accountEnabled":true,"displayName":"Mallory","mailNickname":"mallory","userPrincipalName":"mallory@fabrikam.com","passwordProfile":{"password":"Mallory~Pass1"},"userType":"Guest"}""", "Property 'userType' of resource 'User' is not supported by FakeEntra.")]
    [InlineData("POST", "/v1.0/users", """{"accountEnabled":true,"displayName":"Mallory","userPrincipalName":"mallory@fabrikam.com","passwordProfile":{"password":"Mallory~Pass1"}}""", "A value is required for property 'mailNickname' of resource 'User'.")]
    [InlineData("PATCH", $"/v1.0/users/{World.Bob}", """{"ID":"e65e9791-4d62-433d-87fb-ced5758853aa"}""", "Property 'ID' is read-only and cannot be set.")]
    [InlineData("PATCH", $"/v1.0/users/{World.Bob}", """{"authenticationMethods":[]}""", "Invalid property 'authenticationMethods'.")]
    [InlineData("PATCH", $"/v1.0/users/{World.Bob}", """{"passwordHash":"x"}""", "Invalid property 'passwordHash'.")]
    [InlineData("POST", "/v1.0/groups", """{"id":"e65e9791-4d62-433d-87fb-ced5758853aa","displayName":"G","mailEnabled":false,"mailNickname":"g","securityEnabled":true}""", "Property 'id' is read-only and cannot be set.")]
    [InlineData("POST", "/v1.0/groups", """{"displayName":"G","mailEnabled":false,"mailNickname":"g","securityEnabled":true,"members":["e65e9791-4d62-433d-87fb-ced5758853aa"]}""", "Property 'members' is read-only and cannot be set.")]
    [InlineData("PATCH", $"/v1.0/groups/{Marketing}", """{"Members":[]}""", "Property 'Members' is read-only and cannot be set.")]
    public async Task Directory_object_bodies_take_only_the_writable_properties(string method, string path, string body, string message)
    {
        var (status, error) = await Send(method, path, World.Fabrikam, new StringContent(body, Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal(("Request_BadRequest", message), (error.GetProperty("code").GetString(), error.GetProperty("message").GetString()));
        var admin = GraphClients.For(server, await FabrikamAdmin());
        Assert.Equal(404, (await Assert.ThrowsAsync<ODataError>(() => admin.Users["mallory@fabrikam.com"].GetAsync())).ResponseStatusCode);
        Assert.Equal("admin@fabrikam.com", (await admin.Users["e65e9791-4d62-433d-87fb-ced5758853aa"].GetAsync())!.UserPrincipalName);
        Assert.Equal([World.Bob], (await admin.Groups[Marketing].Members.GetAsync())!.Value!.Select(m => m.Id!));
    }

    [Fact]
    public async Task A_user_created_with_a_null_authentication_method_is_refused_and_nobody_gets_a_500_at_sign_in()
    {
        var (status, _) = await Send("POST", "/v1.0/users", World.Fabrikam, new StringContent(
            """{"accountEnabled":true,"displayName":"Nil","mailNickname":"nil","userPrincipalName":"nil@fabrikam.com","passwordProfile":{"password":"Nil~Pass1"},"authenticationMethods":[null]}""",
            Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, status);
        var refused = await Assert.ThrowsAnyAsync<MsalServiceException>(() => SignIn(World.Fabrikam, "nil@fabrikam.com", "Nil~Pass1"));
        Assert.Contains("AADSTS50034", refused.Message);
    }

    [Theory]
    [InlineData("POST", "/v1.0/identity/conditionalAccess/policies", """{"id":"11111111-2222-3333-4444-555555555555","displayName":"x","conditions":{"users":{"includeUsers":["All"]},"applications":{"includeApplications":["All"]}},"grantControls":{"operator":"OR","builtInControls":["mfa"]}}""", "Property 'id' is read-only and cannot be set.")]
    [InlineData("POST", "/v1.0/identity/conditionalAccess/policies", """{"displayName":"x","createdDateTime":"2020-01-01T00:00:00Z","conditions":{"users":{"includeUsers":["All"]},"applications":{"includeApplications":["All"]}},"grantControls":{"operator":"OR","builtInControls":["mfa"]}}""", "Property 'createdDateTime' is read-only and cannot be set.")]
    [InlineData("PATCH", $"/v1.0/identity/conditionalAccess/policies/{ContosoMfaPolicy}", """{"Id":"11111111-2222-3333-4444-555555555555"}""", "Property 'Id' is read-only and cannot be set.")]
    [InlineData("PATCH", $"/v1.0/identity/conditionalAccess/policies/{ContosoMfaPolicy}", """{"sessionControls":{}}""", "Property 'sessionControls' of resource 'ConditionalAccessPolicy' is not supported by FakeEntra.")]
    [InlineData("PATCH", $"/v1.0/policies/crossTenantAccessPolicy/partners/{World.Fabrikam}", """{"TenantId":"9b857bb0-5fb4-4a8c-a685-a9b12a25ae3e"}""", "Property 'TenantId' is read-only and cannot be set.")]
    [InlineData("PATCH", "/v1.0/policies/crossTenantAccessPolicy/default", """{"isServiceDefault":true}""", "Property 'isServiceDefault' is read-only and cannot be set.")]
    [InlineData("PATCH", "/v1.0/policies/crossTenantAccessPolicy", """{"partners":[]}""", "Property 'partners' is read-only and cannot be set.")]
    [InlineData("PATCH", "/v1.0/policies/crossTenantAccessPolicy", """{"surprise":1}""", "Invalid property 'surprise'.")]
    [InlineData("POST", "/v1.0/invitations", """{"invitedUserEmailAddress":"bob@fabrikam.com","inviteRedirectUrl":"https://myapps.microsoft.com","status":"Completed"}""", "Property 'status' is read-only and cannot be set.")]
    [InlineData("POST", "/fakeentra/whatIf", """{"userPrincipalName":"bob@fabrikam.com","resourceAppId":"fcac6b54-23d1-4161-ab28-3ab64be2a67d","surprise":1}""", "Invalid property 'surprise'.")]
    public async Task Policy_and_invitation_bodies_take_only_the_writable_properties(string method, string path, string body, string message)
    {
        var (status, error) = await Send(method, path, World.Contoso, new StringContent(body, Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal(("Request_BadRequest", message), (error.GetProperty("code").GetString(), error.GetProperty("message").GetString()));
    }

    [Fact]
    public async Task Property_names_match_whatever_their_case_and_ids_are_assigned_by_the_server()
    {
        var created = await Send("POST", "/v1.0/users", World.Fabrikam, new StringContent(
            """{"AccountEnabled":true,"DISPLAYNAME":"Casey","mailnickname":"casey","UserPrincipalName":"casey@fabrikam.com","passwordProfile":{"Password":"Casey~Pass1"},"@odata.type":"#microsoft.graph.user"}""",
            Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.Created, created.Status);
        var id = created.Body.GetProperty("id").GetString()!;
        Assert.Equal("Casey", created.Body.GetProperty("displayName").GetString());
        Assert.NotNull(await SignIn(World.Fabrikam, "casey@fabrikam.com", "Casey~Pass1"));

        var patched = await Send("PATCH", $"/v1.0/users/{id}", World.Fabrikam, new StringContent("""{"GivenName":"Casey","SURNAME":"Case"}""", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.NoContent, patched.Status);
        var user = await GraphClients.For(server, await FabrikamAdmin()).Users[id].GetAsync();
        Assert.Equal(("Casey", "Case"), (user!.GivenName, user.Surname));
    }

    [Fact]
    public async Task Users_with_an_mfa_method_are_edited_and_disabled_through_graph()
    {
        var contoso = GraphClients.For(server, await ContosoAdmin());
        await contoso.Users[World.Alice].PatchAsync(new User { DisplayName = "Alice A. Anderson", GivenName = "Alice A." });
        Assert.Equal("Alice A. Anderson", (await contoso.Users[World.Alice].GetAsync())!.DisplayName);

        var fabrikam = GraphClients.For(server, await FabrikamAdmin());
        await fabrikam.Users[World.Bob].PatchAsync(new User { AccountEnabled = false });
        Assert.False((await fabrikam.Users[World.Bob].GetAsync())!.AccountEnabled);
        Assert.Contains("AADSTS50057", (await Assert.ThrowsAnyAsync<MsalServiceException>(() => SignIn(World.Fabrikam, "bob@fabrikam.com", World.Password))).Message);

        // The MFA methods are kept as they were: Graph never sees them, so a PATCH cannot change them.
        var directory = server.Services.GetRequiredService<DirectoryState>().Current;
        Assert.Equal("JBSWY3DPEHPK3PXP", directory.FindUser(Guid.Parse(World.Fabrikam), Guid.Parse(World.Bob))!.AuthenticationMethods.Single().SecretKey);
        Assert.Single(directory.FindUser(Guid.Parse(World.Contoso), Guid.Parse(World.Alice))!.AuthenticationMethods);
    }

    [Theory]
    [InlineData("PATCH", $"/v1.0/policies/crossTenantAccessPolicy/partners/{World.Fabrikam}", """{"inboundTrust":{"isMfaAccepted":"yes"}}""", "Invalid value specified for property 'inboundTrust.isMfaAccepted' of resource 'CrossTenantAccessPolicyConfigurationPartner'; expected a boolean.")]
    [InlineData("PATCH", "/v1.0/policies/crossTenantAccessPolicy/default", """{"b2bCollaborationInbound":{"usersAndGroups":{"accessType":"allowed","targets":[null]},"applications":{"accessType":"allowed","targets":[{"target":"AllApplications","targetType":"application"}]}}}""", "A value is required for property 'b2bCollaborationInbound.usersAndGroups.targets[0]' of resource 'CrossTenantAccessPolicyConfigurationDefault'.")]
    [InlineData("POST", "/v1.0/policies/crossTenantAccessPolicy/partners", """{"tenantId":"9b857bb0-5fb4-4a8c-a685-a9b12a25ae3e","b2bDirectConnectOutbound":{"usersAndGroups":{"accessType":"allowed","targets":[{"target":"AllUsers","targetType":"user"}]},"applications":{"accessType":"allowed","targets":[null]}}}""", "A value is required for property 'b2bDirectConnectOutbound.applications.targets[0]' of resource 'CrossTenantAccessPolicyConfigurationPartner'.")]
    [InlineData("POST", "/v1.0/policies/crossTenantAccessPolicy/partners", """{"tenantId":"not-a-tenant"}""", "Invalid value specified for property 'tenantId' of resource 'CrossTenantAccessPolicyConfigurationPartner'; expected a GUID string.")]
    [InlineData("POST", "/v1.0/policies/crossTenantAccessPolicy/partners", """{"isServiceProvider":true}""", "A value is required for property 'tenantId' of resource 'CrossTenantAccessPolicyConfigurationPartner'.")]
    [InlineData("PATCH", "/v1.0/policies/crossTenantAccessPolicy", """{"allowedCloudEndpoints":"microsoftonline.us"}""", "Invalid value specified for property 'allowedCloudEndpoints' of resource 'CrossTenantAccessPolicy'; expected an array.")]
    [InlineData("PATCH", "/v1.0/policies/crossTenantAccessPolicy", """{"allowedCloudEndpoints":[null]}""", "A value is required for property 'allowedCloudEndpoints[0]' of resource 'CrossTenantAccessPolicy'.")]
    [InlineData("POST", "/v1.0/identity/conditionalAccess/policies", """{"displayName":"x","conditions":{"users":{"includeUsers":[null]},"applications":{"includeApplications":["All"]}},"grantControls":{"builtInControls":["mfa"]}}""", "A value is required for property 'conditions.users.includeUsers[0]' of resource 'ConditionalAccessPolicy'.")]
    [InlineData("POST", "/v1.0/identity/conditionalAccess/policies", """{"displayName":"x","conditions":{"users":{"includeUsers":["All"]},"applications":{"includeApplications":["All"]}},"grantControls":null}""", "the policy needs grantControls")]
    [InlineData("POST", "/v1.0/identity/conditionalAccess/policies", """{"displayName":"x","conditions":{"users":{"includeUsers":["All"]}},"grantControls":{"builtInControls":["mfa"]}}""", "A value is required for property 'conditions.applications' of resource 'ConditionalAccessPolicy'.")]
    [InlineData("PATCH", $"/v1.0/identity/conditionalAccess/policies/{ContosoMfaPolicy}", """{"state":7}""", "Invalid value specified for property 'state' of resource 'ConditionalAccessPolicy'; expected a string.")]
    [InlineData("PATCH", $"/v1.0/identity/conditionalAccess/policies/{ContosoMfaPolicy}", """{"displayName":null}""", "A value is required for property 'displayName' of resource 'ConditionalAccessPolicy'.")]
    [InlineData("PATCH", $"/v1.0/identity/conditionalAccess/policies/{ContosoMfaPolicy}", """{"conditions":{"users":{"includeUsers":["All"]},"applications":{"includeApplications":["All"],"surprise":[]}}}""", "Invalid property 'conditions.applications.surprise'.")]
    [InlineData("POST", "/v1.0/invitations", """{"invitedUserEmailAddress":5,"inviteRedirectUrl":"https://myapps.microsoft.com"}""", "Invalid value specified for property 'invitedUserEmailAddress' of resource 'Invitation'; expected a string.")]
    [InlineData("POST", "/v1.0/invitations", """{"invitedUserEmailAddress":"bob@fabrikam.com","inviteRedirectUrl":"https://myapps.microsoft.com","sendInvitationMessage":"no"}""", "Invalid value specified for property 'sendInvitationMessage' of resource 'Invitation'; expected a boolean.")]
    [InlineData("POST", "/fakeentra/whatIf", """{"userPrincipalName":"bob@fabrikam.com","resourceAppId":"files"}""", "Invalid value specified for property 'resourceAppId' of resource 'WhatIfRequest'; expected a GUID string.")]
    [InlineData("POST", "/fakeentra/whatIf", """{"userPrincipalName":"bob@fabrikam.com"}""", "A value is required for property 'resourceAppId' of resource 'WhatIfRequest'.")]
    [InlineData("POST", "/fakeentra/whatIf", """{"userPrincipalName":["bob@fabrikam.com"],"resourceAppId":"fcac6b54-23d1-4161-ab28-3ab64be2a67d"}""", "Invalid value specified for property 'userPrincipalName' of resource 'WhatIfRequest'; expected a string.")]
    public async Task Wrong_values_are_named_in_the_callers_terms(string method, string path, string body, string message)
    {
        var (status, error) = await Send(method, path, World.Contoso, new StringContent(body, Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains(message, error.GetProperty("message").GetString());
        AssertCallersTerms(error.GetProperty("message").GetString()!);
    }

    [Theory]
    [InlineData("""{"accountEnabled":"yes"}""", "Invalid value specified for property 'accountEnabled' of resource 'User'; expected a boolean.")]
    [InlineData("""{"passwordProfile":{"password":1}}""", "Invalid value specified for property 'passwordProfile.password' of resource 'User'; expected a string.")]
    [InlineData("""{"passwordProfile":{"forceChangePasswordNextSignIn":false}}""", "A value is required for property 'passwordProfile.password' of resource 'User'.")]
    [InlineData("""{"displayName":{"text":"x"}}""", "Invalid value specified for property 'displayName' of resource 'User'; expected a string.")]
    public async Task Wrong_user_values_are_named_in_the_callers_terms(string body, string message)
    {
        var (status, error) = await Send("PATCH", $"/v1.0/users/{World.Bob}", World.Fabrikam, new StringContent(body, Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal(message, error.GetProperty("message").GetString());
    }

    [Theory]
    [InlineData("""{"@odata.id":5}""")]
    [InlineData("""{"@odata.id":null}""")]
    [InlineData("""{"@odata.id":{"id":"x"}}""")]
    [InlineData("""{"@odata.id":["https://graph.microsoft.com/v1.0/directoryObjects/e65e9791-4d62-433d-87fb-ced5758853aa"]}""")]
    [InlineData("""{}""")]
    public async Task A_member_reference_must_be_a_url_string(string body)
    {
        var (status, error) = await Send("POST", $"/v1.0/groups/{Marketing}/members/$ref", World.Fabrikam, new StringContent(body, Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("'@odata.id'", error.GetProperty("message").GetString());
    }

    [Theory]
    [InlineData("/v1.0/users", "2147483647")]
    [InlineData("/v1.0/users", "2147483000")]
    [InlineData("/v1.0/devices", "2147483647")]
    [InlineData($"/v1.0/groups/{Marketing}/members", "2147483647")]
    [InlineData("/v1.0/auditLogs/directoryAudits", "2147483647")]
    [InlineData("/v1.0/auditLogs/signIns", "2147483647")]
    public async Task A_skiptoken_past_the_end_is_an_empty_last_page(string path, string skipToken)
    {
        foreach (var top in new[] { "", "&$top=1", "&$top=999" })
        {
            var (status, body) = await Send("GET", $"{path}?$skiptoken={skipToken}{top}", World.Fabrikam, null);
            Assert.Equal(HttpStatusCode.OK, status);
            Assert.Empty(body.GetProperty("value").EnumerateArray());
            Assert.False(body.TryGetProperty("@odata.nextLink", out _), body.GetRawText());
        }
    }

    [Theory]
    [InlineData("/v1.0/users", "2147483648")]
    [InlineData("/v1.0/users", "9999999999999")]
    [InlineData("/v1.0/users", "-1")]
    [InlineData("/v1.0/devices", "9999999999999")]
    [InlineData("/v1.0/auditLogs/signIns", "2147483648")]
    [InlineData("/v1.0/auditLogs/directoryAudits", "9999999999999")]
    public async Task A_skiptoken_beyond_the_integers_is_a_graph_400(string path, string skipToken)
    {
        var (status, error) = await Send("GET", $"{path}?$skiptoken={skipToken}", World.Fabrikam, null);
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("Request_BadRequest", error.GetProperty("code").GetString());
    }

    private Task<AuthenticationResult> SignIn(string tenant, string upn, string password) =>
        PublicClientApplicationBuilder.Create(World.Client).WithAuthority($"{server.Origin}/{tenant}", validateAuthority: false)
            .WithInstanceDiscovery(false).WithHttpClientFactory(server.MsalHttp()).Build()
            .AcquireTokenByUsernamePassword(["User.Read"], upn, password).ExecuteAsync();

    /// <summary>Sends as the tenant's admin app; the answer's status and its body (the <c>error</c> member for errors).</summary>
    private async Task<(HttpStatusCode Status, JsonElement Body)> Send(string method, string path, string tenant, HttpContent? content)
    {
        using var http = server.CreateClient();
        using var request = new HttpRequestMessage(new HttpMethod(method), path) { Content = content };
        request.Headers.Authorization = new("Bearer", tenant == World.Contoso ? await ContosoAdmin() : await FabrikamAdmin());
        var response = await http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        if (response.StatusCode == HttpStatusCode.NoContent) return (response.StatusCode, default);
        var body = JsonDocument.Parse(text).RootElement.Clone();
        return (response.StatusCode, body.TryGetProperty("error", out var error) ? error : body);
    }

    /// <summary>Graph's messages speak of properties and JSON, never of the server's types.</summary>
    private static void AssertCallersTerms(string message)
    {
        Assert.DoesNotContain("System.", message);
        Assert.DoesNotContain("FakeEntra.", message);
        Assert.DoesNotContain("Exception", message);
        Assert.DoesNotContain("LineNumber", message);
    }
}

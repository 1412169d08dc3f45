using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using FakeEntra.Server.Tests.Infrastructure;

namespace FakeEntra.Server.Tests;

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

using System.Net;
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

    private Task<string> ContosoAdmin() => GraphClients.AdminAppToken(server, World.Contoso, "0f3b8c42-6a1e-4d8e-9b5a-1c2d3e4f5a01", "FakeEntra~Admin~Contoso");
    private Task<string> FabrikamAdmin() => GraphClients.AdminAppToken(server, World.Fabrikam, "0f3b8c42-6a1e-4d8e-9b5a-1c2d3e4f5a02", "FakeEntra~Admin~Fabrikam");

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
}

using System.Net;
using System.Text.Json.Nodes;
using FakeEntra.Server.Graph;
using FakeEntra.Server.Hosting;
using FakeEntra.Server.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace FakeEntra.Server.Tests;

/// <summary>
/// The console does what the administrator's directory role allows in Graph, no more: Contoso with a Global Reader (reads
/// everything, changes nothing) and a Reports Reader (reads the logs only).
/// </summary>
public sealed class AdminConsoleRoleTests : IAsyncLifetime
{
    private const string GlobalReader = "f2ef992c-3afb-46b9-b7cf-a126ee74c451";
    private const string ReportsReader = "4a5d8f65-41da-4de4-8968-e035b65339cf";
    private readonly FakeEntraServer _server = new() { Scenario = DefaultWorldWith.Write(AddReaders) };

    public Task InitializeAsync() => _server.InitializeAsync();
    public Task DisposeAsync() => _server.DisposeAsync();

    private static void AddReaders(JsonObject world)
    {
        var contoso = DefaultWorldWith.Tenant(world, World.Contoso);
        foreach (var (id, name, role) in new[] { ("7d1c7a52-0b7e-4d35-9a0b-1f4e2c3b5d01", "reader", GlobalReader), ("7d1c7a52-0b7e-4d35-9a0b-1f4e2c3b5d02", "reports", ReportsReader) })
        {
            contoso["users"]!.AsArray().Add(new JsonObject
            {
                ["id"] = id,
                ["userPrincipalName"] = $"{name}@contoso.com",
                ["displayName"] = name,
                ["passwordProfile"] = new JsonObject { ["password"] = World.Password },
            });
            contoso["roleAssignments"]!.AsArray().Add(new JsonObject { ["principalId"] = id, ["roleDefinitionId"] = role });
        }
    }

    [Fact]
    public async Task A_global_reader_reads_every_page_and_changes_nothing()
    {
        using var browser = new Browser(_server);
        await browser.SignIn(await browser.Get($"{_server.Origin}/admin"), "reader@contoso.com", World.Password);
        foreach (var path in PageSafetyTests.AdminConsolePages)
            Assert.True((await browser.Get(_server.Origin + path)).Status == HttpStatusCode.OK, path);

        var partner = await browser.Get($"{_server.Origin}/admin/crossTenantAccess/partners/{World.Fabrikam}");
        var token = (partner with { Html = partner.Html[..partner.Html.IndexOf("</form>", StringComparison.Ordinal)] }).Fields[FormProtection.FieldName];
        foreach (var action in new[] { $"/admin/crossTenantAccess/partners/{World.Fabrikam}/delete", "/admin/crossTenantAccess/default/reset", "/admin/conditionalAccess/f9220e94-c1f8-43e0-a8a9-6b9d3c67a26d/delete" })
        {
            var refused = await browser.Submit(partner with { Html = $"<form method=\"post\" action=\"{action}\"><input type=\"hidden\" name=\"{FormProtection.FieldName}\" value=\"{token}\"></form>" });
            Assert.Equal(HttpStatusCode.Forbidden, refused.Status);
            Assert.Contains("<h1>Access denied</h1>", refused.Html);
        }
        var contoso = _server.Services.GetRequiredService<FakeEntra.Server.World.DirectoryState>().Current.FindTenant(new Guid(World.Contoso))!;
        Assert.Contains(contoso.CrossTenantAccessPolicy.Partners, p => p.TenantId == new Guid(World.Fabrikam));
        Assert.Equal(2, contoso.ConditionalAccessPolicies.Count);
        // A reset of the default or any other change would be in the audit log.
        Assert.Empty(_server.Services.GetRequiredService<DirectoryAuditStore>().Read(new Guid(World.Contoso)));
    }

    [Fact]
    public async Task A_reports_reader_reads_the_logs_and_nothing_else()
    {
        using var browser = new Browser(_server);
        var overview = await browser.SignIn(await browser.Get($"{_server.Origin}/admin"), "reports@contoso.com", World.Password);
        Assert.Equal(HttpStatusCode.Forbidden, overview.Status);
        foreach (var path in PageSafetyTests.AdminConsolePages)
        {
            var expected = path is "/admin/signIns" or "/admin/audit" ? HttpStatusCode.OK : HttpStatusCode.Forbidden;
            Assert.True((await browser.Get(_server.Origin + path)).Status == expected, $"{path}: expected {expected}");
        }
    }
}

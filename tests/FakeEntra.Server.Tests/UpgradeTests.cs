using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using FakeEntra.Server.Tests.Infrastructure;
using Microsoft.Data.Sqlite;

namespace FakeEntra.Server.Tests;

/// <summary>
/// Upgrade in place: a data directory written by the version before EF Core (one JSON row per tenant, see
/// <c>Fixtures/MainBeforeEfCore/README.md</c>) is imported at start, and the world it held is the world served.
/// </summary>
public sealed class UpgradeTests
{
    private const string UpgradeTester = "1d9a62f3-892c-49bc-a768-c9f56edcdf9e";

    [Fact]
    public async Task A_data_directory_of_the_one_row_per_tenant_format_keeps_its_world_keys_and_logs()
    {
        var data = Path.Combine(Path.GetTempPath(), "fakeentra-tests", Guid.NewGuid().ToString("N"));
        CopyDirectory(Path.Combine(AppContext.BaseDirectory, "Fixtures", "MainBeforeEfCore"), data);
        try
        {
            await using (var server = await ServerProcess.StartExecutableOnAsync(data))
            {
                Assert.DoesNotContain("Seeded", server.Output);
                using var http = server.CreateClient();
                var keys = await http.GetFromJsonAsync<JsonElement>("/common/discovery/v2.0/keys");
                Assert.Equal("1sRPUwvmoS6X_Z06hXvFqwdQiKQ", keys.GetProperty("keys")[0].GetProperty("kid").GetString());

                // The user created through Graph, with the password it was given.
                using (var signIn = await TokenRequests.PasswordAsync(http, World.Contoso, "upgrade.tester@contoso.com", "Upgr4de!Pass", World.SharedChannelsScope))
                    Assert.Equal(HttpStatusCode.OK, signIn.StatusCode);
                http.WithBearer(await TokenRequests.ContosoAdminTokenAsync(http));
                var user = await http.GetFromJsonAsync<JsonElement>("/v1.0/users/upgrade.tester@contoso.com");
                Assert.Equal(UpgradeTester, user.GetProperty("id").GetString());

                // The changed partner and the added one.
                var fabrikam = await http.GetFromJsonAsync<JsonElement>($"/v1.0/policies/crossTenantAccessPolicy/partners/{World.Fabrikam}");
                Assert.False(fabrikam.GetProperty("inboundTrust").GetProperty("isCompliantDeviceAccepted").GetBoolean());
                Assert.True(fabrikam.GetProperty("inboundTrust").GetProperty("isHybridAzureADJoinedDeviceAccepted").GetBoolean());
                var partners = await http.GetFromJsonAsync<JsonElement>("/v1.0/policies/crossTenantAccessPolicy/partners");
                Assert.Contains(partners.GetProperty("value").EnumerateArray(), p => p.GetProperty("tenantId").GetString() == World.Northwind);

                // The logs written before the upgrade, and the one written now after them.
                var audits = await http.GetFromJsonAsync<JsonElement>("/v1.0/auditLogs/directoryAudits");
                Assert.Equal(["Add a partner to cross-tenant access setting", "Update a partner cross-tenant access setting", "Add user"],
                    audits.GetProperty("value").EnumerateArray().Select(a => a.GetProperty("activityDisplayName").GetString()));
                var signIns = await http.GetFromJsonAsync<JsonElement>("/v1.0/auditLogs/signIns");
                Assert.Equal(["upgrade.tester@contoso.com", "alice@contoso.com"],
                    signIns.GetProperty("value").EnumerateArray().Select(s => s.GetProperty("userPrincipalName").GetString()));
            }

            // The old tables are gone, so the next start does not import again; the Data Protection key moved into the state file.
            await using (var connection = new SqliteConnection($"Data Source={Path.Combine(data, "fakeentra.db")};Pooling=false"))
            {
                await connection.OpenAsync();
                await using var command = connection.CreateCommand();
                command.CommandText = "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name IN ('tenants', 'meta', 'sign_ins')";
                Assert.Equal(0L, await command.ExecuteScalarAsync());
                command.CommandText = "SELECT count(*) FROM DataProtectionKeys WHERE Xml LIKE '%994c2346-28cf-44c6-8a3b-d36371785d32%'";
                Assert.Equal(1L, await command.ExecuteScalarAsync());
            }
            Assert.False(Directory.Exists(Path.Combine(data, "keys")));
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(data, recursive: true);
        }
    }

    private static void CopyDirectory(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}

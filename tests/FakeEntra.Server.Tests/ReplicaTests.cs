using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using FakeEntra.Server.Tests.Infrastructure;
using Npgsql;

namespace FakeEntra.Server.Tests;

/// <summary>
/// Two FakeEntra processes on one PostgreSQL database serve one world: one key set, one log, a code or device code issued by one
/// redeemed at the other (once), a refresh token of one honoured by the other, a change made through one in force at the other's
/// sign-ins soon after. Needs <c>FAKEENTRA_TEST_POSTGRES</c>
/// (a <c>postgres://</c> URL of a role that may create databases; <c>.ci/run</c> starts Debian's PostgreSQL and sets it); skipped
/// without it, except under <c>CI=true</c>.
/// </summary>
public sealed class ReplicaTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);

    [SkippableFact]
    public async Task Two_processes_on_one_database_serve_one_world()
    {
        var url = Environment.GetEnvironmentVariable("FAKEENTRA_TEST_POSTGRES");
        Skip.If(url is null && Environment.GetEnvironmentVariable("CI") != "true", "FAKEENTRA_TEST_POSTGRES is not set");
        Assert.False(url is null, "CI must provide PostgreSQL: FAKEENTRA_TEST_POSTGRES is not set");
        var name = $"fakeentra_{Guid.NewGuid():N}";
        await using var admin = new NpgsqlConnection(Storage.PostgresConnection.From(url));
        await admin.OpenAsync();
        await Execute(admin, $"CREATE DATABASE {name}");
        try
        {
            var database = new UriBuilder(url) { Path = "/" + name }.Uri.ToString();
            await using var first = await ServerProcess.StartExecutableAsync("--database", database);
            var code = await PendingSignIns.IssueCodeAsync(first);
            await using var second = await ServerProcess.StartExecutableAsync("--database", database);
            Assert.Contains("Seeded", first.Output);
            Assert.DoesNotContain("Seeded", second.Output);
            using var one = first.CreateClient();
            using var two = second.CreateClient();
            Assert.Equal(await Kid(one), await Kid(two));

            // A code issued by the first redeems at the second, once: the replay at the first is refused.
            using (var redeemed = await PendingSignIns.RedeemAsync(two, code)) Assert.Equal(HttpStatusCode.OK, redeemed.StatusCode);
            using (var replayed = await PendingSignIns.RedeemAsync(one, code)) await ErrorTests.AssertEntraError(replayed, 400, 54005, "invalid_grant", null);

            // A device code approved through the first is redeemed by a poll at the second; a refresh token from the first redeems at the second.
            var deviceCode = await PendingSignIns.ApproveDeviceCodeAsync(first, one);
            using (var polled = await PendingSignIns.PollAsync(two, deviceCode)) Assert.Equal(HttpStatusCode.OK, polled.StatusCode);
            using (var again = await PendingSignIns.PollAsync(one, deviceCode)) await ErrorTests.AssertEntraError(again, 400, 90120, "invalid_grant", null);
            using var withRefresh = await TokenRequests.PasswordAsync(one, World.Contoso, "alice@contoso.com", World.Password, "offline_access " + World.SharedChannelsScope);
            var refreshToken = (await withRefresh.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("refresh_token").GetString()!;
            using (var refreshed = await two.PostAsync($"/{World.Contoso}/oauth2/v2.0/token", new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["grant_type"] = "refresh_token",
                ["client_id"] = World.Client,
                ["refresh_token"] = refreshToken,
                ["scope"] = World.SharedChannelsScope,
            })))
                Assert.Equal(HttpStatusCode.OK, refreshed.StatusCode);

            // One log: a sign-in at the second is read through the first.
            var correlation = Guid.NewGuid().ToString();
            using (var signIn = await TokenRequests.PasswordAsync(two, World.Contoso, "alice@contoso.com", World.Password, World.SharedChannelsScope, correlation))
                Assert.Equal(HttpStatusCode.OK, signIn.StatusCode);

            // A user disabled through the first cannot sign in at the second soon after; enabled through the second, again at the first.
            one.WithBearer(await TokenRequests.ContosoAdminTokenAsync(one));
            two.WithBearer(await TokenRequests.ContosoAdminTokenAsync(two));
            using (var disabled = await one.PatchAsync($"/v1.0/users/{World.Alice}", JsonContent.Create(new { accountEnabled = false })))
                Assert.Equal(HttpStatusCode.NoContent, disabled.StatusCode);
            Assert.True(await EventuallyAsync(two, HttpStatusCode.BadRequest), "the second still signs alice in");
            using (var enabled = await two.PatchAsync($"/v1.0/users/{World.Alice}", JsonContent.Create(new { accountEnabled = true })))
                Assert.Equal(HttpStatusCode.NoContent, enabled.StatusCode);
            Assert.True(await EventuallyAsync(one, HttpStatusCode.OK), "the first still refuses alice");

            var signIns = await one.GetFromJsonAsync<JsonElement>("/v1.0/auditLogs/signIns");
            Assert.Contains(signIns.GetProperty("value").EnumerateArray(), s => s.GetProperty("correlationId").GetString() == correlation);
            var audits = await two.GetFromJsonAsync<JsonElement>("/v1.0/auditLogs/directoryAudits");
            Assert.Equal(2, audits.GetProperty("value").EnumerateArray().Count(a => a.GetProperty("activityDisplayName").GetString() == "Update user"));
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            await Execute(admin, $"DROP DATABASE IF EXISTS {name} WITH (FORCE)");
        }
    }

    // Password grants for alice until one answers `wanted` (a change another process made is polled for twice a second).
    private static async Task<bool> EventuallyAsync(HttpClient http, HttpStatusCode wanted)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (DateTime.UtcNow < deadline)
        {
            using var answer = await TokenRequests.PasswordAsync(http, World.Contoso, "alice@contoso.com", World.Password, World.SharedChannelsScope);
            if (answer.StatusCode == wanted) return true;
            await Task.Delay(100);
        }
        return false;
    }

    private static async Task<string> Kid(HttpClient http) =>
        (await http.GetFromJsonAsync<JsonElement>("/common/discovery/v2.0/keys")).GetProperty("keys")[0].GetProperty("kid").GetString()!;

    private static async Task Execute(NpgsqlConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }
}

using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using FakeEntra.Server.Tests.Infrastructure;
using Microsoft.Data.Sqlite;

namespace FakeEntra.Server.Tests;

/// <summary>
/// FakeEntra killed (SIGKILL) under mixed load and started again on the same data: the state file is intact, every acknowledged
/// Graph write is there with its audit row, every answered sign-in has its log rows, and a code issued before the kill redeems.
/// </summary>
public sealed class CrashTests
{
    private const int Workers = 8;

    [Fact]
    public async Task Killed_under_load_it_comes_back_with_everything_it_answered()
    {
        var data = Path.Combine(Path.GetTempPath(), "fakeentra-tests", Guid.NewGuid().ToString("N"));
        var signIns = new ConcurrentBag<Guid>();
        var created = new ConcurrentBag<(Guid Correlation, string Id, string Upn)>();
        PendingSignIns.Code code;
        await using (var server = await ServerProcess.StartExecutableOnAsync(data))
        {
            using var http = server.CreateClient();
            code = await PendingSignIns.IssueCodeAsync(server);
            var token = await TokenRequests.ContosoAdminTokenAsync(http);
            using var stop = new CancellationTokenSource();
            var load = Enumerable.Range(0, Workers).Select(w => Task.Run(async () =>
            {
                using var client = server.CreateClient().WithBearer(token);
                for (var n = 0; !stop.IsCancellationRequested; n++)
                {
                    var correlation = Guid.NewGuid();
                    try
                    {
                        if (w % 2 == 0)
                        {
                            using var answer = await TokenRequests.PasswordAsync(client, World.Contoso, "alice@contoso.com", World.Password, World.SharedChannelsScope, correlation.ToString());
                            if (answer.StatusCode == HttpStatusCode.OK) signIns.Add(correlation);
                        }
                        else
                        {
                            var upn = $"crash-{w}-{n}-{Guid.NewGuid():N}@contoso.com";
                            using var request = new HttpRequestMessage(HttpMethod.Post, "/v1.0/users")
                            {
                                Content = JsonContent.Create(new { accountEnabled = true, displayName = "Crash", mailNickname = "crash", userPrincipalName = upn, passwordProfile = new { password = "Cr4sh!Pass" } }),
                            };
                            request.Headers.Add("client-request-id", correlation.ToString());
                            using var answer = await client.SendAsync(request);
                            if (answer.StatusCode == HttpStatusCode.Created)
                                created.Add((correlation, (await answer.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<string>(), upn));
                        }
                    }
                    catch (HttpRequestException)
                    {
                        return; // the server is gone
                    }
                }
            })).ToList();
            await Task.Delay(TimeSpan.FromSeconds(3));
            await server.KillAsync(); // SIGKILL, in the middle of the load
            await stop.CancelAsync();
            await Task.WhenAll(load);
        }
        Assert.NotEmpty(signIns);
        Assert.NotEmpty(created);

        await using (var connection = new SqliteConnection($"Data Source={Path.Combine(data, "fakeentra.db")};Pooling=false"))
        {
            await connection.OpenAsync();
            Assert.Equal(["ok"], await ReadAsync(connection, "PRAGMA integrity_check", r => r.GetString(0)));
            var logged = (await ReadAsync(connection, "SELECT CorrelationId FROM SignIns", r => r.GetGuid(0))).ToHashSet();
            Assert.All(signIns, correlation => Assert.Contains(correlation, logged));
            var users = (await ReadAsync(connection, "SELECT Key FROM DirectoryObjects WHERE Kind = 'user' AND UniqueName LIKE 'CRASH-%'", r => r.GetString(0))).ToHashSet();
            var audits = await ReadAsync(connection, "SELECT CorrelationId, Json FROM DirectoryAudits", r => (Correlation: r.GetGuid(0), Json: r.GetString(1)));
            Assert.All(created, c =>
            {
                Assert.Contains(c.Id, users);
                Assert.Contains(audits, a => a.Correlation == c.Correlation);
            });
            // No change committed without its audit row: each user the load made is named by an "Add user" row.
            Assert.All(users, id => Assert.Contains(audits, a => a.Json.Contains(id, StringComparison.Ordinal)));
        }
        SqliteConnection.ClearAllPools();

        await using var restarted = await ServerProcess.StartExecutableOnAsync(data);
        using var again = restarted.CreateClient();
        using (var redeemed = await PendingSignIns.RedeemAsync(again, code)) Assert.Equal(HttpStatusCode.OK, redeemed.StatusCode);
        again.WithBearer(await TokenRequests.ContosoAdminTokenAsync(again));
        var listed = (await again.GetFromJsonAsync<JsonObject>("/v1.0/users?$top=999"))!["value"]!.AsArray().Select(u => (string?)u!["userPrincipalName"]).ToHashSet();
        Assert.All(created, c => Assert.Contains(c.Upn, listed));
    }

    private static async Task<List<T>> ReadAsync<T>(SqliteConnection connection, string sql, Func<SqliteDataReader, T> map)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<T>();
        while (await reader.ReadAsync()) rows.Add(map(reader));
        return rows;
    }
}

using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using FakeEntra.Server.Tests.Infrastructure;
using Xunit.Abstractions;

namespace FakeEntra.Server.Tests;

/// <summary>
/// Graph writes under concurrent use, as an admin script or a test suite running in parallel makes them: every acknowledged
/// write is kept (none merged into a stale copy), creates of the same thing make one, nothing answers 5xx, and health answers
/// throughout. <c>FAKEENTRA_CONCURRENCY_SECONDS</c> sets how long the writers run (default 5 s, 20 s under <c>CI=true</c>).
/// </summary>
public sealed class ConcurrentWriteTests(FakeEntraServer server, ITestOutputHelper output) : IClassFixture<FakeEntraServer>
{
    private const int Clients = 32;
    private const string LitwarePartner = "9b857bb0-5fb4-4a8c-a685-a9b12a25ae3e";
    private static readonly string PartnerPath = $"/v1.0/policies/crossTenantAccessPolicy/partners/{World.Fabrikam}";

    // Ten fields, each a top-level member a PATCH replaces whole: five settings of one partner, five strings of one user.
    private static readonly string[] PartnerFields = ["b2bCollaborationInbound", "b2bCollaborationOutbound", "b2bDirectConnectInbound", "b2bDirectConnectOutbound", "tenantRestrictions"];
    private static readonly string[] UserFields = ["displayName", "givenName", "surname", "mail", "mailNickname"];

    private static TimeSpan Duration =>
        TimeSpan.FromSeconds(Environment.GetEnvironmentVariable("FAKEENTRA_CONCURRENCY_SECONDS") is { } s ? double.Parse(s, CultureInfo.InvariantCulture)
            : Environment.GetEnvironmentVariable("CI") == "true" ? 20 : 5);

    [Fact]
    public async Task Thirty_two_writers_on_one_partner_and_one_user_lose_no_acknowledged_write()
    {
        using var admin = server.CreateClient();
        admin.WithBearer(await TokenRequests.ContosoAdminTokenAsync(admin));
        var acknowledged = new ConcurrentBag<(string Field, string Value)>();
        var statuses = new ConcurrentDictionary<HttpStatusCode, int>();
        using var stop = new CancellationTokenSource(Duration);
        var health = WatchHealthAsync(stop.Token);

        await Task.WhenAll(Enumerable.Range(0, Clients).Select(c => Task.Run(async () =>
        {
            using var http = server.CreateClient();
            http.DefaultRequestHeaders.Authorization = admin.DefaultRequestHeaders.Authorization;
            for (var n = 0; !stop.IsCancellationRequested; n++)
            {
                var fieldIndex = c % (PartnerFields.Length + UserFields.Length);
                var onPartner = fieldIndex < PartnerFields.Length;
                var field = onPartner ? PartnerFields[fieldIndex] : UserFields[fieldIndex - PartnerFields.Length];
                var value = onPartner ? Setting(c, n) : $"c{c}n{n}";
                var body = new JsonObject { [field] = onPartner ? JsonNode.Parse(value) : field == "mail" ? $"{value}@contoso.com" : value };
                using var response = await http.PatchAsync(onPartner ? PartnerPath : $"/v1.0/users/{World.Alice}", JsonContent.Create(body));
                statuses.AddOrUpdate(response.StatusCode, 1, (_, k) => k + 1);
                if (response.StatusCode == HttpStatusCode.NoContent) acknowledged.Add((field, body[field]!.ToJsonString()));
            }
        })));
        var healthLatencies = await health;

        output.WriteLine($"{acknowledged.Count} writes acknowledged in {Duration.TotalSeconds} s by {Clients} clients; statuses: " +
                         string.Join(", ", statuses.Select(s => $"{(int)s.Key}×{s.Value}")));
        output.WriteLine($"/healthz: {healthLatencies.Count} probes, all 200, slowest {healthLatencies.Max().TotalMilliseconds:F0} ms (not asserted: timing on a shared 2-core machine is not a test)");
        Assert.DoesNotContain(statuses.Keys, s => (int)s >= 500);
        Assert.Equal([HttpStatusCode.NoContent], statuses.Keys);

        // The audit log is the commit order: each acknowledged write has its row, and each field ends as its last row set it.
        var audits = await ReadAuditsAsync(admin);
        var writes = audits.Where(a => a.Activity is "Update a partner cross-tenant access setting" or "Update user").ToList();
        Assert.Equal(acknowledged.Count, writes.Count);
        var partner = (await admin.GetFromJsonAsync<JsonObject>(PartnerPath))!;
        var user = (await admin.GetFromJsonAsync<JsonObject>($"/v1.0/users/{World.Alice}"))!;
        foreach (var field in PartnerFields.Concat(UserFields))
        {
            var last = writes.Last(w => w.Properties.ContainsKey(field)).Properties[field];
            var final = (PartnerFields.Contains(field) ? partner : user)[field]!.ToJsonString();
            Assert.True(JsonNode.DeepEquals(JsonNode.Parse(last), JsonNode.Parse(final)), $"{field}: the last committed write set {last}, the object holds {final}");
            Assert.Contains(acknowledged, a => a.Field == field && JsonNode.DeepEquals(JsonNode.Parse(a.Value), JsonNode.Parse(final)));
        }
    }

    [Fact]
    public async Task Simultaneous_creates_of_one_user_principal_name_and_one_partner_make_one_each()
    {
        using var admin = server.CreateClient();
        admin.WithBearer(await TokenRequests.ContosoAdminTokenAsync(admin));
        var upn = $"twin-{Guid.NewGuid():N}@contoso.com";
        using var start = new SemaphoreSlim(0);
        var users = Enumerable.Range(0, Clients / 2).Select(_ => Task.Run(async () =>
        {
            await start.WaitAsync();
            using var response = await admin.PostAsJsonAsync("/v1.0/users", new
            {
                accountEnabled = true,
                displayName = "Twin",
                mailNickname = "twin",
                userPrincipalName = upn,
                passwordProfile = new { password = "Tw1n!Pass" },
            });
            return (response.StatusCode, await response.Content.ReadAsStringAsync());
        })).ToList();
        var partners = Enumerable.Range(0, Clients / 2).Select(_ => Task.Run(async () =>
        {
            await start.WaitAsync();
            using var response = await admin.PostAsJsonAsync("/v1.0/policies/crossTenantAccessPolicy/partners", new { tenantId = World.Northwind });
            return (response.StatusCode, await response.Content.ReadAsStringAsync());
        })).ToList();
        start.Release(Clients);

        var userAnswers = await Task.WhenAll(users);
        var partnerAnswers = await Task.WhenAll(partners);
        Assert.Single(userAnswers, a => a.StatusCode == HttpStatusCode.Created);
        Assert.All(userAnswers.Where(a => a.StatusCode != HttpStatusCode.Created), a =>
        {
            Assert.Equal(HttpStatusCode.BadRequest, a.StatusCode);
            Assert.Contains("same value for property userPrincipalName", a.Item2);
        });
        Assert.Single(partnerAnswers, a => a.StatusCode == HttpStatusCode.Created);
        Assert.All(partnerAnswers.Where(a => a.StatusCode != HttpStatusCode.Created), a =>
        {
            Assert.Equal(HttpStatusCode.Conflict, a.StatusCode);
            Assert.Contains("Request_MultipleObjectsWithSameKeyValue", a.Item2);
        });

        var list = (await admin.GetFromJsonAsync<JsonObject>("/v1.0/users?$top=999"))!["value"]!.AsArray();
        Assert.Single(list, u => (string?)u!["userPrincipalName"] == upn);
        var partnerList = (await admin.GetFromJsonAsync<JsonObject>("/v1.0/policies/crossTenantAccessPolicy/partners"))!["value"]!.AsArray();
        Assert.Single(partnerList, p => (string?)p!["tenantId"] == World.Northwind);
        using var cleanup = await admin.DeleteAsync($"/v1.0/policies/crossTenantAccessPolicy/partners/{World.Northwind}");
        Assert.Equal(HttpStatusCode.NoContent, cleanup.StatusCode);
    }

    [Fact]
    public async Task A_write_is_in_force_for_the_next_sign_in_after_its_answer()
    {
        using var admin = server.CreateClient();
        admin.WithBearer(await TokenRequests.ContosoAdminTokenAsync(admin));
        var upn = $"switch-{Guid.NewGuid():N}@contoso.com";
        using var created = await admin.PostAsJsonAsync("/v1.0/users", new
        {
            accountEnabled = true,
            displayName = "Switch",
            mailNickname = "switch",
            userPrincipalName = upn,
            passwordProfile = new { password = "Sw1tch!Pass" },
        });
        var id = (await created.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<string>();
        using var http = server.CreateClient();
        for (var i = 0; i < 10; i++)
        {
            var enabled = i % 2 == 1;
            using var patch = await admin.PatchAsync($"/v1.0/users/{id}", JsonContent.Create(new { accountEnabled = enabled }));
            Assert.Equal(HttpStatusCode.NoContent, patch.StatusCode);
            using var signIn = await TokenRequests.PasswordAsync(http, World.Contoso, upn, "Sw1tch!Pass", World.SharedChannelsScope);
            Assert.Equal(enabled ? HttpStatusCode.OK : HttpStatusCode.BadRequest, signIn.StatusCode);
        }
    }

    [Fact]
    public async Task If_match_applies_a_write_only_to_the_version_it_names()
    {
        using var admin = server.CreateClient();
        admin.WithBearer(await TokenRequests.ContosoAdminTokenAsync(admin));
        var partner = (await admin.GetFromJsonAsync<JsonObject>($"/v1.0/policies/crossTenantAccessPolicy/partners/{LitwarePartner}"))!;
        var etag = partner["@odata.etag"]!.GetValue<string>();

        using var first = new HttpRequestMessage(HttpMethod.Patch, $"/v1.0/policies/crossTenantAccessPolicy/partners/{LitwarePartner}")
        {
            Content = JsonContent.Create(new { isServiceProvider = true }),
        };
        first.Headers.TryAddWithoutValidation("If-Match", etag);
        using (var answer = await admin.SendAsync(first)) Assert.Equal(HttpStatusCode.NoContent, answer.StatusCode);

        using var stale = new HttpRequestMessage(HttpMethod.Patch, $"/v1.0/policies/crossTenantAccessPolicy/partners/{LitwarePartner}")
        {
            Content = JsonContent.Create(new { isServiceProvider = false }),
        };
        stale.Headers.TryAddWithoutValidation("If-Match", etag);
        using (var answer = await admin.SendAsync(stale))
        {
            Assert.Equal(HttpStatusCode.PreconditionFailed, answer.StatusCode);
            Assert.Contains("Request_PreconditionFailed", await answer.Content.ReadAsStringAsync());
        }
        var now = (await admin.GetFromJsonAsync<JsonObject>($"/v1.0/policies/crossTenantAccessPolicy/partners/{LitwarePartner}"))!;
        Assert.True(now["isServiceProvider"]!.GetValue<bool>());
        Assert.NotEqual(etag, now["@odata.etag"]!.GetValue<string>());
    }

    // A setting whose group target names the writer and its count, so every value differs.
    private static string Setting(int client, int n) =>
        new JsonObject
        {
            ["usersAndGroups"] = new JsonObject
            {
                ["accessType"] = "allowed",
                ["targets"] = new JsonArray(new JsonObject { ["target"] = new Guid(client, (short)(n >> 16), (short)n, new byte[8]).ToString("D"), ["targetType"] = "group" }),
            },
            ["applications"] = new JsonObject
            {
                ["accessType"] = "allowed",
                ["targets"] = new JsonArray(new JsonObject { ["target"] = "AllApplications", ["targetType"] = "application" }),
            },
        }.ToJsonString();

    private async Task<List<TimeSpan>> WatchHealthAsync(CancellationToken stop)
    {
        using var http = server.CreateClient();
        var latencies = new List<TimeSpan>();
        while (!stop.IsCancellationRequested)
        {
            var clock = Stopwatch.StartNew();
            using var response = await http.GetAsync("/healthz", CancellationToken.None);
            latencies.Add(clock.Elapsed);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            await Task.Delay(100, CancellationToken.None);
        }
        return latencies;
    }

    private sealed record Audit(string Activity, Dictionary<string, string> Properties);

    // Oldest first; each modified property with its new value as JSON.
    private static async Task<List<Audit>> ReadAuditsAsync(HttpClient admin)
    {
        var audits = new List<Audit>();
        string? next = "/v1.0/auditLogs/directoryAudits?$top=1000";
        while (next is not null)
        {
            var page = (await admin.GetFromJsonAsync<JsonObject>(next))!;
            foreach (var audit in page["value"]!.AsArray())
                audits.Add(new Audit(audit!["activityDisplayName"]!.GetValue<string>(), audit["targetResources"]![0]!["modifiedProperties"]!.AsArray()
                    .Where(p => p!["newValue"] is not null)
                    .ToDictionary(p => p!["displayName"]!.GetValue<string>(), p => p!["newValue"]!.GetValue<string>())));
            next = page["@odata.nextLink"]?.GetValue<string>();
        }
        audits.Reverse();
        return audits;
    }
}

using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using FakeEntra.Server.Storage;
using FakeEntra.Server.Tests.Infrastructure;
using FakeEntra.Server.World;

namespace FakeEntra.Server.Tests;

/// <summary>Start-up as users meet it: the real executable, a data directory that outlives the process, --reset.</summary>
public class StartupTests
{
    private static string EdgeScenario => Path.Combine(AppContext.BaseDirectory, "scenarios", "edge-cases.json");

    private static Task<(int ExitCode, string Error)> RunServer(params string[] args) => RunServerIn(null, args);

    private static async Task<(int ExitCode, string Error)> RunServerIn(string? dataDirectory, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardError = true, RedirectStandardOutput = true };
        if (dataDirectory is not null) start.Environment["FakeEntra__DataDirectory"] = dataDirectory;
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "FakeEntra.Server.dll"));
        foreach (var arg in args) start.ArgumentList.Add(arg);
        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        _ = process.StandardOutput.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        finally
        {
            if (!process.HasExited) process.Kill(entireProcessTree: true);
        }
        return (process.ExitCode, await error);
    }

    [Fact]
    public async Task A_broken_scenario_stops_start_up_naming_file_path_and_problem()
    {
        var file = Path.Combine(Path.GetTempPath(), $"broken-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(file, """{ "tenants": [ { "organization": { "id": "11111111-1111-1111-1111-111111111111", "displayName": "X", "verifiedDomains": [ { "name": "x.com" } ] }, "users": [ { "id": "nope", "userPrincipalName": "a@x.com" } ] } ] }""");
        var (exitCode, error) = await RunServer("--scenario", file, "--data-dir", Path.Combine(Path.GetTempPath(), $"fe-{Guid.NewGuid():N}"), "--urls", "https://127.0.0.1:0");
        Assert.Equal(2, exitCode);
        Assert.Contains(file, error);
        Assert.Contains("$.tenants[0].users[0].id", error);
        Assert.Contains("could not be converted to System.Guid", error);
        Assert.DoesNotContain("   at ", error);
    }

    [Fact]
    public async Task The_seeded_scenario_is_stamped_with_a_hash_of_its_text()
    {
        // The text is hashed in pieces of 16,384 characters: a surrogate pair (😀) straddles the first boundary.
        var text = (await File.ReadAllTextAsync(EdgeScenario)).Replace("\"Active User\"", "\"Active User 😀\"", StringComparison.Ordinal);
        var file = Path.Combine(Path.GetTempPath(), $"stamped-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(file, "{" + new string(' ', 16383 - text.IndexOf("😀", StringComparison.Ordinal)) + text[1..]);
        var data = Path.Combine(Path.GetTempPath(), "fakeentra-tests", Guid.NewGuid().ToString("N"));
        await using (var server = new FakeEntraServer { DataDirectory = data, Scenario = file })
            await server.InitializeAsync();

        var hash = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(await File.ReadAllTextAsync(file))))[..16];
        Assert.Equal($"{file}#{hash}", new StateStore(data).Setting(WorldInitializer.ScenarioSetting));
    }

    [Fact]
    public async Task A_scenario_broken_after_it_seeded_the_data_directory_stops_the_next_start_up()
    {
        var data = Path.Combine(Path.GetTempPath(), "fakeentra-tests", Guid.NewGuid().ToString("N"));
        var file = Path.Combine(Path.GetTempPath(), $"edited-{Guid.NewGuid():N}.json");
        File.Copy(EdgeScenario, file);
        await using (var first = new FakeEntraServer { DataDirectory = data, Scenario = file })
            await first.InitializeAsync();

        var world = JsonNode.Parse(await File.ReadAllTextAsync(file))!;
        world["tenants"]![0]!["users"]![0]!["id"] = "nope";
        await File.WriteAllTextAsync(file, world.ToJsonString());
        var (exitCode, error) = await RunServer("--scenario", file, "--data-dir", data, "--urls", "https://127.0.0.1:0");
        Assert.Equal(2, exitCode);
        Assert.Contains("$.tenants[0].users[0].id", error);
    }

    [Fact]
    public async Task A_missing_scenario_file_stops_start_up()
    {
        var (exitCode, error) = await RunServer("--scenario", "/no/such/world.json", "--data-dir", Path.Combine(Path.GetTempPath(), $"fe-{Guid.NewGuid():N}"), "--urls", "https://127.0.0.1:0");
        Assert.Equal(2, exitCode);
        Assert.Contains("/no/such/world.json", error);
    }

    [Fact]
    public async Task State_keys_and_refresh_tokens_survive_a_restart_and_reset_reseeds()
    {
        var data = Path.Combine(Path.GetTempPath(), "fakeentra-tests", Guid.NewGuid().ToString("N"));
        string kid, refreshToken;
        await using (var first = new FakeEntraServer { DataDirectory = data, Scenario = EdgeScenario })
        {
            await first.InitializeAsync();
            kid = await KeyId(first);
            refreshToken = await Refresh(first, null);
        }

        await using (var second = new FakeEntraServer { DataDirectory = data })
        {
            await second.InitializeAsync();
            Assert.Equal(kid, await KeyId(second));
            Assert.Equal(1, await TenantCount(second)); // still the stored edge world, not the default one
            await Refresh(second, refreshToken);
        }

        await using var reset = new FakeEntraServer { DataDirectory = data, Reset = true };
        await reset.InitializeAsync();
        Assert.Equal(4, await TenantCount(reset));
        Assert.Equal(kid, await KeyId(reset));
    }

    [Fact]
    public async Task The_console_says_what_the_world_was_seeded_from_and_when_a_stored_world_differs_from_the_scenario()
    {
        string data;
        await using (var first = await ServerProcess.StartExecutableAsync())
        {
            data = first.DataDirectory;
            // Written before the server listens: the start-up's own logger is flushed before the host starts.
            Assert.Contains($"Seeded 4 tenants from {WorldInitializer.BuiltInSource}.", first.Output);
        }

        await using (var same = await ServerProcess.StartExecutableOnAsync(data))
            Assert.DoesNotContain("Start with --reset", same.Output);

        await using var other = await ServerProcess.StartExecutableOnAsync(data, "--scenario", EdgeScenario);
        Assert.Contains($"The data directory holds a world seeded from {WorldInitializer.BuiltInSource}#", other.Output);
        Assert.Contains($"it differs from {EdgeScenario}. Start with --reset to re-seed.", other.Output);
    }

    [Fact]
    public async Task The_container_health_check_trusts_the_local_ca_and_reports_a_dead_server()
    {
        await using var server = new FakeEntraServer();
        await server.InitializeAsync();
        Assert.Equal(0, (await RunServerIn(server.DataDirectory, "--healthcheck", server.Origin)).ExitCode);
        var (exitCode, error) = await RunServerIn(server.DataDirectory, "--healthcheck", "https://127.0.0.1:1");
        Assert.Equal(1, exitCode);
        Assert.Contains("health check failed", error);
    }

    private static async Task<string> KeyId(FakeEntraServer server)
    {
        using var http = server.CreateClient();
        return JsonDocument.Parse(await http.GetStringAsync("/common/discovery/v2.0/keys")).RootElement.GetProperty("keys")[0].GetProperty("kid").GetString()!;
    }

    private static async Task<int> TenantCount(FakeEntraServer server)
    {
        using var http = server.CreateClient();
        return JsonDocument.Parse(await http.GetStringAsync("/healthz")).RootElement.GetProperty("tenants").GetInt32();
    }

    private static async Task<string> Refresh(FakeEntraServer server, string? refreshToken)
    {
        using var http = server.CreateClient();
        var form = refreshToken is null
            ? "grant_type=password&username=active@edge.example&password=Edge~Pass1&scope=openid%20offline_access%20api://edge-api/Data.Read"
            : $"grant_type=refresh_token&refresh_token={refreshToken}";
        var response = await http.PostAsync("/edge.example/oauth2/v2.0/token",
            new StringContent($"{form}&client_id=e0000000-0000-4000-8000-0000000000c2", System.Text.Encoding.UTF8, "application/x-www-form-urlencoded"));
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.True(response.IsSuccessStatusCode, body.GetRawText());
        return body.GetProperty("refresh_token").GetString()!;
    }
}

using System.Text.Json;
using FakeEntra.Server.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace FakeEntra.Server.Tests;

/// <summary>A server on a scenario of accounts and apps in the states that make Entra refuse.</summary>
public sealed class EdgeServer : IAsyncLifetime
{
    public FakeEntraServer Server { get; } = new() { Scenario = Path.Combine(AppContext.BaseDirectory, "scenarios", "edge-cases.json") };
    public Task InitializeAsync() => Server.InitializeAsync();
    public Task DisposeAsync() => Server.DisposeAsync();
}

public class EdgeCaseTests(EdgeServer edge) : IClassFixture<EdgeServer>
{
    private const string Tenant = "edge.example";
    private const string PublicClient = "e0000000-0000-4000-8000-0000000000c2";
    private const string Scope = "api://edge-api/Data.Read";

    private FakeEntraServer Server => edge.Server;

    private async Task<HttpResponseMessage> Token(string form)
    {
        using var http = Server.CreateClient();
        return await http.PostAsync($"/{Tenant}/oauth2/v2.0/token", new StringContent(form, System.Text.Encoding.UTF8, "application/x-www-form-urlencoded"));
    }

    private async Task<string> RefreshTokenFor(string user)
    {
        var response = await Token($"grant_type=password&client_id={PublicClient}&username={user}&password=Edge~Pass1&scope=openid%20offline_access%20{Scope}");
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.True(response.IsSuccessStatusCode, body.GetRawText());
        return body.GetProperty("refresh_token").GetString()!;
    }

    [Theory]
    [InlineData("grant_type=password&client_id=e0000000-0000-4000-8000-0000000000c2&username=disabled@edge.example&password=Edge~Pass1&scope=api://edge-api/Data.Read", 400, 50057, "invalid_grant")]
    [InlineData("grant_type=client_credentials&client_id=e0000000-0000-4000-8000-0000000000c3&client_secret=Expired~Secret&scope=api://edge-api/.default", 401, 7000222, "invalid_client")]
    [InlineData("grant_type=client_credentials&client_id=e0000000-0000-4000-8000-0000000000c4&client_secret=Disabled~Secret&scope=api://edge-api/.default", 400, 7000112, "unauthorized_client")]
    [InlineData("grant_type=password&client_id=e0000000-0000-4000-8000-0000000000c5&username=active@edge.example&password=Edge~Pass1&scope=api://edge-api/Data.Read", 400, 65001, "invalid_grant")]
    public async Task Account_and_app_states_give_entras_errors(string form, int status, int code, string error) =>
        await ErrorTests.AssertEntraError(await Token(form), status, code, error, null);

    [Fact]
    public async Task A_sign_in_admitted_then_refused_at_minting_is_logged_before_the_error_is_answered()
    {
        // The gate admits active@edge.example; the token fails afterwards, on the client's missing consent (AADSTS65001).
        var correlation = Guid.NewGuid();
        using var http = Server.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/{Tenant}/oauth2/v2.0/token")
        {
            Content = new StringContent("grant_type=password&client_id=e0000000-0000-4000-8000-0000000000c5&username=active@edge.example&password=Edge~Pass1&scope=api://edge-api/Data.Read",
                System.Text.Encoding.UTF8, "application/x-www-form-urlencoded"),
        };
        request.Headers.Add("client-request-id", correlation.ToString());
        // Another writer holds the state file's write lock for half a second: the rows commit only after it lets go.
        await using var blocker = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={Path.Combine(Server.DataDirectory, "fakeentra.db")}");
        await blocker.OpenAsync();
        await using var hold = blocker.BeginTransaction(System.Data.IsolationLevel.Serializable, deferred: false);
        var release = Task.Delay(500).ContinueWith(_ => hold.Rollback(), TaskScheduler.Default);
        var response = await http.SendAsync(request);
        var rows = Server.Services.GetRequiredService<SignInLogs.SignInLogStore>().Read(Guid.Parse("e0000000-0000-4000-8000-000000000001"));
        var row = Assert.Single(rows, r => r.CorrelationId == correlation);
        Assert.Equal(0, row.Status.ErrorCode);
        await ErrorTests.AssertEntraError(response, 400, 65001, "invalid_grant", correlation);
        await release;
    }

    [Fact]
    public async Task A_revoked_session_ends_the_refresh_chain_with_AADSTS50173()
    {
        var refreshToken = await RefreshTokenFor("revoked@edge.example");
        var response = await Token($"grant_type=refresh_token&client_id={PublicClient}&refresh_token={refreshToken}");
        await ErrorTests.AssertEntraError(response, 400, 50173, "invalid_grant", null);
    }

    [Fact]
    public async Task A_refresh_token_unused_for_90_days_is_AADSTS700082()
    {
        Server.Clock.Offset = TimeSpan.FromDays(-91);
        string refreshToken;
        try
        {
            refreshToken = await RefreshTokenFor("active@edge.example");
        }
        finally
        {
            Server.Clock.Offset = TimeSpan.Zero;
        }
        var response = await Token($"grant_type=refresh_token&client_id={PublicClient}&refresh_token={refreshToken}");
        await ErrorTests.AssertEntraError(response, 400, 700082, "invalid_grant", null);
    }

    [Fact]
    public async Task Refresh_tokens_roll_and_each_stays_redeemable()
    {
        var first = await RefreshTokenFor("active@edge.example");
        var response = await Token($"grant_type=refresh_token&client_id={PublicClient}&refresh_token={first}&scope={Scope}%20offline_access");
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.True(response.IsSuccessStatusCode, body.GetRawText());
        var second = body.GetProperty("refresh_token").GetString();
        Assert.NotEqual(first, second);
        Assert.Equal(Scope, body.GetProperty("scope").GetString());
        Assert.False(body.TryGetProperty("id_token", out _));
        Assert.True((await Token($"grant_type=refresh_token&client_id={PublicClient}&refresh_token={first}")).IsSuccessStatusCode);
        Assert.True((await Token($"grant_type=refresh_token&client_id={PublicClient}&refresh_token={second}")).IsSuccessStatusCode);
    }

    [Fact]
    public async Task A_refresh_whose_scope_leaves_out_offline_access_still_returns_a_new_refresh_token()
    {
        // Entra's documented refresh request names only the resource's scopes; the response carries a new refresh token anyway.
        var first = await RefreshTokenFor("active@edge.example");
        var response = await Token($"grant_type=refresh_token&client_id={PublicClient}&refresh_token={first}&scope={Scope}");
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.True(response.IsSuccessStatusCode, body.GetRawText());
        var second = body.GetProperty("refresh_token").GetString()!;
        Assert.NotEqual(first, second);
        var third = JsonDocument.Parse(await (await Token($"grant_type=refresh_token&client_id={PublicClient}&refresh_token={second}&scope={Scope}")).Content.ReadAsStringAsync()).RootElement;
        Assert.True(third.TryGetProperty("refresh_token", out _), third.GetRawText());
    }

    [Fact]
    public async Task The_region_follows_the_organizations_country()
    {
        using var http = Server.CreateClient();
        var doc = JsonDocument.Parse(await http.GetStringAsync($"/{Tenant}/v2.0/.well-known/openid-configuration")).RootElement;
        Assert.Equal("EU", doc.GetProperty("tenant_region_scope").GetString());
    }
}

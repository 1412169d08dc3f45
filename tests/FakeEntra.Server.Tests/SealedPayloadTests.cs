using System.Text;
using System.Text.Json;
using FakeEntra.Server.Tests.Infrastructure;
using FakeEntra.Server.Token;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection;
using B64 = System.Buffers.Text.Base64Url;

namespace FakeEntra.Server.Tests;

/// <summary>Refresh tokens and <c>aio</c>: sealed under the state's payload key, each for its own purpose.</summary>
[Collection(DefaultServer.Name)]
public class SealedPayloadTests(FakeEntraServer server)
{
    private async Task<HttpResponseMessage> Token(string form)
    {
        using var http = server.CreateClient();
        return await http.PostAsync($"/{World.Contoso}/oauth2/v2.0/token", new StringContent(form, Encoding.UTF8, "application/x-www-form-urlencoded"));
    }

    private async Task<JsonElement> AliceTokens()
    {
        var response = await Token($"grant_type=password&client_id={World.Client}&username=alice%40contoso.com&password={Uri.EscapeDataString(World.Password)}&scope={Uri.EscapeDataString(World.SharedChannelsScope + " offline_access")}");
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.True(response.IsSuccessStatusCode, body.GetRawText());
        return body;
    }

    private Task<HttpResponseMessage> Refresh(string refreshToken) =>
        Token($"grant_type=refresh_token&client_id={World.Client}&refresh_token={Uri.EscapeDataString(refreshToken)}");

    [Fact]
    public async Task A_refresh_token_sealed_by_data_protection_before_an_upgrade_still_redeems_and_rolls_into_the_new_form()
    {
        var payload = new RefreshTokenPayload
        {
            TenantId = Guid.Parse(World.Contoso),
            ClientId = Guid.Parse(World.Client),
            HomeTenantId = Guid.Parse(World.Contoso),
            HomeObjectId = Guid.Parse(World.Alice),
            Scope = World.SharedChannelsScope + " offline_access",
            AuthTime = server.Clock.GetUtcNow().AddMinutes(-5),
            IssuedAt = server.Clock.GetUtcNow().AddMinutes(-5),
        };
        var protector = server.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("FakeEntra.RefreshToken.v1");
        var previous = B64.EncodeToString(protector.Protect(JsonSerializer.SerializeToUtf8Bytes(payload)));
        Assert.StartsWith("CfDJ8", previous);

        var response = await Refresh(previous);
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.True(response.IsSuccessStatusCode, body.GetRawText());
        var rolled = body.GetProperty("refresh_token").GetString()!;
        Assert.False(rolled.StartsWith("CfDJ8", StringComparison.Ordinal));
        Assert.True((await Refresh(rolled)).IsSuccessStatusCode);
    }

    [Fact]
    public async Task An_aio_does_not_open_as_a_refresh_token()
    {
        var tokens = await AliceTokens();
        var accessToken = new Microsoft.IdentityModel.JsonWebTokens.JsonWebToken(tokens.GetProperty("access_token").GetString());
        var aio = accessToken.GetPayloadValue<string>("aio");
        Assert.True((await Refresh(tokens.GetProperty("refresh_token").GetString()!)).IsSuccessStatusCode);
        await ErrorTests.AssertEntraError(await Refresh(aio), 400, 9002313, "invalid_grant", null);
    }

    [Fact]
    public async Task A_refresh_token_with_any_byte_changed_is_refused()
    {
        var sealedBytes = B64.DecodeFromChars((await AliceTokens()).GetProperty("refresh_token").GetString());
        foreach (var index in new[] { 0, 1, sealedBytes.Length / 2, sealedBytes.Length - 1 })
        {
            var tampered = (byte[])sealedBytes.Clone();
            tampered[index] ^= 0x01;
            await ErrorTests.AssertEntraError(await Refresh(B64.EncodeToString(tampered)), 400, 9002313, "invalid_grant", null);
        }
    }

    [Fact]
    public async Task The_payload_key_is_kept_in_the_state_protected_and_the_same_after_a_restart()
    {
        var data = Path.Combine(Path.GetTempPath(), "fakeentra-tests", Guid.NewGuid().ToString("N"));
        string refreshToken;
        await using (var first = new FakeEntraServer { DataDirectory = data })
        {
            await first.InitializeAsync();
            using var http = first.CreateClient();
            var response = await http.PostAsync($"/{World.Contoso}/oauth2/v2.0/token", new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["grant_type"] = "password",
                ["client_id"] = World.Client,
                ["username"] = "alice@contoso.com",
                ["password"] = World.Password,
                ["scope"] = World.SharedChannelsScope + " offline_access",
            }));
            refreshToken = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("refresh_token").GetString()!;
        }
        var stored = new Storage.StateStore(data).Setting(PayloadKey.Setting);
        Assert.NotNull(stored);
        Assert.StartsWith("CfDJ8", stored); // sealed by Data Protection, not the key itself

        await using var second = new FakeEntraServer { DataDirectory = data };
        await second.InitializeAsync();
        using var again = second.CreateClient();
        var refreshed = await again.PostAsync($"/{World.Contoso}/oauth2/v2.0/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "refresh_token",
            ["client_id"] = World.Client,
            ["refresh_token"] = refreshToken,
        }));
        Assert.True(refreshed.IsSuccessStatusCode, await refreshed.Content.ReadAsStringAsync());
    }
}

using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using FakeEntra.Server.Tests.Infrastructure;
using Microsoft.Identity.Client;

namespace FakeEntra.Server.Tests;

#pragma warning disable CS0618 // AcquireTokenByUsernamePassword is obsolete in MSAL, yet still what ROPC clients call.

[Collection(DefaultServer.Name)]
public class MsalTests(FakeEntraServer server)
{
    private IConfidentialClientApplication Daemon(string tenant = World.Contoso) =>
        ConfidentialClientApplicationBuilder.Create(World.Daemon)
            .WithClientSecret(World.DaemonSecret)
            .WithAuthority($"{server.Origin}/{tenant}", validateAuthority: false)
            .WithInstanceDiscovery(false)
            .WithHttpClientFactory(server.MsalHttp())
            .Build();

    private IPublicClientApplication PublicClient(string tenant) =>
        PublicClientApplicationBuilder.Create(World.Client)
            .WithAuthority($"{server.Origin}/{tenant}", validateAuthority: false)
            .WithInstanceDiscovery(false)
            .WithHttpClientFactory(server.MsalHttp())
            .Build();

    [Fact]
    public async Task Client_credentials_give_an_app_only_token_with_the_granted_roles()
    {
        var app = Daemon();
        var result = await app.AcquireTokenForClient([World.SharedChannelsDefault]).ExecuteAsync();

        var header = TokenAssertions.Header(result.AccessToken);
        Assert.Equal(("JWT", "RS256"), (header.GetProperty("typ").GetString(), header.GetProperty("alg").GetString()));
        Assert.True(header.TryGetProperty("kid", out _));
        Assert.False(header.TryGetProperty("x5t", out _));

        var claims = TokenAssertions.Payload(result.AccessToken);
        Assert.Equal(World.SharedChannelsApi, claims.GetProperty("aud").GetString());
        Assert.Equal($"{server.Origin}/{World.Contoso}/v2.0", claims.GetProperty("iss").GetString());
        Assert.Equal(World.Contoso, claims.GetProperty("tid").GetString());
        Assert.Equal(JsonValueKind.Array, claims.GetProperty("roles").ValueKind);
        Assert.Equal(["Channels.Read.All"], claims.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
        Assert.Equal("app", claims.GetProperty("idtyp").GetString());
        Assert.Equal("1", claims.GetProperty("azpacr").GetString());
        Assert.Equal(World.Daemon, claims.GetProperty("azp").GetString());
        Assert.Equal(claims.GetProperty("oid").GetString(), claims.GetProperty("sub").GetString());
        Assert.False(claims.TryGetProperty("scp", out _));
        Assert.Equal("2.0", claims.GetProperty("ver").GetString());
        Assert.Equal(3600, claims.GetProperty("exp").GetInt64() - claims.GetProperty("iat").GetInt64());
        Assert.Equal(claims.GetProperty("iat").GetInt64(), claims.GetProperty("nbf").GetInt64());
        Assert.True(claims.TryGetProperty("uti", out _) && claims.TryGetProperty("aio", out _) && claims.TryGetProperty("rh", out _));
        TokenAssertions.HasNoInternalClaims(claims);

        var again = await app.AcquireTokenForClient([World.SharedChannelsDefault]).ExecuteAsync();
        Assert.Equal(TokenSource.Cache, again.AuthenticationResultMetadata.TokenSource);
    }

    [Fact]
    public async Task Client_credentials_accept_the_secret_in_a_basic_header_and_answer_like_entra()
    {
        using var http = server.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/{World.Contoso}/oauth2/v2.0/token")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["grant_type"] = "client_credentials", ["scope"] = World.SharedChannelsDefault }),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{World.Daemon}:{Uri.EscapeDataString(World.DaemonSecret)}")));
        var response = await http.SendAsync(request);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        var body = JsonDocument.Parse(bytes).RootElement;
        Assert.True(response.IsSuccessStatusCode, body.GetRawText());
        Assert.Equal(["token_type", "expires_in", "ext_expires_in", "access_token"], body.EnumerateObject().Select(p => p.Name));
        Assert.Equal(3599, body.GetProperty("expires_in").GetInt32());
        Assert.Contains("no-store", response.Headers.CacheControl!.ToString());
        Assert.Equal(bytes.Length, response.Content.Headers.ContentLength);
        Assert.Equal("application/json; charset=utf-8", response.Content.Headers.ContentType!.ToString());
    }

    [Fact]
    public async Task Password_grant_signs_alice_in_and_refreshes_silently_with_a_new_refresh_token()
    {
        var app = PublicClient(World.Contoso);
        var first = await app.AcquireTokenByUsernamePassword([World.SharedChannelsScope], "alice@contoso.com", World.Password).ExecuteAsync();

        Assert.Equal($"{World.Alice}.{World.Contoso}", first.Account.HomeAccountId.Identifier);
        Assert.Equal("alice@contoso.com", first.Account.Username);
        Assert.Equal([World.SharedChannelsScope], first.Scopes);
        var claims = TokenAssertions.Payload(first.AccessToken);
        Assert.Equal(World.SharedChannelsApi, claims.GetProperty("aud").GetString());
        Assert.Equal("Channels.ReadWrite", claims.GetProperty("scp").GetString());
        Assert.Equal(World.Alice, claims.GetProperty("oid").GetString());
        Assert.Equal("Alice Anderson", claims.GetProperty("name").GetString());
        Assert.Equal("alice@contoso.com", claims.GetProperty("preferred_username").GetString());
        Assert.Equal("0", claims.GetProperty("azpacr").GetString());
        Assert.Equal(World.Client, claims.GetProperty("azp").GetString());
        Assert.False(claims.TryGetProperty("idtyp", out _));
        Assert.False(claims.TryGetProperty("roles", out _));
        Assert.Equal(["62e90394-69f5-4237-9190-012177145e10"], claims.GetProperty("wids").EnumerateArray().Select(w => w.GetString())); // Global Administrator
        Assert.Equal(3600, claims.GetProperty("exp").GetInt64() - claims.GetProperty("iat").GetInt64());
        TokenAssertions.HasNoInternalClaims(claims);

        var id = TokenAssertions.Payload(first.IdToken);
        Assert.Equal(World.Client, id.GetProperty("aud").GetString());
        Assert.Equal(World.Alice, id.GetProperty("oid").GetString());
        Assert.Equal(World.Contoso, id.GetProperty("tid").GetString());
        Assert.NotEqual(claims.GetProperty("uti").GetString(), id.GetProperty("uti").GetString());
        TokenAssertions.HasNoInternalClaims(id);

        var account = Assert.Single(await app.GetAccountsAsync());
        var cached = await app.AcquireTokenSilent([World.SharedChannelsScope], account).ExecuteAsync();
        Assert.Equal(TokenSource.Cache, cached.AuthenticationResultMetadata.TokenSource);

        var refreshed = await app.AcquireTokenSilent([World.SharedChannelsScope], account).WithForceRefresh(true).ExecuteAsync();
        Assert.Equal(TokenSource.IdentityProvider, refreshed.AuthenticationResultMetadata.TokenSource);
        Assert.NotEqual(first.AccessToken, refreshed.AccessToken);
        Assert.Equal(claims.GetProperty("sub").GetString(), TokenAssertions.Payload(refreshed.AccessToken).GetProperty("sub").GetString());
    }

    [Theory]
    [InlineData("organizations")]
    [InlineData("common")]
    public async Task Password_grant_through_an_alias_issues_from_the_users_home_tenant(string alias)
    {
        var result = await PublicClient(alias).AcquireTokenByUsernamePassword(["User.Read"], "bob@fabrikam.com", World.Password).ExecuteAsync();
        var claims = TokenAssertions.Payload(result.AccessToken);
        Assert.Equal($"{server.Origin}/{World.Fabrikam}/v2.0", claims.GetProperty("iss").GetString());
        Assert.Equal(World.Fabrikam, claims.GetProperty("tid").GetString());
        Assert.Equal("00000003-0000-0000-c000-000000000000", claims.GetProperty("aud").GetString());
        Assert.Contains("User.Read", claims.GetProperty("scp").GetString()!.Split(' '));
        Assert.Equal($"{World.Bob}.{World.Fabrikam}", result.Account.HomeAccountId.Identifier);
    }

    [Fact]
    public async Task A_wrong_password_is_AADSTS50126_for_msal()
    {
        var error = await Assert.ThrowsAsync<MsalUiRequiredException>(() =>
            PublicClient(World.Contoso).AcquireTokenByUsernamePassword([World.SharedChannelsScope], "alice@contoso.com", "nope").ExecuteAsync());
        Assert.Equal("invalid_grant", error.ErrorCode);
        Assert.Contains("AADSTS50126", error.Message);
    }

    [Fact]
    public async Task A_user_of_another_tenant_is_AADSTS50020_for_msal_at_an_app_not_enabled_for_direct_connect()
    {
        var error = await Assert.ThrowsAnyAsync<MsalServiceException>(() =>
            PublicClient(World.Contoso).AcquireTokenByUsernamePassword(["User.Read"], "bob@fabrikam.com", World.Password).ExecuteAsync());
        Assert.Contains("AADSTS50020", error.Message);
    }

    [Fact]
    public async Task The_pairwise_subject_differs_between_apps_and_stays_stable()
    {
        var viaClient = await PublicClient(World.Contoso).AcquireTokenByUsernamePassword([World.SharedChannelsScope], "alice@contoso.com", World.Password).ExecuteAsync();
        var again = await PublicClient(World.Contoso).AcquireTokenByUsernamePassword([World.SharedChannelsScope], "alice@contoso.com", World.Password).ExecuteAsync();
        var sub = TokenAssertions.Payload(viaClient.IdToken).GetProperty("sub").GetString();
        Assert.Equal(sub, TokenAssertions.Payload(again.IdToken).GetProperty("sub").GetString());
        Assert.NotEqual(World.Alice, sub);
        Assert.Equal(43, sub!.Length);
    }
}

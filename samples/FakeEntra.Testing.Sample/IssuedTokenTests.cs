using System.Net;
using FakeEntra.Testing.Tokens;
using FakeEntra.Testing.World;

namespace FakeEntra.Testing.Sample;

/// <summary>The API accepts tokens minted by <c>IssueTokenAsync</c> as from a flow, and refuses the negative ones.</summary>
[Collection(PartnerWorld.Collection)]
public sealed class IssuedTokenTests(PartnerWorld world) : IAsyncLifetime
{
    private FakeEntraServer Idp => world.Idp;
    private SampleApi _api = null!;

    public async Task InitializeAsync() => _api = await SampleApi.StartAsync(Idp, DefaultWorld.Contoso, DefaultWorld.SharedChannelsApi);

    public async Task DisposeAsync()
    {
        Idp.Time.Reset();
        await _api.DisposeAsync();
    }

    private static TokenForUser AliceAtContoso => new()
    {
        User = "alice@contoso.com",
        Client = DefaultWorld.Client,
        Tenant = DefaultWorld.Contoso,
        Scope = DefaultWorld.SharedChannelsScope,
    };

    [Fact]
    public async Task A_member_token_is_accepted()
    {
        var token = await Idp.IssueTokenAsync(AliceAtContoso);
        var channels = await _api.ReadChannels(token.AccessToken);
        Assert.Equal(DefaultWorld.Alice, channels.Caller);
        Assert.Null(channels.IdentityProvider);
        Assert.Equal("Channels.ReadWrite", token.Read().GetClaim("scp").Value);
    }

    [Fact]
    public async Task A_direct_connect_token_with_mfa_is_accepted_and_logged_in_both_tenants()
    {
        var token = await Idp.IssueTokenAsync(AliceAtContoso with { User = "bob@fabrikam.com", Mfa = true });
        var channels = await _api.ReadChannels(token.AccessToken);
        Assert.Equal(DefaultWorld.Bob, channels.Caller);
        Assert.Equal($"https://sts.windows.net/{DefaultWorld.Fabrikam}/", channels.IdentityProvider);
        var jwt = token.Read();
        Assert.Equal("1", jwt.GetClaim("acct").Value);
        Assert.Equal(3600, (jwt.ValidTo - jwt.IssuedAt).TotalSeconds);

        var row = (await Idp.SignInsAsync(DefaultWorld.Contoso)).First(s => s.UserId.ToString() == DefaultWorld.Bob);
        Assert.Equal("b2bDirectConnect", row.CrossTenantAccessType);
        Assert.Equal(0, row.Status.ErrorCode);
        Assert.Contains(await Idp.SignInsAsync(DefaultWorld.Fabrikam), s => s.CorrelationId == row.CorrelationId);
    }

    [Fact]
    public async Task A_token_the_gate_refuses_is_not_issued_and_the_refusal_is_logged()
    {
        var refused = await Assert.ThrowsAsync<TokenRefusedException>(() => Idp.IssueTokenAsync(AliceAtContoso with { User = "bob@fabrikam.com" }));
        Assert.Equal(50076, refused.Code);
        var dan = await Assert.ThrowsAsync<TokenRefusedException>(() => Idp.IssueTokenAsync(AliceAtContoso with { User = "dan@northwind.com", Mfa = true }));
        Assert.Equal(500213, dan.Code);
        Assert.Contains(await Idp.SignInsAsync(DefaultWorld.Contoso), s => s.UserId.ToString() == DefaultWorld.Dan && s.Status.ErrorCode == 500213);
    }

    [Fact]
    public async Task Device_facts_decide_contosos_conditional_access_for_a_direct_connect_user()
    {
        var bobForFiles = AliceAtContoso with { User = "bob@fabrikam.com", Scope = DefaultWorld.FilesScope };
        var compliant = await Idp.IssueTokenAsync(bobForFiles with { Device = DefaultWorld.FabrikamLaptop });
        Assert.Equal(DefaultWorld.Contoso, compliant.Read().GetClaim("tid").Value);
        var hybrid = await Assert.ThrowsAsync<TokenRefusedException>(() => Idp.IssueTokenAsync(bobForFiles with { Device = DefaultWorld.FabrikamDesktop }));
        Assert.InRange(hybrid.Code, 53000, 53003);
        var none = await Assert.ThrowsAsync<TokenRefusedException>(() => Idp.IssueTokenAsync(bobForFiles));
        Assert.InRange(none.Code, 53000, 53003);
    }

    [Fact]
    public async Task An_app_token_is_accepted()
    {
        var token = Idp.IssueToken(new TokenForApp { Client = DefaultWorld.Daemon, Tenant = DefaultWorld.Contoso, Scope = DefaultWorld.SharedChannelsDefault });
        Assert.Equal("app", token.Read().GetClaim("idtyp").Value);
        Assert.Equal(HttpStatusCode.OK, (await _api.GetChannels(token.AccessToken)).StatusCode);
    }

    [Fact]
    public async Task A_token_expires_when_the_clock_moves_past_its_lifetime()
    {
        var token = await Idp.IssueTokenAsync(AliceAtContoso);
        Assert.Equal(HttpStatusCode.OK, (await _api.GetChannels(token.AccessToken)).StatusCode);
        Idp.Time.Advance(TimeSpan.FromHours(2));
        Assert.Equal(HttpStatusCode.Unauthorized, (await _api.GetChannels(token.AccessToken)).StatusCode);
    }

    [Fact]
    public async Task An_expired_token_is_refused()
    {
        var token = await Idp.IssueTokenAsync(AliceAtContoso with { Claims = new Dictionary<string, object?> { ["exp"] = DateTimeOffset.UtcNow.AddMinutes(-10) } });
        Assert.Equal(HttpStatusCode.Unauthorized, (await _api.GetChannels(token.AccessToken)).StatusCode);
    }

    [Fact]
    public async Task A_token_for_another_audience_is_refused()
    {
        var token = await Idp.IssueTokenAsync(AliceAtContoso with { Claims = new Dictionary<string, object?> { ["aud"] = DefaultWorld.FilesApi } });
        Assert.Equal(DefaultWorld.FilesApi, token.Read().GetClaim("aud").Value);
        Assert.Equal(HttpStatusCode.Unauthorized, (await _api.GetChannels(token.AccessToken)).StatusCode);
    }

    [Fact]
    public async Task A_token_of_another_tenant_is_refused()
    {
        var token = await Idp.IssueTokenAsync(AliceAtContoso with
        {
            Claims = new Dictionary<string, object?> { ["tid"] = DefaultWorld.Fabrikam, ["iss"] = Idp.Issuer(DefaultWorld.Fabrikam) },
        });
        Assert.Equal(HttpStatusCode.Unauthorized, (await _api.GetChannels(token.AccessToken)).StatusCode);
    }

    [Fact]
    public async Task A_token_without_the_scope_is_forbidden_and_one_without_any_is_refused()
    {
        var other = await Idp.IssueTokenAsync(AliceAtContoso with { Claims = new Dictionary<string, object?> { ["scp"] = "Channels.Read" } });
        Assert.Equal(HttpStatusCode.Forbidden, (await _api.GetChannels(other.AccessToken)).StatusCode);
        // Microsoft.Identity.Web refuses a token with neither scp nor roles at authentication.
        var none = await Idp.IssueTokenAsync(AliceAtContoso with { Claims = new Dictionary<string, object?> { ["scp"] = null } });
        Assert.False(none.Read().TryGetClaim("scp", out _));
        Assert.Equal(HttpStatusCode.Unauthorized, (await _api.GetChannels(none.AccessToken)).StatusCode);
    }
}

using System.Net;
using System.Text.Json;
using FakeEntra.Server.SignInLogs;
using FakeEntra.Server.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Identity.Client;
using OtpNet;

namespace FakeEntra.Server.Tests;

#pragma warning disable CS0618 // AcquireTokenByUsernamePassword

/// <summary>
/// <c>fakeentra_privacy_consent=accept</c>: grants without pages accept the resource organization's privacy statement as the
/// page's Accept does. Each test has a fresh default world, in which no one has accepted yet.
/// </summary>
public sealed class PrivacyConsentParameterTests : IAsyncLifetime
{
    private readonly FakeEntraServer _server = new();

    public Task InitializeAsync() => _server.InitializeAsync();
    public Task DisposeAsync() => _server.DisposeAsync();

    private static string Otp() => new Totp(Base32Encoding.ToBytes("JBSWY3DPEHPK3PXP")).ComputeTotp();

    private Task<AuthenticationResult> BobAtContoso(Dictionary<string, string> extra) =>
        PublicClientApplicationBuilder.Create(World.Client).WithAuthority($"{_server.Origin}/{World.Contoso}", validateAuthority: false)
            .WithInstanceDiscovery(false).WithHttpClientFactory(_server.MsalHttp()).Build()
            .AcquireTokenByUsernamePassword([World.SharedChannelsScope], "bob@fabrikam.com", World.Password).WithExtraQueryParameters(extra).ExecuteAsync();

    private async Task<HttpResponseMessage> Token(string tenant, params (string Name, string Value)[] form)
    {
        using var http = _server.CreateClient();
        return await http.PostAsync($"/{tenant}/oauth2/v2.0/token", new FormUrlEncodedContent(form.Select(f => KeyValuePair.Create(f.Name, f.Value))));
    }

    private Task<HttpResponseMessage> BobPassword(params (string Name, string Value)[] extra) => Token(World.Contoso,
    [
        ("grant_type", "password"), ("client_id", World.Client), ("username", "bob@fabrikam.com"), ("password", World.Password),
        ("scope", $"{World.SharedChannelsScope} offline_access"), .. extra,
    ]);

    private async Task<IReadOnlyList<string>> Consents(string tenant, string upn)
    {
        using var http = _server.CreateClient();
        http.DefaultRequestHeaders.Authorization = new("Bearer", await GraphClients.UserToken(_server, tenant, upn, "User.Read"));
        var value = JsonDocument.Parse(await http.GetStringAsync("/fakeentra/me/privacyConsents")).RootElement.GetProperty("value");
        return [.. value.EnumerateArray().Select(c => c.GetProperty("tenantId").GetString()!)];
    }

    private async Task<IReadOnlyList<Core.Monitoring.SignIn>> Log(string tenant)
    {
        await _server.Services.GetRequiredService<SignInLogWriter>().FlushAsync();
        return _server.Services.GetRequiredService<SignInLogStore>().Read(new Guid(tenant), 500);
    }

    [Fact]
    public async Task Bobs_direct_connect_password_grant_accepts_with_the_parameter_and_the_acceptance_is_kept_on_his_account()
    {
        Assert.Contains("AADSTS65001:", (await Assert.ThrowsAnyAsync<MsalServiceException>(() => BobAtContoso(new() { ["fakeentra_otp"] = Otp() }))).Message);

        var accepted = await BobAtContoso(new() { ["fakeentra_otp"] = Otp(), ["fakeentra_privacy_consent"] = "accept" });
        Assert.Equal(1, TokenAssertions.Payload(accepted.AccessToken).GetProperty("acct").GetInt32());
        Assert.Equal([World.Contoso], await Consents(World.Fabrikam, "bob@fabrikam.com"));
        // Later sign-ins need not ask again, as after the page's Accept.
        Assert.NotNull((await BobAtContoso(new() { ["fakeentra_otp"] = Otp() })).AccessToken);

        foreach (var tenant in new[] { World.Fabrikam, World.Contoso })
        {
            var row = (await Log(tenant)).Single(r => r.CorrelationId == accepted.CorrelationId);
            Assert.Equal(0, row.Status.ErrorCode);
            Assert.Equal("b2bDirectConnect", row.CrossTenantAccessType);
            Assert.Equal("Allowed.", row.FakeEntraDecisionTrace[^1]);
            Assert.DoesNotContain(row.FakeEntraDecisionTrace, line => line.Contains("privacy statement", StringComparison.Ordinal));
        }
    }

    [Theory]
    [InlineData("yes")]
    [InlineData("Accept")]
    [InlineData("accept ")]
    public async Task Any_other_value_is_AADSTS90100_and_records_nothing(string value)
    {
        var response = await BobPassword(("fakeentra_otp", Otp()), ("fakeentra_privacy_consent", value));
        await ErrorTests.AssertEntraError(response, 400, 90100, "invalid_request", null);
        Assert.Contains("fakeentra_privacy_consent parameter is empty or not valid.", await response.Content.ReadAsStringAsync());
        Assert.Empty(await Consents(World.Fabrikam, "bob@fabrikam.com"));
    }

    [Fact]
    public async Task A_refused_sign_in_records_no_acceptance()
    {
        // Contoso needs MFA: without the one-time code the decision refuses before the privacy statement is reached.
        var refused = await BobPassword(("fakeentra_privacy_consent", "accept"));
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.DoesNotContain("\"error_codes\":[65001]", await refused.Content.ReadAsStringAsync());
        Assert.Empty(await Consents(World.Fabrikam, "bob@fabrikam.com"));
        await ErrorTests.AssertEntraError(await BobPassword(("fakeentra_otp", Otp())), 400, 65001, "invalid_grant", null);
    }

    [Fact]
    public async Task A_sign_in_that_needs_no_privacy_consent_records_none()
    {
        var member = await Token(World.Contoso, ("grant_type", "password"), ("client_id", World.Client), ("username", "alice@contoso.com"),
            ("password", World.Password), ("scope", World.SharedChannelsScope), ("fakeentra_privacy_consent", "accept"));
        Assert.True(member.IsSuccessStatusCode, await member.Content.ReadAsStringAsync());
        Assert.Empty(await Consents(World.Contoso, "alice@contoso.com"));
    }

    [Fact]
    public async Task After_a_withdrawal_a_refresh_can_accept_again()
    {
        var first = JsonDocument.Parse(await (await BobPassword(("fakeentra_otp", Otp()), ("fakeentra_privacy_consent", "accept"))).Content.ReadAsStringAsync()).RootElement;
        var refreshToken = first.GetProperty("refresh_token").GetString()!;
        using (var http = _server.CreateClient())
        {
            http.DefaultRequestHeaders.Authorization = new("Bearer", await GraphClients.UserToken(_server, World.Fabrikam, "bob@fabrikam.com", "User.Read"));
            Assert.Equal(HttpStatusCode.NoContent, (await http.DeleteAsync($"/fakeentra/me/privacyConsents/{World.Contoso}")).StatusCode);
        }
        (string, string)[] refresh = [("grant_type", "refresh_token"), ("client_id", World.Client), ("refresh_token", refreshToken)];
        await ErrorTests.AssertEntraError(await Token(World.Contoso, refresh), 400, 65001, "invalid_grant", null);
        var again = await Token(World.Contoso, [.. refresh, ("fakeentra_privacy_consent", "accept")]);
        Assert.True(again.IsSuccessStatusCode, await again.Content.ReadAsStringAsync());
        Assert.Equal([World.Contoso], await Consents(World.Fabrikam, "bob@fabrikam.com"));
    }
}

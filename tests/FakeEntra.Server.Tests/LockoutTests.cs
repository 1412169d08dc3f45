using System.Net;
using System.Text.Json;
using FakeEntra.Server.SignInLogs;
using FakeEntra.Server.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using OtpNet;

namespace FakeEntra.Server.Tests;

/// <summary>Three servers on the default world: smart lockout as Entra's defaults have it, configured by switches, and off.</summary>
public sealed class LockoutServers : IAsyncLifetime
{
    public FakeEntraServer Default { get; } = new();
    public FakeEntraServer Configured { get; } = new() { Arguments = ["--lockout-threshold", "3", "--lockout-duration", "120"] };
    public FakeEntraServer Off { get; } = new() { Arguments = ["--lockout", "false"] };

    public Task InitializeAsync() => Task.WhenAll(Default.InitializeAsync(), Configured.InitializeAsync(), Off.InitializeAsync());

    public Task DisposeAsync() => Task.WhenAll(Default.DisposeAsync(), Configured.DisposeAsync(), Off.DisposeAsync());
}

/// <summary>
/// Smart lockout (AADSTS50053) over HTTP: the password grant and the password page, one-time codes on the grant and the MFA page.
/// Counters are per account and source, so each test connects from its own loopback address.
/// </summary>
public class LockoutTests(LockoutServers servers) : IClassFixture<LockoutServers>
{
    private const string Alice = "alice@contoso.com";
    private const string Redirect = "http://localhost:7777/";
    private static readonly Totp Authenticator = new(Base32Encoding.ToBytes("JBSWY3DPEHPK3PXP"));

    private FakeEntraServer Server => servers.Default;

    private static IPAddress Source(int n) => IPAddress.Parse($"127.0.0.{n}");

    private static string Otp(FakeEntraServer server) => Authenticator.ComputeTotp(server.Clock.GetUtcNow().UtcDateTime);

    /// <summary>Six-digit codes that are not valid now, nor a step either side.</summary>
    private static IEnumerable<string> WrongCodes(FakeEntraServer server)
    {
        var now = server.Clock.GetUtcNow().UtcDateTime;
        var valid = new[] { -30, 0, 30 }.Select(s => Authenticator.ComputeTotp(now.AddSeconds(s))).ToHashSet();
        return Enumerable.Range(100_000, 1000).Select(n => n.ToString(System.Globalization.CultureInfo.InvariantCulture)).Where(c => !valid.Contains(c));
    }

    private static void Wait(FakeEntraServer server, int seconds) => server.Clock.Offset += TimeSpan.FromSeconds(seconds);

    private static async Task<HttpResponseMessage> PasswordGrant(FakeEntraServer server, IPAddress from, string password, string? otp = null, string upn = Alice)
    {
        using var http = server.CreateClient(from);
        var form = new Dictionary<string, string>
        {
            ["grant_type"] = "password",
            ["client_id"] = World.Client,
            ["username"] = upn,
            ["password"] = password,
            ["scope"] = World.SharedChannelsScope,
        };
        if (otp is not null) form["fakeentra_otp"] = otp;
        return await http.PostAsync($"/{World.Contoso}/oauth2/v2.0/token", new FormUrlEncodedContent(form));
    }

    /// <summary>0 for tokens, else the AADSTS code.</summary>
    private static async Task<int> Outcome(Task<HttpResponseMessage> sent)
    {
        using var response = await sent;
        if (response.IsSuccessStatusCode) return 0;
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("error_codes")[0].GetInt32();
    }

    private static async Task LockOut(FakeEntraServer server, IPAddress from, int threshold = 10)
    {
        for (var i = 0; i < threshold; i++) Assert.Equal(50126, await Outcome(PasswordGrant(server, from, $"guess-{Guid.NewGuid():N}")));
    }

    [Fact]
    public async Task Ten_wrong_passwords_lock_the_account_even_for_the_right_one_for_a_minute_and_the_refusal_is_logged()
    {
        var from = Source(2);
        await LockOut(Server, from);

        using var locked = await PasswordGrant(Server, from, World.Password);
        var body = JsonDocument.Parse(await locked.Content.ReadAsStringAsync()).RootElement;
        Assert.StartsWith("AADSTS50053: The account is locked, you've tried to sign in too many times with an incorrect user ID or password.",
            body.GetProperty("error_description").GetString());
        Assert.Equal(50053, await Outcome(PasswordGrant(Server, from, "another-guess")));
        await ErrorTests.AssertEntraError(await PasswordGrant(Server, from, World.Password), 400, 50053, "invalid_grant", null);

        await Server.Services.GetRequiredService<SignInLogWriter>().FlushAsync();
        var rows = Server.Services.GetRequiredService<SignInLogStore>().Read(new Guid(World.Contoso), 500);
        Assert.Contains(rows, r => r.CorrelationId.ToString() == body.GetProperty("correlation_id").GetString()
                                   && r.UserPrincipalName == Alice && r.Status.ErrorCode == 50053);

        Wait(Server, 61);
        Assert.Equal(0, await Outcome(PasswordGrant(Server, from, World.Password)));
    }

    [Fact]
    public async Task The_same_wrong_passwords_again_are_not_counted_again()
    {
        var from = Source(3);
        for (var i = 0; i < 30; i++) Assert.Equal(50126, await Outcome(PasswordGrant(Server, from, $"typo-{i % 3}")));
        Assert.Equal(0, await Outcome(PasswordGrant(Server, from, World.Password)));
    }

    [Fact]
    public async Task A_lockout_holds_for_its_source_only()
    {
        await LockOut(Server, Source(4));
        Assert.Equal(0, await Outcome(PasswordGrant(Server, Source(5), World.Password)));
        Assert.Equal(50053, await Outcome(PasswordGrant(Server, Source(4), World.Password)));
    }

    [Fact]
    public async Task Concurrent_guesses_get_exactly_the_threshold_of_tries()
    {
        var outcomes = await Task.WhenAll(Enumerable.Range(0, 25).Select(i => Outcome(PasswordGrant(Server, Source(6), $"parallel-{i}"))));
        Assert.Equal(10, outcomes.Count(o => o == 50126));
        Assert.Equal(15, outcomes.Count(o => o == 50053));
    }

    [Fact]
    public async Task A_failure_after_a_lockout_locks_again_for_longer()
    {
        var from = Source(7);
        await LockOut(Server, from);
        Wait(Server, 61);
        Assert.Equal(50126, await Outcome(PasswordGrant(Server, from, "one-more-guess")));
        Assert.Equal(50053, await Outcome(PasswordGrant(Server, from, World.Password)));
        Wait(Server, 61);
        Assert.Equal(50053, await Outcome(PasswordGrant(Server, from, World.Password)));
        Wait(Server, 60);
        Assert.Equal(0, await Outcome(PasswordGrant(Server, from, World.Password)));
    }

    [Fact]
    public async Task Ten_wrong_one_time_codes_on_the_password_grant_lock_mfa_for_a_minute()
    {
        var from = Source(8);
        foreach (var code in WrongCodes(Server).Take(10)) Assert.Equal(500121, await Outcome(PasswordGrant(Server, from, World.Password, code)));

        using var locked = await PasswordGrant(Server, from, World.Password, Otp(Server));
        var body = JsonDocument.Parse(await locked.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(50053, body.GetProperty("error_codes")[0].GetInt32());
        await Server.Services.GetRequiredService<SignInLogWriter>().FlushAsync();
        Assert.Contains(Server.Services.GetRequiredService<SignInLogStore>().Read(new Guid(World.Contoso), 500),
            r => r.CorrelationId.ToString() == body.GetProperty("correlation_id").GetString() && r.Status.ErrorCode == 50053);
        Assert.Equal(0, await Outcome(PasswordGrant(Server, from, World.Password)));

        Wait(Server, 61);
        Assert.Equal(0, await Outcome(PasswordGrant(Server, from, World.Password, Otp(Server))));
    }

    [Fact]
    public async Task The_password_page_locks_after_ten_wrong_passwords()
    {
        using var browser = new Browser(Server, Source(9)) { StopAt = Redirect };
        var page = await browser.Submit(await browser.Get(Authorize(World.SharedChannelsScope)), ("login", Alice));
        for (var i = 0; i < 10; i++)
        {
            page = await browser.Submit(page, ("passwd", $"page-guess-{i}"));
            Assert.Equal("password", page.Step);
            Assert.Contains("Your account or password is incorrect", page.Html);
        }

        var locked = await browser.Submit(page, ("passwd", World.Password));
        Assert.Equal("password", locked.Step);
        Assert.Contains("Your account is temporarily locked to prevent unauthorized use", WebUtility.HtmlDecode(locked.Html));
        Assert.Contains("AADSTS50053", locked.Html);

        Wait(Server, 61);
        var done = await browser.Submit(locked, ("passwd", World.Password));
        Assert.StartsWith(Redirect, done.Url.ToString());
        Assert.Contains("code=", done.Url.Query);
    }

    [Fact]
    public async Task The_mfa_page_locks_after_ten_wrong_codes()
    {
        using var browser = new Browser(Server, Source(10)) { StopAt = Redirect };
        var page = await browser.SignIn(await browser.Get(Authorize(World.SharedChannelsScope)), "bob@fabrikam.com", World.Password);
        Assert.Equal("mfa", page.Step);
        foreach (var code in WrongCodes(Server).Take(10))
        {
            page = await browser.Submit(page, ("otc", code));
            Assert.Equal("mfa", page.Step);
            Assert.Contains("You didn't enter the expected verification code", WebUtility.HtmlDecode(page.Html));
        }

        var locked = await browser.Submit(page, ("otc", Otp(Server)));
        Assert.Equal("mfa", locked.Step);
        Assert.Contains("AADSTS50053", locked.Html);

        Wait(Server, 61);
        var next = await browser.Submit(locked, ("otc", Otp(Server)));
        Assert.NotEqual("mfa", next.Step);
        Assert.DoesNotContain("AADSTS50053", next.Html);
    }

    [Fact]
    public async Task Threshold_and_duration_come_from_configuration()
    {
        var server = servers.Configured;
        await LockOut(server, Source(2), threshold: 3);
        Assert.Equal(50053, await Outcome(PasswordGrant(server, Source(2), World.Password)));
        Wait(server, 61);
        Assert.Equal(50053, await Outcome(PasswordGrant(server, Source(2), World.Password)));
        Wait(server, 60);
        Assert.Equal(0, await Outcome(PasswordGrant(server, Source(2), World.Password)));
    }

    [Fact]
    public async Task Turned_off_nothing_locks()
    {
        var server = servers.Off;
        await LockOut(server, Source(2), threshold: 20);
        Assert.Equal(0, await Outcome(PasswordGrant(server, Source(2), World.Password)));
        foreach (var code in WrongCodes(server).Take(20)) Assert.Equal(500121, await Outcome(PasswordGrant(server, Source(2), World.Password, code)));
        Assert.Equal(0, await Outcome(PasswordGrant(server, Source(2), World.Password, Otp(server))));
    }

    private string Authorize(string scope) =>
        $"{Server.Origin}/{World.Contoso}/oauth2/v2.0/authorize?client_id={World.Client}&response_type=code&redirect_uri={Uri.EscapeDataString(Redirect)}" +
        $"&scope={Uri.EscapeDataString("openid profile " + scope)}&state=lockout";
}

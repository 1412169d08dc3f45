using System.Text;
using FakeEntra.Server.Tests.Infrastructure;

namespace FakeEntra.Server.Tests;

/// <summary>The console a person reads: a start-up summary, one line per sign-in decision, framework logs only when asked for.</summary>
public class ConsoleOutputTests
{
    [Fact]
    public async Task Start_up_prints_a_summary_and_each_sign_in_decision_is_one_line_without_request_logs()
    {
        await using var server = await ServerProcess.StartExecutableAsync();
        var ca = Path.Combine(server.DataDirectory, "certs", "ca.crt");
        Assert.Contains($"Start page:     {server.Origin}/", server.Output);
        Assert.Contains($"Data directory: {server.DataDirectory}", server.Output);
        Assert.Contains($"Inspector:      {server.Origin}/inspect", server.Output);
        Assert.Contains($"Local CA:       {ca}", server.Output);
        Assert.Contains($"sudo cp \"{ca}\" /usr/local/share/ca-certificates/fakeentra-ca.crt && sudo update-ca-certificates", server.Output);
        Assert.Contains("Tenants (4):", server.Output);
        Assert.Matches($@"Contoso\s+contoso\.com\s+{World.Contoso}", server.Output);

        using var http = server.CreateClient();
        Assert.True((await Token(http, World.Contoso, $"username=alice@contoso.com&password={World.Password}")).IsSuccessStatusCode);
        await Token(http, World.Contoso, $"username=bob@fabrikam.com&password={World.Password}");

        var allowed = await server.WaitForLineAsync(l => l.Contains("FakeEntra.SignIns") && l.Contains("alice@contoso.com"));
        Assert.Matches(@"sign-in alice@contoso\.com Contoso → Contoso app ""[^""]+"": allowed - \(none\)$", allowed);
        var refused = await server.WaitForLineAsync(l => l.Contains("FakeEntra.SignIns") && l.Contains("bob@fabrikam.com"));
        Assert.Matches(@"sign-in bob@fabrikam\.com Fabrikam → Contoso app ""[^""]+"": refused AADSTS\d+ \(b2b\w+\)$", refused);
        Assert.Single(server.Output.Split('\n'), l => l.Contains("alice@contoso.com") && l.Contains("sign-in"));
        Assert.DoesNotContain("Request starting", server.Output);
        Assert.DoesNotContain("Now listening on", server.Output);
    }

    [Fact]
    public async Task Verbose_brings_the_framework_request_logs_back()
    {
        await using var server = await ServerProcess.StartExecutableAsync("--verbose");
        using var http = server.CreateClient();
        await http.GetAsync("/healthz");
        await server.WaitForLineAsync(l => l.Contains("Microsoft.AspNetCore.Hosting.Diagnostics") && l.Contains("/healthz"));
        Assert.Contains("Now listening on", server.Output);
    }

    [Fact]
    public async Task The_console_providers_own_filters_still_apply()
    {
        // Lines are written in order by one writer: the request's "finished" line comes after its sign-in line would have.
        await using var server = await ServerProcess.StartExecutableAsync("--verbose", "--Logging:Console:LogLevel:FakeEntra.SignIns=None");
        using var http = server.CreateClient();
        Assert.True((await Token(http, World.Contoso, $"username=alice@contoso.com&password={World.Password}")).IsSuccessStatusCode);
        await server.WaitForLineAsync(l => l.Contains("Request finished") && l.Contains("/oauth2/v2.0/token") && l.Contains(" 200 "));
        Assert.DoesNotContain("FakeEntra.SignIns", server.Output);
    }

    private static Task<HttpResponseMessage> Token(HttpClient http, string tenant, string credentials) =>
        http.PostAsync($"/{tenant}/oauth2/v2.0/token", new StringContent(
            $"grant_type=password&client_id={World.Client}&{credentials}&scope=openid%20{Uri.EscapeDataString(World.SharedChannelsScope)}",
            Encoding.UTF8, "application/x-www-form-urlencoded"));
}

using System.Net;
using System.Text;
using FakeEntra.Server.Hosting;
using FakeEntra.Server.SignInPages;
using FakeEntra.Server.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace FakeEntra.Server.Tests;

/// <summary>
/// What a request may cost before anyone is authenticated is bounded: sizes are checked before parameters are read, and every
/// identity endpoint answers an oversized request with a 400 in Entra's shape (JSON for clients, the error page for browsers).
/// </summary>
public class InputLimitTests(WoodgroveServer woodgrove) : IClassFixture<WoodgroveServer>
{
    private FakeEntraServer Server => woodgrove.Server;

    private static string Path(string endpoint) => $"/{Woodgrove.Domain}/oauth2/v2.0/{endpoint}";

    private static StringContent Form(string body) => new(body, Encoding.UTF8, "application/x-www-form-urlencoded");

    private async Task<HttpResponseMessage> Post(string path, HttpContent content)
    {
        using var http = Server.CreateClient();
        return await http.PostAsync(path, content);
    }

    private async Task<HttpResponseMessage> Get(string path)
    {
        using var http = Server.CreateClient();
        return await http.GetAsync(path);
    }

    private static async Task AssertErrorPage(HttpResponseMessage response, int code)
    {
        var html = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{(int)response.StatusCode}: {html}");
        Assert.StartsWith("text/html", response.Content.Headers.ContentType?.ToString());
        Assert.Contains($"data-error-code=\"{code}\"", html);
    }

    [Fact]
    public async Task A_token_request_larger_than_the_body_limit_is_AADSTS90023()
    {
        var body = $"grant_type=client_credentials&client_id={Woodgrove.Middle}&client_secret={Woodgrove.MiddleSecret}&scope=" + new string('a', 4 * 1024 * 1024);
        await ErrorTests.AssertEntraError(await Post(Path("token"), Form(body)), 400, 90023, "invalid_request", null);
    }

    [Fact]
    public async Task A_body_sent_without_a_length_is_cut_off_at_the_limit()
    {
        var content = new StreamContent(new MemoryStream(Encoding.ASCII.GetBytes("grant_type=password&scope=" + new string('a', 1024 * 1024))));
        content.Headers.ContentType = new("application/x-www-form-urlencoded");
        using var http = Server.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, Path("token")) { Content = content };
        request.Headers.TransferEncodingChunked = true;
        await ErrorTests.AssertEntraError(await http.SendAsync(request), 400, 90023, "invalid_request", null);
    }

    [Fact]
    public async Task A_value_longer_than_the_value_limit_is_AADSTS90100_naming_the_parameter()
    {
        var body = $"grant_type=client_credentials&client_id={Woodgrove.Middle}&scope=api://backend/.default&client_assertion_type=urn%3Aietf%3Aparams%3Aoauth%3Aclient-assertion-type%3Ajwt-bearer&client_assertion="
                   + new string('a', Parameters.MaxValueLength + 1);
        var response = await Post(Path("token"), Form(body));
        await ErrorTests.AssertEntraError(response, 400, 90100, "invalid_request", null);
        Assert.Contains("AADSTS90100: client_assertion parameter", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_query_string_longer_than_the_limit_is_AADSTS90015()
    {
        var query = "?x=" + new string('a', Parameters.MaxQueryLength);
        await ErrorTests.AssertEntraError(await Post(Path("token") + query, Form("grant_type=password")), 400, 90015, "invalid_request", null);
    }

    [Fact]
    public async Task An_authorization_request_over_the_limit_is_refused_on_the_error_page_as_query_or_as_form()
    {
        var parameters = $"client_id={Woodgrove.Web}&response_type=code&redirect_uri={Uri.EscapeDataString(Woodgrove.WebRedirect)}&scope=openid&state=" + new string('s', Parameters.MaxQueryLength);
        await AssertErrorPage(await Get(Path("authorize") + "?" + parameters), 90015);
        await AssertErrorPage(await Post(Path("authorize"), Form(parameters)), 90023);
    }

    [Fact]
    public async Task A_logout_request_over_the_limit_is_refused_on_the_error_page()
    {
        await AssertErrorPage(await Get(Path("logout") + "?id_token_hint=" + new string('a', Parameters.MaxQueryLength)), 90015);
        await AssertErrorPage(await Post(Path("logout"), Form("id_token_hint=" + new string('a', Parameters.MaxQueryLength))), 90023);
    }

    [Fact]
    public async Task The_sign_in_pages_refuse_form_posts_over_the_limit()
    {
        var body = "step=password&ctx=" + new string('a', Parameters.MaxFormBytes);
        await AssertErrorPage(await Post($"/{Woodgrove.Domain}/login", Form(body)), 90023);
        await AssertErrorPage(await Post("/devicelogin", Form("otc=" + new string('a', Parameters.MaxFormBytes))), 90023);
    }

    [Fact]
    public async Task Sixty_thousand_scopes_at_the_device_code_endpoint_are_refused_before_they_are_parsed()
    {
        var scope = string.Join(' ', Enumerable.Range(0, 60_000).Select(i => $"api://middle/S{i}"));
        var body = $"client_id={Woodgrove.Desktop}&scope={Uri.EscapeDataString(scope)}";
        await ErrorTests.AssertEntraError(await Post(Path("devicecode"), Form(body)), 400, 90023, "invalid_request", null);
    }

    [Fact]
    public async Task A_scope_over_its_limit_is_AADSTS70011_at_the_device_code_endpoint()
    {
        var scope = string.Join(' ', Enumerable.Range(0, 1000).Select(i => $"api://middle/S{i}"));
        Assert.InRange(scope.Length, Core.Tokens.ScopeRequest.MaxLength + 1, Parameters.MaxValueLength);
        await ErrorTests.AssertEntraError(await Post(Path("devicecode"), Form($"client_id={Woodgrove.Desktop}&scope={Uri.EscapeDataString(scope)}")), 400, 70011, "invalid_scope", null);
    }

    [Fact]
    public async Task Pending_device_codes_are_bounded_the_oldest_making_room()
    {
        var devices = Server.Services.GetRequiredService<DeviceAuthorizations>();
        var client = Guid.Parse(Woodgrove.Desktop);
        var first = await devices.CreateAsync(client, Woodgrove.Domain, "openid");
        var last = first;
        try
        {
            for (var i = 0; i < DeviceAuthorizations.Capacity; i++)
            {
                Server.Clock.Offset += TimeSpan.FromMilliseconds(1);
                last = await devices.CreateAsync(client, Woodgrove.Domain, "openid");
            }
        }
        finally
        {
            Server.Clock.Offset = TimeSpan.Zero;
        }
        Assert.Null(devices.FindPending(first.UserCode));
        Assert.Null(await devices.PollAsync(first.DeviceCode));
        Assert.NotNull(devices.FindPending(last.UserCode));
    }
}

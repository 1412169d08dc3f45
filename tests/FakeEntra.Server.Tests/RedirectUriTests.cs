using System.Net;
using System.Web;
using FakeEntra.Server.Tests.Infrastructure;

namespace FakeEntra.Server.Tests;

/// <summary>A server on the redirects scenario: an app whose redirect URIs are non-ASCII, loopback and with a query.</summary>
public sealed class RedirectsServer : IAsyncLifetime
{
    public FakeEntraServer Server { get; } = new() { Scenario = Path.Combine(AppContext.BaseDirectory, "scenarios", "redirects.json") };
    public Task InitializeAsync() => Server.InitializeAsync();
    public Task DisposeAsync() => Server.DisposeAsync();
}

/// <summary>
/// Redirect URIs as hostile or careless clients send them: a registered non-ASCII URI is redirected to percent-encoded, one that
/// is not registered (however close) or has a fragment gets AADSTS50011 on the error page, and nothing ends in a 500.
/// </summary>
public class RedirectUriTests(RedirectsServer redirects) : IClassFixture<RedirectsServer>
{
    private const string Tenant = "redirects.example";
    private const string App = "d0000000-0000-4000-8000-0000000000c1";
    private const string NonAscii = "https://app.example/é";

    private FakeEntraServer Server => redirects.Server;

    private HttpClient Client() => new(new LoopbackOnlyHandler(new SocketsHttpHandler
    {
        AllowAutoRedirect = false,
        SslOptions = { RemoteCertificateValidationCallback = FakeEntra.Server.Certificates.CertificateTrust.Trusting(Server.Authority) },
    }))
    { BaseAddress = new Uri(Server.Origin) };

    /// <summary>An authorization request without <c>response_type</c>: refused at the redirect URI once that is known to be good.</summary>
    private async Task<HttpResponseMessage> AuthorizeWithout(string redirectUri)
    {
        using var http = Client();
        return await http.GetAsync($"/{Tenant}/oauth2/v2.0/authorize?client_id={App}&scope=openid&state=s&redirect_uri={Uri.EscapeDataString(redirectUri)}");
    }

    private static string Location(HttpResponseMessage response) =>
        response.Headers.NonValidated.TryGetValues("Location", out var values) ? values.ToString() : throw new InvalidOperationException($"No Location: {(int)response.StatusCode}");

    private static async Task AssertErrorPage(HttpResponseMessage response, int code)
    {
        var html = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{(int)response.StatusCode}: {html}");
        Assert.Contains($"data-error-code=\"{code}\"", html);
        Assert.False(response.Headers.Contains("Location"));
    }

    [Fact]
    public async Task A_registered_non_ascii_redirect_uri_is_percent_encoded_in_the_location()
    {
        var response = await AuthorizeWithout(NonAscii);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("https://app.example/%C3%A9?error=invalid_request&", Location(response));
    }

    [Fact]
    public async Task A_sign_in_returns_its_code_to_a_non_ascii_redirect_uri()
    {
        using var browser = new Browser(Server) { StopAt = "https://app.example/" };
        var page = await browser.Get($"{Server.Origin}/{Tenant}/oauth2/v2.0/authorize?client_id={App}&response_type=code&scope=openid&state=s&redirect_uri={Uri.EscapeDataString(NonAscii)}");
        page = await browser.SignIn(page, "rita@redirects.example", "Redirects~1");
        Assert.Equal("/%C3%A9", page.Url.AbsolutePath);
        Assert.NotNull(HttpUtility.ParseQueryString(page.Url.Query)["code"]);
    }

    [Theory]
    [InlineData("http://localhost:5000/cb\u2028")]
    [InlineData("http://localhost:5000/cb\t")]
    [InlineData("http://localhost:5000/cb/")]
    [InlineData("http://localhost:5000/CB")]
    [InlineData("http://localhost:5000/cb/../cb")]
    [InlineData("http://user@localhost:5000/cb")]
    [InlineData("https://app.example/e\u0301")]
    public async Task A_redirect_uri_only_close_to_a_registered_one_is_AADSTS50011(string redirectUri) =>
        await AssertErrorPage(await AuthorizeWithout(redirectUri), 50011);

    [Theory]
    [InlineData("http://localhost:5000/cb#leak")]
    [InlineData("http://localhost/cb#")]
    [InlineData("https://app.example/callback?tenant=1#leak")]
    public async Task A_redirect_uri_with_a_fragment_is_AADSTS50011_and_not_echoed(string redirectUri)
    {
        var response = await AuthorizeWithout(redirectUri);
        await AssertErrorPage(response, 50011);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("fragment", html);
        Assert.DoesNotContain("leak", html);
    }

    [Theory]
    [InlineData("http://localhost:5000/cb", "http://localhost:5000/cb?error=")]
    [InlineData("http://LOCALHOST:41234/cb", "http://LOCALHOST:41234/cb?error=")]
    [InlineData("http://localhost/cb", "http://localhost/cb?error=")]
    [InlineData("https://app.example/callback?tenant=1", "https://app.example/callback?tenant=1&error=")]
    public async Task Registered_uris_and_loopback_ones_on_any_port_are_still_returned_to(string redirectUri, string location)
    {
        var response = await AuthorizeWithout(redirectUri);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith(location, Location(response));
    }

    [Fact]
    public async Task Logout_returns_to_a_registered_non_ascii_uri_percent_encoded()
    {
        using var http = Client();
        var response = await http.GetAsync($"/{Tenant}/oauth2/v2.0/logout?client_id={App}&state=%C3%BC&post_logout_redirect_uri={Uri.EscapeDataString(NonAscii)}");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("https://app.example/%C3%A9?state=%C3%BC", Location(response));
    }

    [Theory]
    [InlineData("http://localhost:5000/cb\u2028")]
    [InlineData("http://localhost:5000/cb#x")]
    [InlineData("https://app.example/é#x")]
    public async Task Logout_stays_on_the_signed_out_page_for_a_uri_only_close_to_a_registered_one(string uri)
    {
        using var http = Client();
        var response = await http.GetAsync($"/{Tenant}/oauth2/v2.0/logout?client_id={App}&post_logout_redirect_uri={Uri.EscapeDataString(uri)}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(response.Headers.Contains("Location"));
        Assert.Contains("You signed out of your account", await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("not-a-jwt")]
    [InlineData("a.b.c")]
    [InlineData("x.y")]
    [InlineData("..")]
    [InlineData("e30.e30.e30.e30.e30")]
    [InlineData("eyJhbGciOiJub25lIn0.bm90IGpzb24.")]
    [InlineData("eyJhbGciOiJub25lIn0.eyJhdWQiOjF9.")]
    [InlineData("eyJhbGciOiJub25lIn0.W10.")]
    public async Task An_unreadable_id_token_hint_is_AADSTS90100_on_the_error_page(string hint)
    {
        using var http = Client();
        await AssertErrorPage(await http.GetAsync($"/{Tenant}/oauth2/v2.0/logout?id_token_hint={Uri.EscapeDataString(hint)}&post_logout_redirect_uri={Uri.EscapeDataString(NonAscii)}"), 90100);
        await AssertErrorPage(await http.GetAsync($"/{Tenant}/oauth2/v2.0/logout?client_id={App}&id_token_hint={Uri.EscapeDataString(hint)}"), 90100);
    }

    [Fact]
    public async Task A_readable_id_token_hint_names_the_app_to_return_to()
    {
        // Unsigned: the hint only names the app, and the URI must still be registered for it.
        var hint = $"eyJhbGciOiJub25lIn0.{Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes($"{{\"aud\":\"{App}\"}}")).TrimEnd('=').Replace('+', '-').Replace('/', '_')}.";
        using var http = Client();
        var response = await http.GetAsync($"/{Tenant}/oauth2/v2.0/logout?id_token_hint={hint}&post_logout_redirect_uri={Uri.EscapeDataString(NonAscii)}");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("https://app.example/%C3%A9", Location(response));
    }
}

using System.Net;
using System.Text.RegularExpressions;
using FakeEntra.Server.Certificates;

namespace FakeEntra.Server.Tests.Infrastructure;

/// <summary>A page as a browser without JavaScript sees it: where it came from and its first form.</summary>
public sealed partial record Page(HttpStatusCode Status, Uri Url, string Html)
{
    /// <summary>The response's headers, each with its values one a line (Set-Cookie among them).</summary>
    public IReadOnlyDictionary<string, string> Headers { get; init; } = new Dictionary<string, string>();

    public string? FormAction => FormTag().Match(Html) is { Success: true } m ? WebUtility.HtmlDecode(m.Groups["action"].Value) : null;

    public Dictionary<string, string> Fields =>
        Input().Matches(Html).Where(m => m.Groups["type"].Value is "hidden" or "text" or "email")
            .ToDictionary(m => WebUtility.HtmlDecode(m.Groups["name"].Value), m => WebUtility.HtmlDecode(m.Groups["value"].Value));

    public string? Step => Fields.GetValueOrDefault("step");

    [GeneratedRegex("<form[^>]*action=\"(?<action>[^\"]*)\"", RegexOptions.IgnoreCase)]
    private static partial Regex FormTag();

    [GeneratedRegex("<input type=\"(?<type>[a-z]+)\"(?: id=\"[^\"]*\")? name=\"(?<name>[^\"]*)\" value=\"(?<value>[^\"]*)\"", RegexOptions.IgnoreCase)]
    private static partial Regex Input();
}

/// <summary>
/// Drives the sign-in pages over HTTP as a browser would: keeps cookies, follows redirects (recording where they went),
/// and posts forms with the fields a person fills in. Loopback only; FakeEntra's CA trusted explicitly.
/// </summary>
public sealed class Browser : IDisposable
{
    private readonly HttpClient _http;
    private readonly CookieContainer _cookies = new();

    /// <summary>A browser on this machine; <paramref name="from"/> makes it connect from another loopback address (another source).</summary>
    public Browser(FakeEntraServer server, IPAddress? from = null) : this(server.Authority, from)
    {
    }

    /// <summary>A browser trusting <paramref name="authority"/> (a FakeEntra run as a process).</summary>
    public Browser(System.Security.Cryptography.X509Certificates.X509Certificate2 authority, IPAddress? from = null)
    {
        var handler = new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            CookieContainer = _cookies,
            SslOptions = { RemoteCertificateValidationCallback = CertificateTrust.Trusting(authority) },
        };
        if (from is not null) handler.ConnectCallback = TrustedHttp.From(from);
        _http = new HttpClient(new LoopbackOnlyHandler(handler));
    }

    /// <summary>Every Location a redirect went to, in order.</summary>
    public List<Uri> Redirects { get; } = [];

    /// <summary>Where to stop following: a redirect to a URL that starts with this (an app's redirect URI) is not fetched.</summary>
    public string? StopAt { get; set; }

    /// <summary>The Cookie header this browser would send to <paramref name="url"/> (its FakeEntra session, for replaying it elsewhere).</summary>
    public string CookieHeader(string url) => _cookies.GetCookieHeader(new Uri(url));

    public Task<Page> Get(string url) => Send(new HttpRequestMessage(HttpMethod.Get, url));

    /// <summary>Posts the page's form with its hidden fields plus <paramref name="fields"/>.</summary>
    public Task<Page> Submit(Page page, params (string Name, string Value)[] fields)
    {
        var values = page.Fields;
        foreach (var (name, value) in fields) values[name] = value;
        var action = new Uri(page.Url, page.FormAction ?? throw new InvalidOperationException($"No form on {page.Url}:\n{page.Html}"));
        return Send(new HttpRequestMessage(HttpMethod.Post, action) { Content = new FormUrlEncodedContent(values) });
    }

    /// <summary>Username and password pages, whichever of them come.</summary>
    public async Task<Page> SignIn(Page page, string username, string password)
    {
        if (page.Step == "username") page = await Submit(page, ("login", username));
        if (page.Step == "password") page = await Submit(page, ("passwd", password));
        return page;
    }

    private async Task<Page> Send(HttpRequestMessage request)
    {
        while (true)
        {
            using var response = await _http.SendAsync(request);
            var html = await response.Content.ReadAsStringAsync();
            if ((int)response.StatusCode is >= 300 and < 400 && response.Headers.Location is { } location)
            {
                var next = location.IsAbsoluteUri ? location : new Uri(request.RequestUri!, location);
                Redirects.Add(next);
                if (StopAt is not null && next.ToString().StartsWith(StopAt, StringComparison.Ordinal)) return new Page(response.StatusCode, next, html) { Headers = HeadersOf(response) };
                request = new HttpRequestMessage(HttpMethod.Get, next);
                continue;
            }
            return new Page(response.StatusCode, request.RequestUri!, html) { Headers = HeadersOf(response) };
        }
    }

    private static Dictionary<string, string> HeadersOf(HttpResponseMessage response) =>
        response.Headers.Concat(response.Content.Headers).ToDictionary(h => h.Key, h => string.Join('\n', h.Value), StringComparer.OrdinalIgnoreCase);

    public void Dispose() => _http.Dispose();
}

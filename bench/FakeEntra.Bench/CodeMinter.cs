using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using FakeEntra.Server.Certificates;
using System.Security.Cryptography.X509Certificates;

namespace FakeEntra.Bench;

/// <summary>
/// Authorization codes for the redemption case: alice signs in once through the pages (as a browser without JavaScript would),
/// then each further code comes from her session with <c>prompt=none</c>, the way an app's silent sign-in gets one.
/// </summary>
public sealed partial class CodeMinter : IDisposable
{
    private const string RedirectUri = "http://localhost";
    private const string Verifier = "fakeentra-bench-pkce-verifier-0123456789-abcdefghijklmnop";
    private readonly HttpClient _http;
    private readonly string _origin;

    public CodeMinter(string origin, X509Certificate2 authority)
    {
        _origin = origin;
        _http = new HttpClient(new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            CookieContainer = new CookieContainer(),
            SslOptions = { RemoteCertificateValidationCallback = CertificateTrust.Trusting(authority) },
        });
    }

    /// <summary>The redemption form, up to the code's value.</summary>
    public static string RedemptionForm(string code) =>
        $"grant_type=authorization_code&client_id={Cases.Client}&redirect_uri={Cases.Escape(RedirectUri)}&code_verifier={Verifier}" +
        $"&scope={Cases.Escape(Cases.ChannelsScope)}&code={code}";

    /// <summary>Signs alice in through the pages, then mints <paramref name="count"/> codes with a few requests in flight.</summary>
    public async Task<IReadOnlyList<string>> Mint(int count)
    {
        var first = await SignIn();
        var codes = new List<string>(count) { first };
        var remaining = count - 1;
        await Task.WhenAll(Enumerable.Range(0, 4).Select(async _ =>
        {
            while (Interlocked.Decrement(ref remaining) >= 0)
            {
                var code = await Silent();
                lock (codes) codes.Add(code);
            }
        }));
        return codes;
    }

    private async Task<string> SignIn()
    {
        using var response = await _http.GetAsync(Authorize(prompt: null));
        var (location, html) = (response.Headers.Location, await response.Content.ReadAsStringAsync());
        var fields = new Dictionary<string, string> { ["login"] = "alice@contoso.com", ["passwd"] = Cases.Password };
        for (var step = 0; location is null && step < 5; step++)
        {
            var values = Inputs().Matches(html).ToDictionary(m => WebUtility.HtmlDecode(m.Groups["name"].Value), m => WebUtility.HtmlDecode(m.Groups["value"].Value));
            foreach (var (name, value) in fields) values[name] = value;
            var action = new Uri(new Uri(_origin), WebUtility.HtmlDecode(FormAction().Match(html).Groups[1].Value));
            using var posted = await _http.PostAsync(action, new FormUrlEncodedContent(values));
            (location, html) = (posted.Headers.Location, await posted.Content.ReadAsStringAsync());
        }
        return CodeFrom(location);
    }

    private async Task<string> Silent()
    {
        using var response = await _http.GetAsync(Authorize(prompt: "none"));
        return CodeFrom(response.Headers.Location);
    }

    private string Authorize(string? prompt)
    {
        var challenge = Base64Url(SHA256.HashData(Encoding.ASCII.GetBytes(Verifier)));
        return $"{_origin}/contoso.com/oauth2/v2.0/authorize?client_id={Cases.Client}&response_type=code&redirect_uri={Cases.Escape(RedirectUri)}" +
               $"&scope={Cases.Escape(Cases.ChannelsScope)}&code_challenge={challenge}&code_challenge_method=S256&state=bench&login_hint=alice@contoso.com" +
               (prompt is null ? "" : $"&prompt={prompt}");
    }

    private static string CodeFrom(Uri? location)
    {
        var query = location is not null && location.ToString().StartsWith(RedirectUri, StringComparison.Ordinal) ? location.Query : "";
        var code = Regex.Match(query, "[?&]code=([^&]+)");
        return code.Success ? code.Groups[1].Value : throw new InvalidOperationException($"No code in the redirect to {location}");
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    [GeneratedRegex("<form[^>]*action=\"([^\"]*)\"", RegexOptions.IgnoreCase)]
    private static partial Regex FormAction();

    [GeneratedRegex("<input type=\"(?:hidden|text|email)\"(?: id=\"[^\"]*\")? name=\"(?<name>[^\"]*)\" value=\"(?<value>[^\"]*)\"", RegexOptions.IgnoreCase)]
    private static partial Regex Inputs();

    public void Dispose() => _http.Dispose();
}

using System.Text;
using FakeEntra.Core.DirectoryObjects;

namespace FakeEntra.Server.SignInPages;

/// <summary>
/// Entra's redirect URI rule: an exact match with a registered URI, except that the port of an http loopback URI is ignored.
/// A URI with a fragment is never a redirect URI (RFC 6749 §3.1.2), whatever is registered. FakeEntra's own apps register
/// paths, which are on FakeEntra's origin (scenario files may only register absolute URIs).
/// </summary>
public static class RedirectUris
{
    private static readonly string[] LoopbackHosts = ["localhost", "127.0.0.1", "[::1]"];

    public static IEnumerable<string> Registered(Application app, string origin) =>
        app.Web.RedirectUris.Concat(app.Spa.RedirectUris).Concat(app.PublicClient.RedirectUris).Select(u => u.StartsWith('/') ? origin + u : u);

    public static bool HasFragment(string uri) => uri.Contains('#');

    public static bool IsRegistered(Application app, string redirectUri, string origin) =>
        !HasFragment(redirectUri) && Uri.TryCreate(redirectUri, UriKind.Absolute, out _)
        && Registered(app, origin).Any(registered => string.Equals(registered, redirectUri, StringComparison.Ordinal)
                                             || (WithoutLoopbackPort(registered) is { } loopback && loopback == WithoutLoopbackPort(redirectUri)));

    /// <summary>Whether a URI is registered on the app's single-page-application platform (PKCE mandatory there).</summary>
    public static bool IsSpa(Application app, string redirectUri) => app.Spa.RedirectUris.Contains(redirectUri, StringComparer.Ordinal);

    /// <summary>
    /// The URI as an HTTP Location header can carry it: characters outside printable ASCII percent-encoded as UTF-8, as a browser
    /// sends them. A registered URI may hold any character; a header may not.
    /// </summary>
    public static string ForLocation(string uri)
    {
        if (!uri.Any(c => c is <= ' ' or >= '\x7f')) return uri;
        var escaped = new StringBuilder(uri.Length * 2);
        Span<byte> utf8 = stackalloc byte[4];
        foreach (var rune in uri.EnumerateRunes())
        {
            if (rune.Value is > ' ' and < 0x7f)
            {
                escaped.Append((char)rune.Value);
                continue;
            }
            foreach (var b in utf8[..rune.EncodeToUtf8(utf8)]) escaped.Append('%').Append(b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
        }
        return escaped.ToString();
    }

    /// <summary>
    /// An http loopback URI without its port (<c>http://localhost:5000/cb</c> → <c>http://localhost/cb</c>), or null for any other.
    /// Only scheme and host are normalized; the rest must match character for character, as for every other redirect URI.
    /// </summary>
    private static string? WithoutLoopbackPort(string uri)
    {
        const string Scheme = "http://";
        if (!uri.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase)) return null;
        var end = uri.IndexOfAny(['/', '?', '#'], Scheme.Length);
        if (end < 0) end = uri.Length;
        var authority = uri[Scheme.Length..end];
        var colon = authority.LastIndexOf(':');
        var host = colon >= 0 && authority[(colon + 1)..].All(char.IsAsciiDigit) ? authority[..colon] : authority;
        if (!LoopbackHosts.Contains(host, StringComparer.OrdinalIgnoreCase)) return null;
        var rest = uri[end..];
        return $"{Scheme}{host.ToLowerInvariant()}{(rest.StartsWith('/') ? "" : "/")}{rest}";
    }
}

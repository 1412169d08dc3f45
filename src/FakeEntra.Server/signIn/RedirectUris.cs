using FakeEntra.Core.DirectoryObjects;

namespace FakeEntra.Server.SignInPages;

/// <summary>Entra's redirect URI rule: an exact match with a registered URI, except that loopback http URIs match on any port.</summary>
public static class RedirectUris
{
    public static IEnumerable<string> Registered(Application app) =>
        app.Web.RedirectUris.Concat(app.Spa.RedirectUris).Concat(app.PublicClient.RedirectUris);

    public static bool IsRegistered(Application app, string redirectUri)
    {
        if (!Uri.TryCreate(redirectUri, UriKind.Absolute, out var requested)) return false;
        foreach (var registered in Registered(app))
        {
            if (string.Equals(registered, redirectUri, StringComparison.Ordinal)) return true;
            if (Uri.TryCreate(registered, UriKind.Absolute, out var candidate) && IsLoopback(candidate) && IsLoopback(requested)
                && candidate.Scheme == requested.Scheme && string.Equals(candidate.Host, requested.Host, StringComparison.OrdinalIgnoreCase)
                && candidate.AbsolutePath == requested.AbsolutePath && candidate.Query == requested.Query)
                return true;
        }
        return false;
    }

    /// <summary>Whether a URI is registered on the app's single-page-application platform (PKCE mandatory there).</summary>
    public static bool IsSpa(Application app, string redirectUri) => app.Spa.RedirectUris.Contains(redirectUri, StringComparer.Ordinal);

    private static bool IsLoopback(Uri uri) => uri.Scheme == Uri.UriSchemeHttp && (uri.Host is "localhost" or "127.0.0.1" or "[::1]");
}

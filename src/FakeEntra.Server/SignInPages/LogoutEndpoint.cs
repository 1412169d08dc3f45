using System.Text.Json;
using FakeEntra.Server.Hosting;
using FakeEntra.Core.DirectoryObjects;
using FakeEntra.Core.Tenancy;
using FakeEntra.Core.Tokens;
using FakeEntra.Server.World;
using FakeEntra.Core.Errors;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace FakeEntra.Server.SignInPages;

/// <summary>
/// <c>/{tenant}/oauth2/v2.0/logout</c>: ends the session (or, with <c>logout_hint</c>, one account of it), calls the registered
/// front-channel logout URL of every app the session signed into (hidden iframes, <c>?sid=</c>), and returns to the app only
/// to a <c>post_logout_redirect_uri</c> registered for it; otherwise it stays on the signed-out page, as Entra does.
/// </summary>
public static class LogoutEndpoint
{
    public static IEndpointRouteBuilder MapLogout(this IEndpointRouteBuilder app)
    {
        app.MapMethods("/{tenant}/oauth2/v2.0/logout", ["GET", "POST"], (string tenant, HttpContext http, SessionCookie cookie, DirectoryState directory, PublicOrigin origin) =>
            SignInEndpoints.Guard(http, async () => Logout(http, tenant, await Parameters.ReadAsync(http.Request), cookie, directory.Current, origin.Value)));
        return app;
    }

    private static IResult Logout(HttpContext http, string tenant, Dictionary<string, string> parameters, SessionCookie cookie, DirectorySnapshot directory, string origin)
    {
        TenantPathResolver.Resolve(tenant, directory);
        var get = (string name) => parameters.TryGetValue(name, out var value) && value.Length > 0 ? value : null;
        var hintedClient = AudienceOf(get("id_token_hint"));
        var client = AppOf(get("client_id") ?? hintedClient, directory);
        var session = cookie.Read(http);
        var frontChannel = new List<string>();
        if (session is not null)
        {
            var leaving = get("logout_hint") is { } hint ? session.Accounts.Where(a => Names(a, hint)).ToList() : session.Accounts.ToList();
            var remaining = session.Accounts.Except(leaving).ToList();
            foreach (var clientId in session.Clients)
                if (directory.FindApplication(clientId)?.Web.LogoutUrl is { } logoutUrl)
                    frontChannel.Add($"{logoutUrl}{(logoutUrl.Contains('?') ? '&' : '?')}sid={session.SessionId:D}");
            if (remaining.Count == 0) cookie.Clear(http);
            else cookie.Write(http, session with { Accounts = remaining });
        }

        var target = get("post_logout_redirect_uri") is { } uri && client is not null && RedirectUris.IsRegistered(client, uri, origin)
            ? RedirectUris.ForLocation(uri) + (get("state") is { } state ? $"{(uri.Contains('?') ? '&' : '?')}state={Uri.EscapeDataString(state)}" : "")
            : null;
        if (target is not null && frontChannel.Count == 0) return Results.Redirect(target);

        // The page frames each app's logout URL, so its policy allows exactly those origins.
        SecurityHeaders.AllowFrames(http, frontChannel.Select(u => Uri.TryCreate(u, UriKind.Absolute, out var url) ? url.GetLeftPart(UriPartial.Authority) : null).OfType<string>());
        var frames = string.Concat(frontChannel.Select(u => $"<iframe src=\"{Html.E(u)}\" title=\"Signing out of an application\" hidden></iframe>"));
        var body = target is null
            ? "<h1>You signed out of your account</h1><p role=\"status\">It's a good idea to close all browser windows.</p>"
            : $"<h1>Signing out…</h1><p role=\"status\">Returning to the application.</p><p><a href=\"{Html.E(target)}\">Continue</a></p>";
        var refresh = target is null ? "" : $"<meta http-equiv=\"refresh\" content=\"1;url={Html.E(target)}\">";
        return Results.Content(Html.Page("Sign out", null, refresh + body + frames), "text/html; charset=utf-8");
    }

    private static bool Names(SessionAccount account, string hint) =>
        LoginHint.Decode(hint) is { } decoded
            ? decoded.HomeTenantId == account.HomeTenantId && decoded.HomeObjectId == account.UserId
            : string.Equals(hint, account.Username, StringComparison.OrdinalIgnoreCase);

    private static Application? AppOf(string? clientId, DirectorySnapshot directory) =>
        Guid.TryParse(clientId, out var appId) ? directory.FindApplication(appId) : null;

    /// <summary>The app an <c>id_token_hint</c> was issued to; a hint that is not a readable JWT is refused before the session ends.</summary>
    private static string? AudienceOf(string? idToken)
    {
        if (idToken is null) return null;
        try
        {
            var token = new JsonWebToken(idToken);
            if (!token.IsEncrypted) return token.Audiences.FirstOrDefault();
        }
        catch (Exception e) when (e is ArgumentException or SecurityTokenException or JsonException or FormatException)
        {
        }
        throw new AadException(AadErrors.ParameterNotValid("id_token_hint", "It is not a JWT that FakeEntra can read."));
    }
}

using System.Security.Cryptography;
using System.Text;
using FakeEntra.Core.DirectoryObjects;
using FakeEntra.Core.Errors;
using FakeEntra.Core.Tenancy;
using FakeEntra.Server.Hosting;
using FakeEntra.Server.Token;
using FakeEntra.Server.Token.Grants;
using FakeEntra.Server.World;
using Microsoft.Extensions.Primitives;
using B64 = System.Buffers.Text.Base64Url;

namespace FakeEntra.Server.AdminConsole;

/// <summary>
/// The console is an OpenID Connect client of FakeEntra itself (the first-party app <see cref="FirstPartyApplications.AdminConsole"/>):
/// it sends the browser to <c>/organizations/oauth2/v2.0/authorize</c> with code and PKCE, so the administrator signs in on
/// FakeEntra's own pages (single sign-on, MFA, Conditional Access and the sign-in log included), then redeems the code through
/// the same authorization code grant every app uses and keeps the Graph access token as its session.
/// </summary>
public sealed class ConsoleSignIn(ConsoleCookies cookies, DirectoryState directory, PublicOrigin origin, TimeProvider clock, IEnumerable<IGrantHandler> grants)
{
    // Home-realm discovery picks the administrator's tenant; the token is issued by it, so the console shows that tenant.
    private const string Authority = "organizations";
    private readonly IGrantHandler _codes = grants.Single(g => g.GrantTypes.Contains("authorization_code"));

    private string RedirectUri => origin.Value + FirstPartyApplications.AdminConsoleRedirectPath;

    /// <summary>Sends the browser to sign in, to come back to <paramref name="returnPath"/> (a console page).</summary>
    public IResult Challenge(HttpContext http, string returnPath)
    {
        var verifier = B64.EncodeToString(RandomNumberGenerator.GetBytes(32));
        var pending = new PendingSignIn(B64.EncodeToString(RandomNumberGenerator.GetBytes(16)), verifier, returnPath);
        cookies.WritePendingSignIn(http, pending);
        var query = QueryString.Create(new Dictionary<string, string?>
        {
            ["client_id"] = FirstPartyApplications.AdminConsoleAppId.ToString("D"),
            ["response_type"] = "code",
            ["response_mode"] = "query",
            ["redirect_uri"] = RedirectUri,
            ["scope"] = Scope,
            ["state"] = pending.State,
            ["code_challenge"] = B64.EncodeToString(SHA256.HashData(Encoding.ASCII.GetBytes(verifier))),
            ["code_challenge_method"] = "S256",
        });
        return Results.Redirect($"/{Authority}/oauth2/v2.0/authorize{query}");
    }

    /// <summary>The redirect back from the sign-in pages: checks it answers this browser's sign-in, then redeems the code.</summary>
    public async Task<IResult> CallbackAsync(HttpContext http)
    {
        var pending = cookies.PendingSignIn(http);
        cookies.ClearPendingSignIn(http);
        var query = http.Request.Query;
        if (pending is null || !string.Equals(query["state"], pending.State, StringComparison.Ordinal))
            return ConsoleLayout.SignedOutPage("Sign-in not recognized",
                "This sign-in was not started by this browser's admin console, or it took longer than ten minutes. Open the admin console again.", StatusCodes.Status400BadRequest);
        if (query["error"].FirstOrDefault() is { Length: > 0 } error)
            return ConsoleLayout.SignedOutPage("You are not signed in", $"{error}: {query["error_description"]}", StatusCodes.Status400BadRequest);

        var snapshot = directory.Current;
        var request = TokenRequest.FromServer(http, TenantPathResolver.Resolve(Authority, snapshot), snapshot, origin.Value, clock, new Dictionary<string, StringValues>
        {
            ["grant_type"] = "authorization_code",
            ["client_id"] = FirstPartyApplications.AdminConsoleAppId.ToString("D"),
            ["code"] = query["code"],
            ["redirect_uri"] = RedirectUri,
            ["code_verifier"] = pending.Verifier,
            ["scope"] = Scope,
        });
        try
        {
            var tokens = await _codes.HandleAsync(request);
            cookies.WriteSession(http, tokens.AccessToken);
        }
        catch (AadException e)
        {
            return ConsoleLayout.SignedOutPage("You are not signed in", e.Error);
        }
        return Results.Redirect(pending.ReturnPath);
    }

    /// <summary>Ends the console's session and the browser's FakeEntra session, as signing out of the portal does.</summary>
    public IResult SignOut(HttpContext http)
    {
        cookies.ClearSession(http);
        return Results.Redirect($"/{Authority}/oauth2/v2.0/logout?client_id={FirstPartyApplications.AdminConsoleAppId:D}");
    }

    private static string Scope => "openid profile " + string.Join(' ', FirstPartyApplications.AdminConsoleScopes);
}

using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.DataProtection;

namespace FakeEntra.Server.AdminConsole;

/// <summary>A console sign-in under way: the <c>state</c> it sent, its PKCE verifier, and the console page to return to.</summary>
public sealed record PendingSignIn(string State, string Verifier, string ReturnPath);

/// <summary>
/// The console's two cookies, encrypted with Data Protection, Secure, HttpOnly and only for <c>/admin</c>: the session (the
/// signed-in administrator's Graph access token, judged on every request as a bearer header is) is SameSite=Strict, so no
/// other site's link or form carries it; a sign-in under way is Lax, as it comes back with a redirect from the sign-in pages.
/// </summary>
public sealed class ConsoleCookies(IDataProtectionProvider protection)
{
    public const string SessionName = "fakeentra.admin";
    public const string SignInName = "fakeentra.admin.signin";
    private const string Path = "/admin";
    private static readonly TimeSpan SignInLifetime = TimeSpan.FromMinutes(10);

    private readonly IDataProtector _session = protection.CreateProtector("FakeEntra.AdminConsole.Session");
    private readonly ITimeLimitedDataProtector _signIn = protection.CreateProtector("FakeEntra.AdminConsole.SignIn").ToTimeLimitedDataProtector();

    public string? AccessToken(HttpContext http) => Unprotect(http, SessionName, _session.Unprotect);

    public void WriteSession(HttpContext http, string accessToken) =>
        http.Response.Cookies.Append(SessionName, _session.Protect(accessToken), Options(SameSiteMode.Strict, null));

    public void ClearSession(HttpContext http) => http.Response.Cookies.Delete(SessionName, Options(SameSiteMode.Strict, null));

    public PendingSignIn? PendingSignIn(HttpContext http) =>
        Unprotect(http, SignInName, _signIn.Unprotect) is { } json ? JsonSerializer.Deserialize<PendingSignIn>(json) : null;

    public void WritePendingSignIn(HttpContext http, PendingSignIn pending) =>
        http.Response.Cookies.Append(SignInName, _signIn.Protect(JsonSerializer.Serialize(pending), SignInLifetime), Options(SameSiteMode.Lax, SignInLifetime));

    public void ClearPendingSignIn(HttpContext http) => http.Response.Cookies.Delete(SignInName, Options(SameSiteMode.Lax, null));

    private static CookieOptions Options(SameSiteMode sameSite, TimeSpan? maxAge) =>
        new() { Path = Path, Secure = true, HttpOnly = true, SameSite = sameSite, MaxAge = maxAge, IsEssential = true };

    // A cookie that is not ours, was tampered with or has expired is no cookie.
    private static string? Unprotect(HttpContext http, string name, Func<string, string> unprotect)
    {
        if (http.Request.Cookies[name] is not { Length: > 0 } value) return null;
        try
        {
            return unprotect(value);
        }
        catch (CryptographicException)
        {
            return null;
        }
    }
}

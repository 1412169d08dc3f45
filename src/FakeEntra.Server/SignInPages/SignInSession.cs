using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.DataProtection;

namespace FakeEntra.Server.SignInPages;

/// <summary>An account signed in in this browser, by its home directory.</summary>
public sealed record SessionAccount(Guid HomeTenantId, Guid UserId, string Username, DateTimeOffset AuthTime)
{
    /// <summary>The session's MFA at home, which later sign-ins of this browser reuse (single sign-on).</summary>
    public bool MfaAtHome { get; init; }
    public IReadOnlyList<Guid> MfaAtResourceTenants { get; init; } = [];
    public Guid? DeviceId { get; init; }
    public bool DeviceKnown { get; init; }
}

/// <summary>The browser's session: who signed in (single sign-on) and which apps they signed into (front-channel logout).</summary>
public sealed record SignInSession(Guid SessionId, IReadOnlyList<SessionAccount> Accounts, IReadOnlyList<Guid> Clients)
{
    public static SignInSession New() => new(Guid.NewGuid(), [], []);

    public SignInSession WithAccount(SessionAccount account, Guid clientId) => this with
    {
        Accounts = [account, .. Accounts.Where(a => a.UserId != account.UserId || a.HomeTenantId != account.HomeTenantId)],
        Clients = Clients.Contains(clientId) ? Clients : [.. Clients, clientId],
    };

    public SignInSession Without(SessionAccount account) => this with { Accounts = [.. Accounts.Where(a => a != account)] };
}

/// <summary>The session cookie: encrypted and signed with Data Protection, <c>SameSite=None</c> so silent iframe requests carry it.</summary>
public sealed class SessionCookie(IDataProtectionProvider provider)
{
    public const string Name = "fakeentra.session";
    private static readonly TimeSpan Lifetime = TimeSpan.FromHours(24);
    private readonly ITimeLimitedDataProtector _protector = provider.CreateProtector("FakeEntra.Session.v1").ToTimeLimitedDataProtector();

    public SignInSession? Read(HttpContext context)
    {
        if (!context.Request.Cookies.TryGetValue(Name, out var value) || string.IsNullOrEmpty(value)) return null;
        try
        {
            return JsonSerializer.Deserialize<SignInSession>(_protector.Unprotect(value, out _));
        }
        catch (Exception e) when (e is CryptographicException or JsonException or FormatException)
        {
            return null;
        }
    }

    public void Write(HttpContext context, SignInSession session) =>
        context.Response.Cookies.Append(Name, _protector.Protect(JsonSerializer.Serialize(session), DateTimeOffset.UtcNow + Lifetime), Options());

    public void Clear(HttpContext context) => context.Response.Cookies.Delete(Name, Options());

    private static CookieOptions Options() => new() { HttpOnly = true, Secure = true, SameSite = SameSiteMode.None, Path = "/", IsEssential = true };
}

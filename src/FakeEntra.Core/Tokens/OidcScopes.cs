namespace FakeEntra.Core.Tokens;

/// <summary>The OpenID Connect scopes, which name no resource.</summary>
public static class OidcScopes
{
    public const string OpenId = "openid";
    public const string Profile = "profile";
    public const string Email = "email";
    public const string OfflineAccess = "offline_access";
    public static readonly IReadOnlySet<string> All = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { OpenId, Profile, Email, OfflineAccess };

    public static bool IsOidc(string scope) => All.Contains(scope);
}

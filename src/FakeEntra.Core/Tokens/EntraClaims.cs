using System.Security.Cryptography;
using B64 = System.Buffers.Text.Base64Url;

namespace FakeEntra.Core.Tokens;

/// <summary>The claim sets of Entra's v2 tokens (access-token and ID-token claim references), as JSON-ready values.</summary>
public static class EntraClaims
{
    public static Dictionary<string, object> AccessToken(TokenContent content)
    {
        var iat = content.IssuedAt.ToUnixTimeSeconds();
        var claims = new Dictionary<string, object>(20)
        {
            ["aud"] = content.Resource.AppId.ToString("D"),
            ["iss"] = content.Issuer,
            ["iat"] = iat,
            ["nbf"] = iat,
            ["exp"] = content.ExpiresAt.ToUnixTimeSeconds(),
            ["aio"] = content.Aio ?? Opaque(36),
            ["azp"] = content.Client.AppId.ToString("D"),
            ["azpacr"] = ((int)content.ClientAuthentication).ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        if (content.User is { } user)
        {
            claims["acct"] = user.Acct;
            if (user.DeviceId is { } deviceId) claims["deviceid"] = deviceId.ToString("D");
            if (user.IdentityProvider is { } idp)
            {
                claims["idp"] = idp;
                // Entra sends guests' email by default.
                if (user.Email is not null) claims["email"] = user.Email;
            }
            if (user.DisplayName is not null) claims["name"] = user.DisplayName;
            claims["oid"] = user.ObjectId.ToString("D");
            claims["preferred_username"] = user.PreferredUsername;
            claims["rh"] = ResourceHint(content);
            if (content.Roles.Count > 0) claims["roles"] = content.Roles.ToArray();
            claims["scp"] = string.Join(' ', content.Scopes);
            if (user.DirectoryRoles.Count > 0) claims["wids"] = user.DirectoryRoles.Select(r => r.ToString("D")).ToArray();
            claims["sub"] = PairwiseSubject.For(content.Client.AppId, content.TenantId, user.ObjectId);
        }
        else
        {
            var servicePrincipal = content.ClientServicePrincipal
                ?? throw new InvalidOperationException("An app-only token needs the client's service principal.");
            claims["idtyp"] = "app";
            claims["oid"] = servicePrincipal.Id.ToString("D");
            claims["rh"] = ResourceHint(content);
            // Always an array, even with one role: APIs read it as a list.
            if (content.Roles.Count > 0) claims["roles"] = content.Roles.ToArray();
            claims["sub"] = servicePrincipal.Id.ToString("D");
        }
        claims["tid"] = content.TenantId.ToString("D");
        claims["uti"] = Opaque(16);
        claims["ver"] = "2.0";
        return claims;
    }

    /// <param name="code">The authorization code returned beside the ID token, for <c>c_hash</c> (hybrid flow).</param>
    public static Dictionary<string, object> IdToken(TokenContent content, ScopeRequest scopes, string? code = null)
    {
        var user = content.User ?? throw new InvalidOperationException("An ID token needs a user.");
        var iat = content.IssuedAt.ToUnixTimeSeconds();
        var claims = new Dictionary<string, object>(16)
        {
            ["aud"] = content.Client.AppId.ToString("D"),
            ["iss"] = content.Issuer,
            ["iat"] = iat,
            ["nbf"] = iat,
            ["exp"] = iat + (long)IdTokenLifetime.TotalSeconds,
            ["aio"] = Opaque(36),
        };
        if (content.Interactive is { } signIn)
        {
            if (signIn.Nonce is not null) claims["nonce"] = signIn.Nonce;
            claims["auth_time"] = signIn.AuthTime.ToUnixTimeSeconds();
            claims["sid"] = signIn.SessionId.ToString("D");
            claims["login_hint"] = LoginHint.Encode(user.HomeTenantId, user.HomeObjectId, user.PreferredUsername);
        }
        if (code is not null) claims["c_hash"] = HalfHash(code);
        claims["acct"] = user.Acct;
        if (user.IdentityProvider is { } identityProvider) claims["idp"] = identityProvider;
        if ((scopes.HasOidc(OidcScopes.Email) || user.IdentityProvider is not null) && user.Email is not null) claims["email"] = user.Email;
        if (scopes.HasOidc(OidcScopes.Profile))
        {
            if (user.DisplayName is not null) claims["name"] = user.DisplayName;
            claims["oid"] = user.ObjectId.ToString("D");
            claims["preferred_username"] = user.PreferredUsername;
        }
        claims["rh"] = ResourceHint(content);
        claims["sub"] = PairwiseSubject.For(content.Client.AppId, content.TenantId, user.ObjectId);
        claims["tid"] = content.TenantId.ToString("D");
        claims["uti"] = Opaque(16);
        claims["ver"] = "2.0";
        return claims;
    }

    public static readonly TimeSpan IdTokenLifetime = TimeSpan.FromHours(1);

    // Entra's rh is an opaque "0.A…" string that encodes tenant and app; clients must not parse it.
    private static string ResourceHint(TokenContent content)
    {
        Span<byte> bytes = stackalloc byte[32];
        content.TenantId.TryWriteBytes(bytes[..16]);
        content.Resource.AppId.TryWriteBytes(bytes[16..]);
        return "0.A" + B64.EncodeToString(bytes) + ".";
    }

    // OIDC §3.3.2.11: base64url of the left half of the SHA-256 of the ASCII value.
    private static string HalfHash(string value) => B64.EncodeToString(SHA256.HashData(System.Text.Encoding.ASCII.GetBytes(value)).AsSpan(0, 16));

    private static string Opaque(int bytes) => B64.EncodeToString(RandomNumberGenerator.GetBytes(bytes));
}

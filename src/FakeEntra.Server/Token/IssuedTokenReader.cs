using FakeEntra.Core.DirectoryObjects;
using FakeEntra.Server.Signing;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace FakeEntra.Server.Token;

/// <summary>Why a token presented back to FakeEntra (an OBO assertion, a Graph or userinfo bearer) is not acceptable.</summary>
public enum IssuedTokenProblem
{
    None,
    NotAJwt,
    BadSignature,
    Expired,
    NotYetValid,
}

/// <summary>A token FakeEntra issued, read back: signed by our key, by one of our tenants' issuers, for a user of the directory.</summary>
public sealed record IssuedToken(JsonWebToken Jwt, TenantDirectory Tenant, User User)
{
    public string Audience => Jwt.Audiences.FirstOrDefault() ?? "";
    public IReadOnlySet<string> Scopes => (Jwt.TryGetPayloadValue<string>("scp", out var scp) ? scp : "").Split(' ', StringSplitOptions.RemoveEmptyEntries).ToHashSet();
}

/// <summary>Reads tokens FakeEntra issued and checks what the caller must answer about: form, signature and issuer, lifetime.</summary>
public sealed class IssuedTokenReader(SigningKeyRing keys)
{
    private readonly JsonWebTokenHandler _handler = new();

    /// <summary>
    /// Any token of ours (a user's or an app's): signed by our key, issued by the tenant it names, and whether it is current
    /// by FakeEntra's clock (not before <c>nbf</c>, before <c>exp</c>).
    /// </summary>
    public (JsonWebToken? Jwt, TenantDirectory? Tenant, IssuedTokenProblem Problem) ReadAny(string value, Issuance issuance)
    {
        if (Parse(value) is not { } jwt) return (null, null, IssuedTokenProblem.NotAJwt);
        var result = _handler.ValidateTokenAsync(jwt, Parameters()).GetAwaiter().GetResult(); // completes synchronously: no I/O, keys are in memory
        if (!result.IsValid) return (null, null, IssuedTokenProblem.BadSignature);
        var tenant = jwt.TryGetPayloadValue<string>("tid", out var tid) && Guid.TryParse(tid, out var tenantId) ? issuance.Directory.FindTenant(tenantId) : null;
        if (tenant is null || jwt.Issuer != issuance.IssuerOf(tenant.Id)) return (null, null, IssuedTokenProblem.BadSignature);
        var now = issuance.Now.UtcDateTime;
        var problem = jwt.ValidTo <= now ? IssuedTokenProblem.Expired
            : jwt.ValidFrom > now ? IssuedTokenProblem.NotYetValid
            : IssuedTokenProblem.None;
        return (jwt, tenant, problem);
    }

    public (IssuedToken? Token, IssuedTokenProblem Problem) Read(string value, Issuance issuance)
    {
        var (any, anyTenant, anyProblem) = ReadAny(value, issuance);
        if (any is null || anyTenant is null) return (null, anyProblem);
        var user = any.TryGetPayloadValue<string>("oid", out var oid) && Guid.TryParse(oid, out var userId) ? issuance.Directory.FindUser(anyTenant.Id, userId) : null;
        return user is null ? (null, IssuedTokenProblem.BadSignature) : (new IssuedToken(any, anyTenant, user), anyProblem);
    }

    // Whatever a caller sends: segments that are not base64url JSON, or claims of the wrong JSON kind, are "not a JWT".
    private JsonWebToken? Parse(string value)
    {
        if (!_handler.CanReadToken(value)) return null;
        try
        {
            var jwt = _handler.ReadJsonWebToken(value);
            _ = (jwt.ValidFrom, jwt.ValidTo, jwt.Issuer, jwt.Audiences.ToList());
            return jwt;
        }
        catch (Exception e) when (e is ArgumentException or SecurityTokenException or FormatException or InvalidOperationException or System.Text.Json.JsonException)
        {
            return null;
        }
    }

    private TokenValidationParameters Parameters() => new()
    {
        IssuerSigningKeys = keys.All.Select(k => (SecurityKey)k.SecurityKey),
        ValidateIssuer = false,   // checked against the token's own tid
        ValidateAudience = false, // the caller knows which audience it needs
        ValidateLifetime = false, // checked against FakeEntra's clock
    };
}

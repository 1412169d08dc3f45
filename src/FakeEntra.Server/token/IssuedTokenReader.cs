using FakeEntra.Core.DirectoryObjects;
using FakeEntra.Server.Signing;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace FakeEntra.Server.Token;

/// <summary>Why a token presented back to FakeEntra (an OBO assertion, a userinfo bearer) is not acceptable.</summary>
public enum IssuedTokenProblem
{
    None,
    NotAJwt,
    BadSignature,
    Expired,
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

    public (IssuedToken? Token, IssuedTokenProblem Problem) Read(string value, Issuance issuance)
    {
        if (!_handler.CanReadToken(value)) return (null, IssuedTokenProblem.NotAJwt);
        var jwt = _handler.ReadJsonWebToken(value);
        var result = _handler.ValidateTokenAsync(jwt, new TokenValidationParameters
        {
            IssuerSigningKeys = keys.All.Select(k => (SecurityKey)k.SecurityKey),
            ValidateIssuer = false,   // checked below against the token's own tid
            ValidateAudience = false, // the caller knows which audience it needs
            ValidateLifetime = false, // checked below against FakeEntra's clock
        }).GetAwaiter().GetResult(); // completes synchronously: no I/O, keys are in memory
        if (!result.IsValid) return (null, IssuedTokenProblem.BadSignature);

        var tenant = jwt.TryGetPayloadValue<string>("tid", out var tid) && Guid.TryParse(tid, out var tenantId) ? issuance.Directory.FindTenant(tenantId) : null;
        var user = tenant is not null && jwt.TryGetPayloadValue<string>("oid", out var oid) && Guid.TryParse(oid, out var userId)
            ? issuance.Directory.FindUser(tenant.Id, userId)
            : null;
        if (tenant is null || user is null || jwt.Issuer != issuance.IssuerOf(tenant.Id)) return (null, IssuedTokenProblem.BadSignature);
        if (jwt.ValidTo <= issuance.Now.UtcDateTime) return (new IssuedToken(jwt, tenant, user), IssuedTokenProblem.Expired);
        return (new IssuedToken(jwt, tenant, user), IssuedTokenProblem.None);
    }
}

using FakeEntra.Core.Errors;
using FakeEntra.Core.Tokens;

namespace FakeEntra.Server.Token.Grants;

/// <summary>
/// Redeems a refresh token for new tokens and a new refresh token (rolling). The user and the tenant are judged again
/// with the directory as it is now: a disabled account, a revoked session or a lost consent ends the chain.
/// </summary>
public sealed class RefreshTokenGrant(TokenIssuer issuer, RefreshTokenCodec codec, GrantRevocations revocations) : IGrantHandler
{
    /// <summary>Entra's maximum inactive time for refresh tokens.</summary>
    public static readonly TimeSpan MaxInactiveTime = TimeSpan.FromDays(90);

    public IReadOnlyList<string> GrantTypes => ["refresh_token"];

    public TokenResponse Handle(TokenRequest request)
    {
        var client = ClientAuthenticator.Authenticate(request, allowPublicClient: true);
        var payload = codec.Unprotect(request.Required("refresh_token")) ?? throw new AadException(AadErrors.Malformed());
        if (payload.ClientId != client.Application.AppId || revocations.IsRevoked(payload.GrantId)) throw new AadException(AadErrors.RefreshTokenNotValid());
        if (request.Now - payload.IssuedAt > MaxInactiveTime) throw new AadException(AadErrors.RefreshTokenExpired(payload.IssuedAt, MaxInactiveTime));

        var home = request.Directory.FindTenant(payload.HomeTenantId);
        var user = home is null ? null : request.Directory.FindUser(home.Id, payload.HomeObjectId);
        if (home is null || user is null) throw new AadException(AadErrors.UserNotFound(request.Path.Tenant?.DisplayName ?? request.Path.Segment));
        if (!user.AccountEnabled) throw new AadException(AadErrors.AccountDisabled());
        if (user.SignInSessionsValidFromDateTime is { } validFrom && validFrom > payload.AuthTime)
            throw new AadException(AadErrors.RefreshTokenRevokedFor(payload.AuthTime, validFrom));

        var tokenTenant = request.Path.Tenant is null
            ? request.Directory.FindTenant(payload.TenantId) ?? home
            : TenantAccess.TokenTenant(request.Path, client.Application, home, user);
        return issuer.IssueForUser(request.Issuance, new DelegatedSignIn
        {
            Client = client,
            User = user,
            HomeTenant = home,
            TokenTenant = tokenTenant,
            Scope = request["scope"] ?? payload.Scope,
            AuthTime = payload.AuthTime,
            Interactive = payload.SessionId is { } session ? new InteractiveSignIn { SessionId = session, AuthTime = payload.AuthTime } : null,
            GrantId = payload.GrantId,
        }, request.WantsClientInfo);
    }
}

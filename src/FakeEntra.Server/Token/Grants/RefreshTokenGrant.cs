using FakeEntra.Core.Errors;
using FakeEntra.Core.Tokens;
using FakeEntra.Server.CrossTenant;

namespace FakeEntra.Server.Token.Grants;

/// <summary>
/// Redeems a refresh token for new tokens and a new refresh token (rolling, also when the scope leaves out <c>offline_access</c>). Every redemption is a new decision on the
/// directory and settings as they are now, with the MFA and device facts of the original sign-in: a disabled account, a
/// revoked session, lost consent or a changed cross-tenant setting ends the chain; each redemption is logged.
/// </summary>
public sealed class RefreshTokenGrant(TokenIssuer issuer, RefreshTokenCodec codec, GrantRevocations revocations, CrossTenantGate gate) : IGrantHandler
{
    /// <summary>Entra's maximum inactive time for refresh tokens.</summary>
    public static readonly TimeSpan MaxInactiveTime = TimeSpan.FromDays(90);

    public IReadOnlyList<string> GrantTypes => ["refresh_token"];

    public async Task<TokenResponse> HandleAsync(TokenRequest request)
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

        var resourceTenant = (request.Path.Tenant is { } pathTenant ? request.Directory.FindTenant(pathTenant.Id) : request.Directory.FindTenant(payload.TenantId)) ?? home;
        var scope = request["scope"] ?? payload.Scope;
        ClientAuthenticator.ServicePrincipalIn(request.Directory, client.Application, resourceTenant);
        var (privacyConsented, inputError) = DelegatedAccess.PrivacyConsent(request);
        var question = DelegatedAccess.Question(request, home, user, resourceTenant, client.Application, scope, payload.Proof, inputError);
        var admission = await gate.AdmitAsync(question with { PrivacyConsented = privacyConsented });
        return issuer.IssueForUser(request.Issuance, new DelegatedSignIn
        {
            Client = client,
            User = user,
            HomeTenant = home,
            TokenTenant = resourceTenant,
            Scope = scope,
            AuthTime = payload.AuthTime,
            Interactive = payload.SessionId is { } session ? new InteractiveSignIn { SessionId = session, AuthTime = payload.AuthTime } : null,
            GrantId = payload.GrantId,
            Admission = admission,
            Proof = payload.Proof,
            RedeemsRefreshToken = true,
        }, request.WantsClientInfo);
    }
}

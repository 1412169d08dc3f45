using System.Security.Cryptography;
using System.Text;
using FakeEntra.Core.Errors;
using FakeEntra.Core.Tokens;
using FakeEntra.Server.SignInPages;
using B64 = System.Buffers.Text.Base64Url;

namespace FakeEntra.Server.Token.Grants;

/// <summary>
/// Redeems an authorization code: once (a replay is AADSTS54005 and revokes what the code issued), within ten minutes,
/// by the client it was issued to, with the same redirect URI and the PKCE verifier.
/// </summary>
public sealed class AuthorizationCodeGrant(TokenIssuer issuer, AuthorizationCodes codes, GrantRevocations revocations) : IGrantHandler
{
    public IReadOnlyList<string> GrantTypes => ["authorization_code"];

    public Task<TokenResponse> HandleAsync(TokenRequest request) => Task.FromResult(Handle(request));

    private TokenResponse Handle(TokenRequest request)
    {
        var client = ClientAuthenticator.Authenticate(request, allowPublicClient: true);
        var value = request.Required("code");
        var redirectUri = request.Required("redirect_uri");
        var (code, replayed) = codes.Redeem(value) ?? throw new AadException(AadErrors.Malformed());
        if (replayed)
        {
            revocations.Revoke(code.GrantId);
            throw new AadException(AadErrors.CodeRedeemed());
        }
        if (code.ClientId != client.Application.AppId) throw new AadException(AadErrors.CodeForOtherClient());
        if (request.Path.Tenant is { } tenant && tenant.Id != code.TenantId) throw new AadException(AadErrors.CodeForOtherTenant());
        if (request.Now > code.ExpiresAt) throw new AadException(AadErrors.CodeExpired());
        if (!string.Equals(redirectUri, code.RedirectUri, StringComparison.Ordinal)) throw new AadException(AadErrors.ReplyAddressDiffers(redirectUri, code.RedirectUri));
        if (code.CodeChallenge is { } challenge)
        {
            var verifier = request["code_verifier"] ?? throw new AadException(AadErrors.VerifierMissing());
            var expected = code.CodeChallengeMethod == "S256" ? B64.EncodeToString(SHA256.HashData(Encoding.ASCII.GetBytes(verifier))) : verifier;
            if (!CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expected), Encoding.ASCII.GetBytes(challenge)))
                throw new AadException(AadErrors.VerifierMismatch());
        }

        var home = request.Directory.FindTenant(code.HomeTenantId);
        var user = home is null ? null : request.Directory.FindUser(home.Id, code.UserId);
        if (home is null || user is null) throw new AadException(AadErrors.UserNotFound(request.Path.Segment));
        if (!user.AccountEnabled) throw new AadException(AadErrors.AccountDisabled());
        // MSAL sends the scopes again on redemption; they name the resource of this token.
        return issuer.IssueForUser(request.Issuance, new DelegatedSignIn
        {
            Client = client,
            User = user,
            HomeTenant = home,
            TokenTenant = request.Directory.FindTenant(code.TenantId) ?? home,
            Scope = request["scope"] ?? code.Scope,
            AuthTime = code.AuthTime,
            Interactive = new InteractiveSignIn { Nonce = code.Nonce, SessionId = code.SessionId, AuthTime = code.AuthTime },
            GrantId = code.GrantId,
            Identity = code.Identity,
            Proof = code.Proof,
        }, request.WantsClientInfo);
    }
}

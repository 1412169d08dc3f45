using System.Security.Cryptography;
using System.Text;
using FakeEntra.Core.Errors;
using FakeEntra.Core.Tokens;
using FakeEntra.Server.CrossTenant;
using FakeEntra.Server.SignInPages;
using B64 = System.Buffers.Text.Base64Url;

namespace FakeEntra.Server.Token.Grants;

/// <summary>
/// Redeems an authorization code: once (a replay is AADSTS54005 and revokes what the code issued), within ten minutes,
/// by the client it was issued to, with the same redirect URI and the PKCE verifier. The scopes sent at redemption may name
/// another resource than the sign-in did (MSAL does this); the gate decides again for the resource of this token, on the
/// sign-in's MFA and device facts, and what it would need a page for is <c>interaction_required</c>.
/// </summary>
public sealed class AuthorizationCodeGrant(TokenIssuer issuer, AuthorizationCodes codes, GrantRevocations revocations, CrossTenantGate gate) : IGrantHandler
{
    public IReadOnlyList<string> GrantTypes => ["authorization_code"];

    public async Task<TokenResponse> HandleAsync(TokenRequest request)
    {
        var client = ClientAuthenticator.Authenticate(request, allowPublicClient: true);
        var value = request.Required("code");
        var redirectUri = request.Required("redirect_uri");
        var (code, replayed) = await codes.RedeemAsync(value) ?? throw new AadException(AadErrors.Malformed());
        if (replayed)
        {
            await revocations.RevokeAsync(code.GrantId);
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
        var tokenTenant = request.Directory.FindTenant(code.TenantId) ?? throw new AadException(AadErrors.CodeForOtherTenant());
        var scope = request["scope"] ?? code.Scope;
        var question = DelegatedAccess.Question(request, home, user, tokenTenant, client.Application, scope, code.Proof, inputError: null);
        // The pages logged the decision for the code's own resource; another resource is a new sign-in, logged as such.
        var sameResource = question.ResourceApp.AppId == DelegatedAccess.ResourceApp(request.Directory, tokenTenant, code.Scope).AppId;
        var admission = await gate.AdmitAsync(question, sameResource ? SignInLogging.RefusalsOnly : SignInLogging.Always, code.SignInId);
        return issuer.IssueForUser(request.Issuance, new DelegatedSignIn
        {
            Client = client,
            User = user,
            HomeTenant = home,
            TokenTenant = tokenTenant,
            Scope = scope,
            AuthTime = code.AuthTime,
            Interactive = new InteractiveSignIn { Nonce = code.Nonce, SessionId = code.SessionId, AuthTime = code.AuthTime },
            GrantId = code.GrantId,
            Admission = admission,
            Proof = code.Proof,
        }, request.WantsClientInfo);
    }
}

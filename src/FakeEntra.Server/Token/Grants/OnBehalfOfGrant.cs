using FakeEntra.Core.Errors;
using FakeEntra.Server.CrossTenant;

namespace FakeEntra.Server.Token.Grants;

/// <summary>
/// On-behalf-of: a middle-tier API trades the user's access token it received for a token to a downstream API, keeping the
/// user. The assertion must be a user's access token of FakeEntra's, addressed to the calling API and current. The user stays
/// who they were (member, B2B collaboration guest or B2B direct connect user, read from the home account the token's
/// <c>aio</c> names), and the gate decides for the downstream resource on the facts of the original sign-in, like any other
/// token request: a Conditional Access control the original sign-in did not meet is <c>interaction_required</c>.
/// </summary>
public sealed class OnBehalfOfGrant(TokenIssuer issuer, IssuedTokenReader reader, AioCodec aio, CrossTenantGate gate) : IGrantHandler
{
    public IReadOnlyList<string> GrantTypes => ["urn:ietf:params:oauth:grant-type:jwt-bearer"];

    public async Task<TokenResponse> HandleAsync(TokenRequest request)
    {
        var client = ClientAuthenticator.Authenticate(request, allowPublicClient: false);
        var assertion = request.Required("assertion");
        if (request.Required("requested_token_use") != "on_behalf_of") throw new AadException(AadErrors.MissingRequiredParameter("requested_token_use"));
        var scope = request["scope"] ?? throw new AadException(AadErrors.ScopeMissing());

        var (jwt, assertionTenant, problem) = reader.ReadAny(assertion, request.Issuance);
        if (problem == IssuedTokenProblem.NotAJwt) throw new AadException(AadErrors.AssertionNotJwt());
        if (jwt is null || assertionTenant is null) throw new AadException(AadErrors.AssertionBadSignature());
        var app = client.Application;
        var audience = jwt.Audiences.FirstOrDefault() ?? "";
        if (!string.Equals(audience, app.AppId.ToString("D"), StringComparison.OrdinalIgnoreCase) && !app.IdentifierUris.Contains(audience, StringComparer.OrdinalIgnoreCase))
            throw new AadException(AadErrors.AssertionForOtherAudience(audience, app.AppId, app.DisplayName));
        if (problem is IssuedTokenProblem.Expired or IssuedTokenProblem.NotYetValid)
            throw new AadException(AadErrors.AssertionOutOfTime(request.Now, jwt.ValidFrom, jwt.ValidTo));
        // Only a user's access token carries scp; an ID token or an app-only token speaks for nobody to act for.
        if (!jwt.TryGetPayloadValue<string>("scp", out _) || aio.Unprotect(jwt.TryGetPayloadValue<string>("aio", out var value) ? value : null) is not { } signIn)
            throw new AadException(AadErrors.AssertionNotUserAccessToken());

        var home = request.Directory.FindTenant(signIn.HomeTenantId);
        var user = home is null ? null : request.Directory.FindUser(home.Id, signIn.HomeObjectId);
        if (home is null || user is null) throw new AadException(AadErrors.UserNotFound(assertionTenant.Organization.DisplayName));
        if (!user.AccountEnabled) throw new AadException(AadErrors.AccountDisabled());
        if (user.SignInSessionsValidFromDateTime is { } validFrom && validFrom > signIn.AuthTime)
            throw new AadException(AadErrors.RefreshTokenRevokedFor(signIn.AuthTime, validFrom));

        var tokenTenant = request.Path.Tenant is { } pathTenant ? request.Directory.FindTenant(pathTenant.Id)! : assertionTenant;
        var admission = await gate.AdmitAsync(DelegatedAccess.Question(request, home, user, tokenTenant, app, scope, signIn.Proof, inputError: null));
        return issuer.IssueForUser(request.Issuance, new DelegatedSignIn
        {
            Client = client,
            User = user,
            HomeTenant = home,
            TokenTenant = tokenTenant,
            Scope = scope,
            AuthTime = signIn.AuthTime,
            Admission = admission,
            Proof = signIn.Proof,
        }, withClientInfo: false);
    }
}

using FakeEntra.Core.Errors;

namespace FakeEntra.Server.Token.Grants;

/// <summary>
/// On-behalf-of: a middle-tier API trades the user's token it received for a token to a downstream API, keeping the user.
/// The assertion must be FakeEntra's, addressed to the calling API, and unexpired.
/// </summary>
public sealed class OnBehalfOfGrant(TokenIssuer issuer, IssuedTokenReader reader) : IGrantHandler
{
    public IReadOnlyList<string> GrantTypes => ["urn:ietf:params:oauth:grant-type:jwt-bearer"];

    public Task<TokenResponse> HandleAsync(TokenRequest request) => Task.FromResult(Handle(request));

    private TokenResponse Handle(TokenRequest request)
    {
        var client = ClientAuthenticator.Authenticate(request, allowPublicClient: false);
        var assertion = request.Required("assertion");
        if (request.Required("requested_token_use") != "on_behalf_of") throw new AadException(AadErrors.MissingRequiredParameter("requested_token_use"));
        var scope = request["scope"] ?? throw new AadException(AadErrors.ScopeMissing());

        var (token, problem) = reader.Read(assertion, request.Issuance);
        if (problem == IssuedTokenProblem.NotAJwt) throw new AadException(AadErrors.AssertionNotJwt());
        if (token is null) throw new AadException(AadErrors.AssertionBadSignature());
        var app = client.Application;
        if (!string.Equals(token.Audience, app.AppId.ToString("D"), StringComparison.OrdinalIgnoreCase) && !app.IdentifierUris.Contains(token.Audience, StringComparer.OrdinalIgnoreCase))
            throw new AadException(AadErrors.AssertionForOtherAudience(token.Audience, app.AppId, app.DisplayName));
        if (problem == IssuedTokenProblem.Expired) throw new AadException(AadErrors.AssertionOutOfTime(request.Now, token.Jwt.ValidTo));
        if (!token.User.AccountEnabled) throw new AadException(AadErrors.AccountDisabled());

        return issuer.IssueForUser(request.Issuance, new DelegatedSignIn
        {
            Client = client,
            User = token.User,
            HomeTenant = token.Tenant,
            TokenTenant = TenantAccess.TokenTenant(request.Path, app, token.Tenant, token.User),
            Scope = scope,
            AuthTime = token.Jwt.IssuedAt,
        }, withClientInfo: false);
    }
}

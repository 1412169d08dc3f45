using FakeEntra.Core.DirectoryObjects;
using FakeEntra.Core.Errors;
using FakeEntra.Core.Tokens;

namespace FakeEntra.Server.Token.Grants;

/// <summary>App-only tokens: <c>{resource}/.default</c> yields the app roles granted to the client in the path's tenant.</summary>
public sealed class ClientCredentialsGrant(TokenIssuer issuer) : IGrantHandler
{
    public IReadOnlyList<string> GrantTypes => ["client_credentials"];

    public Task<TokenResponse> HandleAsync(TokenRequest request) => Task.FromResult(Handle(request));

    private TokenResponse Handle(TokenRequest request)
    {
        var scope = request["scope"] ?? throw new AadException(AadErrors.ScopeMissing());
        var client = ClientAuthenticator.Authenticate(request, allowPublicClient: false);
        var tenant = request.Path.Tenant is { } t ? request.Directory.FindTenant(t.Id)! : throw new AadException(AadErrors.TenantRequired());
        return Issue(issuer, request.Issuance, client, tenant, scope);
    }

    /// <summary>The grant's decision once the client is authenticated (FakeEntra.Testing mints app-only tokens through here too).</summary>
    public static TokenResponse Issue(TokenIssuer issuer, Issuance issuance, AuthenticatedClient client, TenantDirectory tenant, string scope)
    {
        var scopes = ScopeRequest.Parse(scope);
        if (scopes.Resource is null || !scopes.IsDefault || scopes.Oidc.Count > 0) throw new AadException(AadErrors.ClientCredentialsScope(scope));
        var clientSp = ClientAuthenticator.ServicePrincipalIn(issuance.Directory, client.Application, tenant);
        var resource = Permissions.FindResource(issuance.Directory, tenant, scopes.Resource);
        return issuer.IssueForApplication(issuance, client, tenant, clientSp, resource);
    }
}

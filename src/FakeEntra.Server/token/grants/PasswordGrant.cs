using FakeEntra.Core.DirectoryObjects;
using FakeEntra.Core.Errors;

namespace FakeEntra.Server.Token.Grants;

/// <summary>
/// Resource owner password credentials. The password is checked in the user's home directory; <c>common</c> and
/// <c>organizations</c> resolve to that home tenant, as in Entra.
/// </summary>
public sealed class PasswordGrant(TokenIssuer issuer, PasswordVerifier passwords) : IGrantHandler
{
    public IReadOnlyList<string> GrantTypes => ["password"];

    public TokenResponse Handle(TokenRequest request)
    {
        var client = ClientAuthenticator.Authenticate(request, allowPublicClient: true);
        var username = request.Required("username");
        var password = request.Required("password");
        var scope = request["scope"] ?? throw new AadException(AadErrors.ScopeMissing());

        var found = request.Directory.FindUserByPrincipalName(username);
        if (found is not { } home || home.User.IsGuest)
            throw new AadException(AadErrors.UserNotFound(request.Path.Tenant?.DisplayName ?? DomainOf(username)));
        if (home.User.PasswordHash is not { } hash || !passwords.Verify(password, hash)) throw new AadException(AadErrors.WrongPassword());
        if (!home.User.AccountEnabled) throw new AadException(AadErrors.AccountDisabled());

        var tokenTenant = TenantAccess.TokenTenant(request.Path, client.Application, home.Tenant, home.User);
        return issuer.IssueForUser(request.Issuance, new DelegatedSignIn
        {
            Client = client,
            User = home.User,
            HomeTenant = home.Tenant,
            TokenTenant = tokenTenant,
            Scope = scope,
            AuthTime = request.Now,
        }, request.WantsClientInfo);
    }

    private static string DomainOf(string username) => username.Split('@') is [_, var domain] ? domain : username;
}

using FakeEntra.Core.Errors;
using FakeEntra.Server.CrossTenant;
using FakeEntra.Server.Lockout;

namespace FakeEntra.Server.Token.Grants;

/// <summary>
/// Resource owner password credentials. The password is checked in the user's home directory; <c>common</c> and
/// <c>organizations</c> resolve to that home tenant, as in Entra, and another tenant in the path is a cross-tenant sign-in,
/// judged by the gate with the FakeEntra parameters <c>fakeentra_otp</c>, <c>fakeentra_device_id</c> and
/// <c>fakeentra_privacy_consent</c>. Smart lockout guards both secrets; a locked-out attempt is refused and logged through
/// the gate like a bad parameter.
/// </summary>
public sealed class PasswordGrant(TokenIssuer issuer, PasswordVerifier passwords, SmartLockout lockout, CrossTenantGate gate) : IGrantHandler
{
    public IReadOnlyList<string> GrantTypes => ["password"];

    public async Task<TokenResponse> HandleAsync(TokenRequest request)
    {
        var client = ClientAuthenticator.Authenticate(request, allowPublicClient: true);
        var username = request.Required("username");
        var password = request.Required("password");
        var scope = request["scope"] ?? throw new AadException(AadErrors.ScopeMissing());

        var found = request.Directory.FindUserByPrincipalName(username);
        if (found is not { } home || home.User.IsGuest)
            throw new AadException(AadErrors.UserNotFound(request.Path.Tenant?.DisplayName ?? DomainOf(username)));
        var verdict = lockout.Password(home.User, request.ClientAddress, password, () => home.User.PasswordHash is { } hash && passwords.Verify(password, hash));
        if (verdict == LockoutVerdict.Wrong) throw new AadException(AadErrors.WrongPassword());
        if (verdict == LockoutVerdict.Verified && !home.User.AccountEnabled) throw new AadException(AadErrors.AccountDisabled());

        var resourceTenant = request.Path.Tenant is { } pathTenant ? request.Directory.FindTenant(pathTenant.Id)! : home.Tenant;
        ClientAuthenticator.ServicePrincipalIn(request.Directory, client.Application, resourceTenant);
        var (proof, privacyConsented, inputError) = verdict == LockoutVerdict.Locked
            ? (new SignInProof(), false, AadErrors.AccountLocked())
            : DelegatedAccess.Parameters(request, home.Tenant, home.User, lockout);
        var question = DelegatedAccess.Question(request, home.Tenant, home.User, resourceTenant, client.Application, scope, proof, inputError);
        var admission = await gate.AdmitAsync(question with { PrivacyConsented = privacyConsented });
        return issuer.IssueForUser(request.Issuance, new DelegatedSignIn
        {
            Client = client,
            User = home.User,
            HomeTenant = home.Tenant,
            TokenTenant = resourceTenant,
            Scope = scope,
            AuthTime = request.Now,
            Admission = admission,
            Proof = proof,
        }, request.WantsClientInfo);
    }

    private static string DomainOf(string username) => username.Split('@') is [_, var domain] ? domain : username;
}

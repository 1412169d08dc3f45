using FakeEntra.Core.DirectoryObjects;
using FakeEntra.Core.Errors;
using FakeEntra.Core.Tokens;
using FakeEntra.Server.CrossTenant;
using FakeEntra.Server.Token;
using FakeEntra.Server.Token.Grants;
using FakeEntra.Server.World;
using FakeEntra.Testing.Tokens;
using IssuedToken = FakeEntra.Testing.Tokens.IssuedToken;
using FakeEntra.Testing.World;
using Microsoft.Extensions.DependencyInjection;
using OtpNet;

namespace FakeEntra.Testing;

/// <summary>
/// Tokens without a flow. A user's token is decided by the same gate and minted by the same issuer as a grant's (and
/// logged like one); only then are a test's claim changes applied and the token signed again.
/// </summary>
public sealed partial class FakeEntraServer
{
    /// <summary>A user's token, or <see cref="TokenRefusedException"/> with the AADSTS error the grant would have answered.</summary>
    public async Task<IssuedToken> IssueTokenAsync(TokenForUser request)
    {
        var issuance = NewIssuance();
        var directory = issuance.Directory;
        try
        {
            var (home, user) = directory.FindUserByPrincipalName(request.User) is { User.IsGuest: false } found
                ? found
                : throw new AadException(AadErrors.UserNotFound(request.User.Split('@')[^1]));
            var client = Client(directory, request.Client);
            var resource = Tenant(directory, request.Tenant);
            ClientAuthenticator.ServicePrincipalIn(directory, client.Application, resource);
            var device = SignInInputs.Device(request.Device, home);
            var proof = new SignInProof { MfaAtHome = request.Mfa, MfaAtResource = request.Mfa, DeviceId = device?.DeviceId };
            var admission = await Services.GetRequiredService<CrossTenantGate>().AdmitAsync(
                DelegatedAccess.Question(issuance, home, user, resource, client.Application, request.Scope, proof, Guid.NewGuid()));
            var response = Services.GetRequiredService<TokenIssuer>().IssueForUser(issuance, new DelegatedSignIn
            {
                Client = client,
                User = user,
                HomeTenant = home,
                TokenTenant = resource,
                Scope = request.Scope,
                AuthTime = issuance.Now,
                Admission = admission,
                Proof = proof,
            }, withClientInfo: false);
            return Issued(response, request.Claims);
        }
        catch (AadException e)
        {
            throw new TokenRefusedException(e.Error);
        }
    }

    /// <summary>An app-only token as the client credentials grant issues it (no sign-in row, as in Entra).</summary>
    public IssuedToken IssueToken(TokenForApp request)
    {
        var issuance = NewIssuance();
        try
        {
            var client = Client(issuance.Directory, request.Client);
            if (!client.Application.HasSecrets) throw new AadException(AadErrors.CredentialMissing());
            var response = ClientCredentialsGrant.Issue(Services.GetRequiredService<TokenIssuer>(), issuance, client, Tenant(issuance.Directory, request.Tenant), request.Scope);
            return Issued(response, request.Claims);
        }
        catch (AadException e)
        {
            throw new TokenRefusedException(e.Error);
        }
    }

    /// <summary>
    /// The current TOTP code of an authenticator by the server's clock (for <c>fakeentra_otp</c>), so it stays right
    /// when the test has moved <see cref="Time"/>.
    /// </summary>
    public string OneTimeCode(string secret = DefaultWorld.TotpSecret) => new Totp(Base32Encoding.ToBytes(secret)).ComputeTotp(Time.GetUtcNow().UtcDateTime);

    private Issuance NewIssuance() => new(Services.GetRequiredService<DirectoryState>().Current, Origin, Time.GetUtcNow());

    private IssuedToken Issued(TokenResponse response, IReadOnlyDictionary<string, object?> claims) =>
        new(ClaimOverrides.Apply(response.AccessToken, claims, Services.GetRequiredService<TokenSigner>()), response.IdToken, response.RefreshToken);

    /// <summary>The client as a grant would have authenticated it: by its secret when it has one, else as a public client.</summary>
    private static AuthenticatedClient Client(DirectorySnapshot directory, string clientId)
    {
        var app = Guid.TryParse(clientId, out var appId) ? directory.FindApplication(appId) : null;
        if (app is null) throw new AadException(AadErrors.AppNotFound(clientId, "this FakeEntra"));
        return new AuthenticatedClient(app, app.HasSecrets ? ClientAuthenticationMethod.Secret : ClientAuthenticationMethod.None);
    }

    private static TenantDirectory Tenant(DirectorySnapshot directory, string tenant) =>
        (Guid.TryParse(tenant, out var id) ? directory.FindTenant(id) : directory.FindTenantByDomain(tenant))
        ?? throw new AadException(AadErrors.TenantNotFound(tenant));
}

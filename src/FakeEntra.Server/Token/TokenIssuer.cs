using FakeEntra.Core.DirectoryObjects;
using FakeEntra.Core.Tokens;
using FakeEntra.Server.CrossTenant;

namespace FakeEntra.Server.Token;

/// <summary>A user signed in for a client: what a delegated token is minted from.</summary>
public sealed record DelegatedSignIn
{
    public required AuthenticatedClient Client { get; init; }
    public required User User { get; init; }
    public required TenantDirectory HomeTenant { get; init; }
    public required TenantDirectory TokenTenant { get; init; }
    /// <summary>The request's scope string, kept in the refresh token.</summary>
    public required string Scope { get; init; }
    public required DateTimeOffset AuthTime { get; init; }
    /// <summary>Set for sign-ins through the pages (nonce, session).</summary>
    public InteractiveSignIn? Interactive { get; init; }
    /// <summary>The authorization grant (code) the tokens descend from; revoking it ends their refresh tokens.</summary>
    public Guid? GrantId { get; init; }
    /// <summary>The gate's decision for the token's tenant and resource: who the token says the user is there.</summary>
    public required Admission Admission { get; init; }
    /// <summary>What the sign-in proved beyond the password, carried into refresh tokens so a refresh is judged on the same facts.</summary>
    public SignInProof Proof { get; init; } = new();
    /// <summary>The tokens redeem a refresh token: Entra rolls it whether or not the scope repeats <c>offline_access</c>.</summary>
    public bool RedeemsRefreshToken { get; init; }
}

/// <summary>MFA and device facts of a sign-in.</summary>
public sealed record SignInProof
{
    public bool MfaAtHome { get; init; }
    public bool MfaAtResource { get; init; }
    public Guid? DeviceId { get; init; }
}

/// <summary>Mints Entra-shaped token responses: app-only, or for a user with ID and refresh tokens when the scopes ask for them.</summary>
public sealed class TokenIssuer(TokenSigner signer, RefreshTokenCodec refreshTokens, AioCodec aio)
{
    /// <summary>Access tokens live exactly one hour (Entra's B2B direct connect lifetime; FakeEntra uses it for all).</summary>
    public static readonly TimeSpan AccessTokenLifetime = TimeSpan.FromHours(1);

    // Entra reports one second less than the token's lifetime.
    private static readonly int ExpiresIn = (int)AccessTokenLifetime.TotalSeconds - 1;

    public TokenResponse IssueForApplication(Issuance issuance, AuthenticatedClient client, TenantDirectory tenant, ServicePrincipal clientSp, TenantResource resource)
    {
        var content = new TokenContent
        {
            TenantId = tenant.Id,
            Issuer = issuance.IssuerOf(tenant.Id),
            Client = client.Application,
            ClientAuthentication = client.Method,
            Resource = resource.Application,
            ClientServicePrincipal = clientSp,
            Roles = Permissions.ApplicationRoles(clientSp, resource),
            IssuedAt = issuance.Now,
            Lifetime = AccessTokenLifetime,
        };
        // Entra's client-credentials response carries no scope member.
        return new TokenResponse { ExpiresIn = ExpiresIn, AccessToken = signer.Sign(EntraClaims.AccessToken(content)) };
    }

    public TokenResponse IssueForUser(Issuance issuance, DelegatedSignIn signIn, bool withClientInfo)
    {
        var (content, scopes, responseScopes) = Prepare(issuance, signIn);
        return new TokenResponse
        {
            Scope = string.Join(' ', responseScopes),
            ExpiresIn = ExpiresIn,
            // Only access tokens carry the sealed aio (on-behalf-of reads it); ID tokens and the pages' checks need none.
            AccessToken = signer.Sign(EntraClaims.AccessToken(content with
            {
                Aio = aio.Protect(new AioPayload
                {
                    HomeTenantId = signIn.HomeTenant.Id,
                    HomeObjectId = signIn.User.Id,
                    AuthTime = signIn.AuthTime,
                    Proof = signIn.Proof,
                    SignInId = signIn.Admission.SignInId,
                })
            })),
            IdToken = scopes.HasOidc(OidcScopes.OpenId) ? signer.Sign(EntraClaims.IdToken(content, scopes)) : null,
            RefreshToken = scopes.HasOidc(OidcScopes.OfflineAccess) || signIn.RedeemsRefreshToken ? refreshTokens.Protect(new RefreshTokenPayload
            {
                TenantId = signIn.TokenTenant.Id,
                ClientId = signIn.Client.Application.AppId,
                HomeTenantId = signIn.HomeTenant.Id,
                HomeObjectId = signIn.User.Id,
                Scope = signIn.Scope,
                AuthTime = signIn.AuthTime,
                IssuedAt = issuance.Now,
                GrantId = signIn.GrantId,
                SessionId = signIn.Interactive?.SessionId,
                Proof = signIn.Proof,
            }) : null,
            ClientInfo = withClientInfo ? ClientInfo.Encode(signIn.User.Id, signIn.HomeTenant.Id) : null,
        };
    }

    /// <summary>An ID token straight from the authorization endpoint (<c>id_token</c>, <c>code id_token</c>).</summary>
    public string IdTokenFor(Issuance issuance, DelegatedSignIn signIn, string? code)
    {
        var (content, scopes, _) = Prepare(issuance, signIn);
        return signer.Sign(EntraClaims.IdToken(content, scopes, code));
    }

    /// <summary>Throws the error the sign-in would meet when tokens are minted (resource, scopes, consent), without minting any.</summary>
    public void Check(Issuance issuance, DelegatedSignIn signIn) => Prepare(issuance, signIn);

    private static (TokenContent Content, ScopeRequest Scopes, IEnumerable<string> ResponseScopes) Prepare(Issuance issuance, DelegatedSignIn signIn)
    {
        var tenant = signIn.TokenTenant;
        var clientSp = ClientAuthenticator.ServicePrincipalIn(issuance.Directory, signIn.Client.Application, tenant);
        var scopes = ScopeRequest.Parse(signIn.Scope);
        var (resource, granted, responseScopes) = Grant(issuance.Directory, signIn, clientSp, scopes);
        if (signIn.Admission.ResourceTenantId != tenant.Id || signIn.Admission.ResourceAppId != resource.Application.AppId)
            throw new InvalidOperationException("A token was about to be minted for a resource the gate did not decide on.");
        var identity = signIn.Admission.Identity;
        var content = new TokenContent
        {
            TenantId = tenant.Id,
            Issuer = issuance.IssuerOf(tenant.Id),
            Client = signIn.Client.Application,
            ClientAuthentication = signIn.Client.Method,
            Resource = resource.Application,
            User = identity with { DirectoryRoles = issuance.Directory.RolesOf(tenant.Id, identity.ObjectId) },
            Scopes = granted,
            Roles = Permissions.UserRoles(signIn.User, resource),
            IssuedAt = issuance.Now,
            Lifetime = AccessTokenLifetime,
            Interactive = signIn.Interactive,
        };
        return (content, scopes, responseScopes);
    }

    /// <summary>
    /// The resource and scopes a delegated request earns. A request with only OpenID Connect scopes gets a Microsoft Graph
    /// token, as from Entra, whose scp lists those scopes and the consented User.Read.
    /// </summary>
    private static (TenantResource Resource, IReadOnlyList<string> Scopes, IEnumerable<string> ResponseScopes) Grant(
        DirectorySnapshot directory, DelegatedSignIn signIn, ServicePrincipal clientSp, ScopeRequest scopes)
    {
        var tenant = signIn.TokenTenant;
        var oidc = scopes.Oidc.Where(s => s != OidcScopes.OfflineAccess);
        if (scopes.Resource is null)
        {
            var graph = Permissions.FindResource(directory, tenant, FirstPartyApplications.MicrosoftGraphResource);
            var consented = directory.ConsentedScopes(tenant.Id, clientSp.Id, graph.ServicePrincipal.Id, signIn.User.Id);
            var graphScopes = oidc.Concat(consented.Contains("User.Read") ? ["User.Read"] : []).ToList();
            return (graph, graphScopes, graphScopes);
        }
        var resource = Permissions.FindResource(directory, tenant, scopes.Resource);
        var granted = Permissions.DelegatedScopes(directory, tenant.Id, signIn.Client.Application, clientSp, resource, signIn.User.Id, scopes);
        if (resource.Application.AppId == FirstPartyApplications.MicrosoftGraphAppId)
        {
            // Graph tokens list the OpenID Connect scopes in scp too, and the response names Graph scopes bare.
            var withOidc = oidc.Concat(granted).ToList();
            return (resource, withOidc, withOidc);
        }
        return (resource, granted, granted.Select(scopes.Qualify));
    }
}

using FakeEntra.Core.DirectoryObjects;
using FakeEntra.Core.Tokens;

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
}

/// <summary>Mints Entra-shaped token responses: app-only, or for a user with ID and refresh tokens when the scopes ask for them.</summary>
public sealed class TokenIssuer(TokenSigner signer, RefreshTokenCodec refreshTokens)
{
    /// <summary>Access tokens live exactly one hour (Entra's B2B direct connect lifetime; FakeEntra uses it for all).</summary>
    public static readonly TimeSpan AccessTokenLifetime = TimeSpan.FromHours(1);

    // Entra reports one second less than the token's lifetime.
    private static readonly int ExpiresIn = (int)AccessTokenLifetime.TotalSeconds - 1;

    public TokenResponse IssueForApplication(TokenRequest request, AuthenticatedClient client, TenantDirectory tenant, ServicePrincipal clientSp, TenantResource resource)
    {
        var content = new TokenContent
        {
            TenantId = tenant.Id,
            Issuer = IssuerOf(request, tenant),
            Client = client.Application,
            ClientAuthentication = client.Method,
            Resource = resource.Application,
            ClientServicePrincipal = clientSp,
            Roles = Permissions.ApplicationRoles(clientSp, resource),
            IssuedAt = request.Now,
            Lifetime = AccessTokenLifetime,
        };
        // Entra's client-credentials response carries no scope member.
        return new TokenResponse { ExpiresIn = ExpiresIn, AccessToken = signer.Sign(EntraClaims.AccessToken(content)) };
    }

    public TokenResponse IssueForUser(TokenRequest request, DelegatedSignIn signIn)
    {
        var tenant = signIn.TokenTenant;
        var clientSp = ClientAuthenticator.ServicePrincipalIn(request, signIn.Client.Application, tenant);
        var scopes = ScopeRequest.Parse(signIn.Scope);
        var (resource, granted, responseScopes) = Grant(request, signIn, clientSp, scopes);

        var content = new TokenContent
        {
            TenantId = tenant.Id,
            Issuer = IssuerOf(request, tenant),
            Client = signIn.Client.Application,
            ClientAuthentication = signIn.Client.Method,
            Resource = resource.Application,
            User = TokenUser.Member(signIn.User, tenant.Id),
            Scopes = granted,
            Roles = Permissions.UserRoles(signIn.User, resource),
            IssuedAt = request.Now,
            Lifetime = AccessTokenLifetime,
        };
        return new TokenResponse
        {
            Scope = string.Join(' ', responseScopes),
            ExpiresIn = ExpiresIn,
            AccessToken = signer.Sign(EntraClaims.AccessToken(content)),
            IdToken = scopes.HasOidc(OidcScopes.OpenId) ? signer.Sign(EntraClaims.IdToken(content, scopes)) : null,
            RefreshToken = scopes.HasOidc(OidcScopes.OfflineAccess) ? refreshTokens.Protect(new RefreshTokenPayload
            {
                TenantId = tenant.Id,
                ClientId = signIn.Client.Application.AppId,
                HomeTenantId = signIn.HomeTenant.Id,
                HomeObjectId = signIn.User.Id,
                Scope = signIn.Scope,
                AuthTime = signIn.AuthTime,
                IssuedAt = request.Now,
            }) : null,
            ClientInfo = request["client_info"] == "1" ? ClientInfo.Encode(signIn.User.Id, signIn.HomeTenant.Id) : null,
        };
    }

    /// <summary>
    /// The resource and scopes a delegated request earns. A request with only OpenID Connect scopes gets a Microsoft Graph
    /// token, as from Entra, whose scp lists those scopes and the consented User.Read.
    /// </summary>
    private static (TenantResource Resource, IReadOnlyList<string> Scopes, IEnumerable<string> ResponseScopes) Grant(
        TokenRequest request, DelegatedSignIn signIn, ServicePrincipal clientSp, ScopeRequest scopes)
    {
        var tenant = signIn.TokenTenant;
        var client = signIn.Client.Application;
        if (scopes.Resource is null)
        {
            var graph = Permissions.FindResource(request.Directory, tenant, FirstPartyApplications.MicrosoftGraphResource);
            var consented = request.Directory.ConsentedScopes(tenant.Id, clientSp.Id, graph.ServicePrincipal.Id, signIn.User.Id);
            var graphScopes = scopes.Oidc.Where(s => s != OidcScopes.OfflineAccess)
                .Concat(consented.Contains("User.Read") ? ["User.Read"] : [])
                .ToList();
            return (graph, graphScopes, graphScopes);
        }
        var resource = Permissions.FindResource(request.Directory, tenant, scopes.Resource);
        var granted = Permissions.DelegatedScopes(request.Directory, tenant.Id, client, clientSp, resource, signIn.User.Id, scopes);
        if (resource.Application.AppId == FirstPartyApplications.MicrosoftGraphAppId)
        {
            // Graph tokens list the OpenID Connect scopes in scp too, and the response names Graph scopes bare.
            var withOidc = scopes.Oidc.Where(s => s != OidcScopes.OfflineAccess).Concat(granted).ToList();
            return (resource, withOidc, withOidc);
        }
        return (resource, granted, granted.Select(scopes.Qualify));
    }

    public static string IssuerOf(TokenRequest request, TenantDirectory tenant) => $"{request.Origin}/{tenant.Id:D}/v2.0";
}

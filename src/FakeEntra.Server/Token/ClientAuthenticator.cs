using FakeEntra.Core.DirectoryObjects;
using FakeEntra.Core.Errors;
using FakeEntra.Core.Security;
using FakeEntra.Core.Tokens;

namespace FakeEntra.Server.Token;

/// <summary>An app that proved who it is (or, for a public client, named itself).</summary>
public sealed record AuthenticatedClient(Application Application, ClientAuthenticationMethod Method);

/// <summary>Client authentication as Entra answers it: client_secret_post or client_secret_basic, or none for public clients.</summary>
public static class ClientAuthenticator
{
    public static AuthenticatedClient Authenticate(TokenRequest request, bool allowPublicClient)
    {
        var formId = request["client_id"];
        var basic = request.Basic;
        if (formId is not null && basic is { } b && !string.Equals(formId, b.Id, StringComparison.OrdinalIgnoreCase))
            throw new AadException(AadErrors.Malformed());
        var clientId = formId ?? basic?.Id ?? throw new AadException(AadErrors.MissingRequiredParameter("client_id"));
        var tenantName = request.Path.Tenant?.DisplayName ?? request.Path.Segment;
        var app = Guid.TryParse(clientId, out var appId) ? request.Directory.FindApplication(appId) : null;
        if (app is null) throw new AadException(AadErrors.AppNotFound(clientId, tenantName));

        var secret = request["client_secret"] ?? basic?.Secret;
        if (secret is null)
        {
            if (allowPublicClient && app.IsFallbackPublicClient) return new(app, ClientAuthenticationMethod.None);
            throw new AadException(AadErrors.CredentialMissing());
        }
        if (!app.HasSecrets)
            throw new AadException(app.IsFallbackPublicClient ? AadErrors.PublicClientSentCredential() : AadErrors.SecretInvalid(app.AppId));

        var matching = app.PasswordCredentials.FirstOrDefault(c => c.SecretHash is { } hash && SecretHasher.Verify(secret, hash))
                       ?? throw new AadException(AadErrors.SecretInvalid(app.AppId));
        if (matching.EndDateTime is { } end && end <= request.Now) throw new AadException(AadErrors.SecretExpired(app.AppId));
        return new(app, ClientAuthenticationMethod.Secret);
    }

    /// <summary>The client's service principal in the tenant the token is for; without one the app does not exist there.</summary>
    public static ServicePrincipal ServicePrincipalIn(DirectorySnapshot directory, Application app, TenantDirectory tenant)
    {
        var sp = directory.FindServicePrincipal(tenant.Id, app.AppId)
                 ?? throw new AadException(AadErrors.AppNotFound(app.AppId.ToString("D"), tenant.Organization.DisplayName));
        if (!sp.AccountEnabled) throw new AadException(AadErrors.AppDisabled(app.AppId, app.DisplayName));
        return sp;
    }
}

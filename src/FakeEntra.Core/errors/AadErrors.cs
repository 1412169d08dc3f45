namespace FakeEntra.Core.Errors;

/// <summary>
/// The one catalog of errors FakeEntra emulates. Wording follows what Entra's servers send (not the docs' paraphrases);
/// see docs/ARCHITECTURE.md for sources.
/// </summary>
public static class AadErrors
{
    private const int BadRequest = 400;
    private const int Unauthorized = 401;

    public static readonly AadErrorDefinition InvalidTenantName = new(90002, "InvalidTenantName", "invalid_request", BadRequest);
    public static readonly AadErrorDefinition InvalidTenantIdentifier = new(900023, "InvalidTenantIdentifier", "invalid_request", BadRequest);
    public static readonly AadErrorDefinition MissingParameter = new(900144, "MissingRequiredParameter", "invalid_request", BadRequest);
    public static readonly AadErrorDefinition MalformedRequest = new(9002313, "InvalidRequest", "invalid_grant", BadRequest);
    public static readonly AadErrorDefinition UnsupportedGrantType = new(70003, "UnsupportedGrantType", "unsupported_grant_type", BadRequest);
    public static readonly AadErrorDefinition NoTenantInformation = new(50059, "MissingTenantRealmAndNoUserInformationProvided", "invalid_request", BadRequest);
    public static readonly AadErrorDefinition InvalidUserNameOrPassword = new(50126, "InvalidUserNameOrPassword", "invalid_grant", BadRequest);
    public static readonly AadErrorDefinition UserAccountNotFound = new(50034, "UserAccountNotFound", "invalid_grant", BadRequest);
    public static readonly AadErrorDefinition UserUnauthorized = new(50020, "UserUnauthorized", "invalid_grant", BadRequest);
    public static readonly AadErrorDefinition UserDisabled = new(50057, "UserDisabled", "invalid_grant", BadRequest);
    public static readonly AadErrorDefinition ApplicationNotFound = new(700016, "UnauthorizedClient_DoesNotMatchRequest", "unauthorized_client", BadRequest);
    public static readonly AadErrorDefinition ApplicationDisabled = new(7000112, "UnauthorizedClientApplicationDisabled", "unauthorized_client", BadRequest);
    public static readonly AadErrorDefinition InvalidClientSecret = new(7000215, "InvalidClientSecretProvided", "invalid_client", Unauthorized);
    public static readonly AadErrorDefinition MissingClientCredential = new(7000218, "InvalidClientNoCredentials", "invalid_client", Unauthorized);
    public static readonly AadErrorDefinition ClientSecretExpired = new(7000222, "InvalidClientSecretExpiredKeysProvided", "invalid_client", Unauthorized);
    public static readonly AadErrorDefinition PublicClientWithCredential = new(700025, "InvalidClientPublicClientWithCredential", "invalid_client", Unauthorized);
    public static readonly AadErrorDefinition InvalidScope = new(70011, "InvalidScope", "invalid_scope", BadRequest);
    public static readonly AadErrorDefinition MultipleResources = new(28000, "InvalidScopeMultipleResources", "invalid_scope", BadRequest);
    public static readonly AadErrorDefinition ClientCredentialsNeedDefaultScope = new(1002012, "InvalidScopeClientCredentials", "invalid_scope", BadRequest);
    public static readonly AadErrorDefinition ResourceNotFound = new(500011, "InvalidResourceServicePrincipalNotFound", "invalid_resource", BadRequest);
    public static readonly AadErrorDefinition ConsentRequired = new(65001, "DelegationDoesNotExist", "invalid_grant", BadRequest, "consent_required");
    public static readonly AadErrorDefinition InvalidGrant = new(70000, "InvalidGrant", "invalid_grant", BadRequest);
    public static readonly AadErrorDefinition RefreshTokenRevoked = new(50173, "FreshTokenNeeded", "invalid_grant", BadRequest, "bad_token");
    public static readonly AadErrorDefinition RefreshTokenInactive = new(700082, "ExpiredOrRevokedGrantInactiveToken", "invalid_grant", BadRequest, "bad_token");
    public static readonly AadErrorDefinition PostRequired = new(900561, "BadRequestHttpMethod", "invalid_request", BadRequest);
    public static readonly AadErrorDefinition TransientError = new(90033, "TransientError", "server_error", 500);

    /// <summary>Every code above, for documentation and tests.</summary>
    public static IReadOnlyList<AadErrorDefinition> All { get; } =
    [
        InvalidTenantName, InvalidTenantIdentifier, MissingParameter, MalformedRequest, UnsupportedGrantType, NoTenantInformation,
        InvalidUserNameOrPassword, UserAccountNotFound, UserUnauthorized, UserDisabled,
        ApplicationNotFound, ApplicationDisabled, InvalidClientSecret, MissingClientCredential, ClientSecretExpired, PublicClientWithCredential,
        InvalidScope, MultipleResources, ClientCredentialsNeedDefaultScope, ResourceNotFound, ConsentRequired,
        InvalidGrant, RefreshTokenRevoked, RefreshTokenInactive, PostRequired, TransientError,
    ];

    public static AadError TenantNotFound(string tenant) => InvalidTenantName.With(
        $"Tenant '{tenant}' not found. Check to make sure you have the correct tenant ID and are signing into the correct cloud. Check with your subscription administrator, this may happen if there are no active subscriptions for the tenant.");

    public static AadError TenantIdentifierInvalid(string tenant) => InvalidTenantIdentifier.With(
        $"Specified tenant identifier '{tenant}' is neither a valid DNS name, nor a valid external domain.");

    public static AadError MissingRequiredParameter(string name) => MissingParameter.With(
        $"The request body must contain the following parameter: '{name}'.");

    public static AadError Malformed() => MalformedRequest.With("Invalid request. Request is malformed or invalid.");

    public static AadError GrantTypeNotSupported(string grantType) => UnsupportedGrantType.With(
        $"The app requested an unsupported grant type '{grantType}'.");

    public static AadError TenantRequired() => NoTenantInformation.With(
        "No tenant-identifying information found in either the request or implied by any provided credentials.");

    public static AadError WrongPassword() => InvalidUserNameOrPassword.With(
        "Error validating credentials due to invalid username or password.");

    // Entra sends the literal placeholder rather than the account name.
    public static AadError UserNotFound(string tenantName) => UserAccountNotFound.With(
        $"The user account {{EmailHidden}} does not exist in the {tenantName} directory. To sign into this application, the account must be added to the directory.");

    public static AadError UserNotInTenant(string upn, string identityProvider, string tenantName, Guid appId, string appName) => UserUnauthorized.With(
        $"User account '{upn}' from identity provider '{identityProvider}' does not exist in tenant '{tenantName}' and cannot access the application '{appId}'({appName}) in that tenant. The account needs to be added as an external user in the tenant first. Sign out and sign in again with a different Azure Active Directory user account.");

    public static AadError AccountDisabled() => UserDisabled.With("The user account is disabled.");

    public static AadError AppNotFound(string appId, string tenant) => ApplicationNotFound.With(
        $"Application with identifier '{appId}' was not found in the directory '{tenant}'. This can happen if the application has not been installed by the administrator of the tenant or consented to by any user in the tenant. You may have sent your authentication request to the wrong tenant.");

    public static AadError AppDisabled(Guid appId, string appName) => ApplicationDisabled.With($"Application '{appId}'({appName}) is disabled.");

    public static AadError SecretInvalid(Guid appId) => InvalidClientSecret.With(
        $"Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, not the client secret ID, for a secret added to app '{appId}'.");

    public static AadError CredentialMissing() => MissingClientCredential.With(
        "The request body must contain the following parameter: 'client_assertion' or 'client_secret'.");

    public static AadError SecretExpired(Guid appId) => ClientSecretExpired.With(
        $"The provided client secret keys for app '{appId}' are expired. Visit the Azure portal to create new keys for your app: https://aka.ms/NewClientSecret, or consider using certificate credentials for added security: https://aka.ms/certCreds.");

    public static AadError PublicClientSentCredential() => PublicClientWithCredential.With(
        "Client is public so neither 'client_assertion' nor 'client_secret' should be presented.");

    public static AadError ScopeMissing() => InvalidScope.With("The provided request must include a 'scope' input parameter.");

    public static AadError ScopeNotValid(string scope) => InvalidScope.With(
        $"The provided value for the input parameter 'scope' is not valid. The scope {scope} is not valid.");

    public static AadError DefaultScopeCombined(string scope) => InvalidScope.With(
        $"The provided value for the input parameter 'scope' is not valid. The scope {scope} is not valid. .default scope can't be combined with resource-specific scopes.");

    public static AadError ScopeSpansResources(string scope) => MultipleResources.With(
        $"Provided value for the input parameter scope is not valid because it contains more than one resource. Scope {scope} is not valid.");

    public static AadError ClientCredentialsScope(string scope) => ClientCredentialsNeedDefaultScope.With(
        $"The provided value for scope {scope} is not valid. Client credential flows must have a scope value with /.default suffixed to the resource identifier (application ID URI).");

    public static AadError ResourcePrincipalNotFound(string resource, string tenantName) => ResourceNotFound.With(
        $"The resource principal named {resource} was not found in the tenant named {tenantName}. This can happen if the application has not been installed by the administrator of the tenant or consented to by any user in the tenant. You might have sent your authentication request to the wrong tenant.");

    public static AadError NotConsented(Guid appId, string appName) => ConsentRequired.With(
        $"The user or administrator has not consented to use the application with ID '{appId}' named '{appName}'. Send an interactive authorization request for this user and resource.");

    public static AadError RefreshTokenNotValid() => InvalidGrant.With(
        "The provided value for the input parameter 'refresh_token' or 'assertion' is not valid.");

    public static AadError RefreshTokenRevokedFor(DateTimeOffset issued, DateTimeOffset validFrom) => RefreshTokenRevoked.With(
        $"The provided grant has expired due to it being revoked, a fresh auth token is needed. The user might have changed or reset their password. The grant was issued on '{issued.UtcDateTime:yyyy-MM-ddTHH:mm:ss.fffffffZ}' and the TokensValidFrom date (before which tokens are not valid) for this user is '{validFrom.UtcDateTime:yyyy-MM-ddTHH:mm:ss.fffffffZ}'.");

    public static AadError RefreshTokenExpired(DateTimeOffset issued, TimeSpan maxInactive) => RefreshTokenInactive.With(
        $"The refresh token has expired due to inactivity. The token was issued on {issued.UtcDateTime:yyyy-MM-ddTHH:mm:ss.fffffffZ} and was inactive for {maxInactive:d\\.hh\\:mm\\:ss}.");

    public static AadError OnlyPost(string method) => PostRequired.With($"The endpoint only accepts POST requests. Received a {method} request.");

    public static AadError Unexpected() => TransientError.With("A transient error has occurred. Please try again. (FakeEntra hit an unexpected error; see its log.)");

    /// <summary>The discovery and key endpoints name an unknown tenant <c>invalid_tenant</c>; the token endpoint says <c>invalid_request</c>.</summary>
    public static AadError ForMetadata(AadError error) =>
        error.Code is 90002 or 900023 ? error with { Definition = error.Definition with { Error = "invalid_tenant" } } : error;
}

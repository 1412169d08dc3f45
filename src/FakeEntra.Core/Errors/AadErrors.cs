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
    public static readonly AadErrorDefinition QueryStringTooLong = new(90015, "QueryStringTooLong", "invalid_request", BadRequest);
    public static readonly AadErrorDefinition InvalidRequest = new(90023, "InvalidRequest", "invalid_request", BadRequest);
    public static readonly AadErrorDefinition UnsupportedGrantType = new(70003, "UnsupportedGrantType", "unsupported_grant_type", BadRequest);
    public static readonly AadErrorDefinition NoTenantInformation = new(50059, "MissingTenantRealmAndNoUserInformationProvided", "invalid_request", BadRequest);
    public static readonly AadErrorDefinition InvalidUserNameOrPassword = new(50126, "InvalidUserNameOrPassword", "invalid_grant", BadRequest);
    public static readonly AadErrorDefinition UserAccountNotFound = new(50034, "UserAccountNotFound", "invalid_grant", BadRequest);
    public static readonly AadErrorDefinition UserUnauthorized = new(50020, "UserUnauthorized", "invalid_grant", BadRequest);
    public static readonly AadErrorDefinition UserDisabled = new(50057, "UserDisabled", "invalid_grant", BadRequest);
    public static readonly AadErrorDefinition IdsLocked = new(50053, "IdsLocked", "invalid_grant", BadRequest);
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
    public static readonly AadErrorDefinition InvalidReplyTo = new(50011, "InvalidReplyTo", "invalid_request", BadRequest);
    public static readonly AadErrorDefinition InvalidRequestParameter = new(90100, "InvalidRequestParameter", "invalid_request", BadRequest);
    public static readonly AadErrorDefinition ResponseTypeNotEnabled = new(700054, "ResponseTypeNotEnabled", "unsupported_response_type", BadRequest);
    public static readonly AadErrorDefinition UnsupportedResponseType = new(70005, "UnsupportedResponseType", "unsupported_response_type", BadRequest);
    public static readonly AadErrorDefinition UnsupportedResponseMode = new(70007, "UnsupportedResponseMode", "invalid_request", BadRequest);
    public static readonly AadErrorDefinition InvalidCodeChallengeMethod = new(50149, "InvalidCodeChallengeMethod", "invalid_request", BadRequest);
    public static readonly AadErrorDefinition InvalidCodeChallenge = new(501491, "InvalidCodeChallenge", "invalid_request", BadRequest);
    public static readonly AadErrorDefinition UserInformationNotProvided = new(50058, "UserInformationNotProvided", "login_required", BadRequest);
    public static readonly AadErrorDefinition SelectUserAccount = new(16000, "SelectUserAccount", "interaction_required", BadRequest);
    public static readonly AadErrorDefinition CodeAlreadyRedeemed = new(54005, "AuthorizationCodeAlreadyRedeemed", "invalid_grant", BadRequest);
    public static readonly AadErrorDefinition ExpiredOrRevokedGrant = new(70008, "ExpiredOrRevokedGrant", "invalid_grant", BadRequest);
    public static readonly AadErrorDefinition CodeVerifierMismatch = new(501481, "CodeVerifierMismatch", "invalid_grant", BadRequest);
    public static readonly AadErrorDefinition CodeVerifierMissing = new(50148, "CodeVerifierMissing", "invalid_grant", BadRequest);
    public static readonly AadErrorDefinition ReplyAddressMismatch = new(500112, "ReplyAddressMismatch", "invalid_grant", BadRequest);
    public static readonly AadErrorDefinition GrantForOtherTenant = new(700005, "InvalidGrantRedeemAgainstWrongTenant", "invalid_grant", BadRequest);
    public static readonly AadErrorDefinition AuthorizationPending = new(70016, "AuthorizationPending", "authorization_pending", BadRequest);
    public static readonly AadErrorDefinition DeviceCodeExpired = new(70020, "DeviceCodeExpired", "expired_token", BadRequest);
    /// <summary>The person said no: <c>authorization_declined</c> to a device's polling, <c>access_denied</c> + <c>error_subcode=cancel</c> at a redirect.</summary>
    public static readonly AadErrorDefinition UserDeclinedConsent = new(65004, "UserDeclinedConsent", "authorization_declined", BadRequest);
    public static readonly AadErrorDefinition BadVerificationCode = new(70018, "BadVerificationCode", "bad_verification_code", BadRequest);
    public static readonly AadErrorDefinition SlowDown = new(50196, "LoopDetected", "slow_down", BadRequest);
    public static readonly AadErrorDefinition DeviceFlowAlreadyUsed = new(90120, "InvalidDeviceFlowRequest", "invalid_grant", BadRequest);
    public static readonly AadErrorDefinition AssertionAudienceMismatch = new(500131, "AssertionAudienceDoesNotMatch", "invalid_grant", BadRequest);
    public static readonly AadErrorDefinition AssertionExpired = new(500133, "AssertionExpired", "invalid_grant", BadRequest);
    public static readonly AadErrorDefinition AssertionSignatureInvalid = new(50013, "InvalidAssertion", "invalid_grant", BadRequest);
    public static readonly AadErrorDefinition AssertionMalformed = new(50027, "InvalidJwtToken", "invalid_request", BadRequest);
    public static readonly AadErrorDefinition NotAllowedByOutboundPolicy = new(500212, "NotAllowedByOutboundPolicyTenant", "invalid_grant", BadRequest);
    public static readonly AadErrorDefinition NotAllowedByInboundPolicy = new(500213, "NotAllowedByInboundPolicyTenant", "invalid_grant", BadRequest);
    public static readonly AadErrorDefinition NotAllowedByTenantRestrictions = new(5000211, "NotAllowedTenantRestrictionsV2Tenant", "invalid_grant", BadRequest);
    public static readonly AadErrorDefinition MfaRequired = new(50076, "UserStrongAuthClientAuthNRequired", "interaction_required", BadRequest, "basic_action");
    public static readonly AadErrorDefinition MfaEnrollmentRequired = new(50079, "UserStrongAuthEnrollmentRequired", "interaction_required", BadRequest, "basic_action");
    public static readonly AadErrorDefinition DeviceNotCompliant = new(53000, "DeviceNotCompliant", "interaction_required", BadRequest);
    public static readonly AadErrorDefinition DeviceNotDomainJoined = new(53001, "DeviceNotDomainJoined", "interaction_required", BadRequest);
    public static readonly AadErrorDefinition BlockedByConditionalAccess = new(53003, "BlockedByConditionalAccess", "interaction_required", BadRequest, "message_only");
    public static readonly AadErrorDefinition PassThroughUserMfaError = new(90072, "PassThroughUserMfaError", "invalid_grant", BadRequest);
    public static readonly AadErrorDefinition StrongAuthenticationFailed = new(500121, "AuthenticationFailedDuringStrongAuthRequest", "invalid_grant", BadRequest);

    /// <summary>Every code above, for documentation and tests.</summary>
    public static IReadOnlyList<AadErrorDefinition> All { get; } =
    [
        InvalidTenantName, InvalidTenantIdentifier, MissingParameter, MalformedRequest, QueryStringTooLong, InvalidRequest, UnsupportedGrantType, NoTenantInformation,
        InvalidUserNameOrPassword, UserAccountNotFound, UserUnauthorized, UserDisabled, IdsLocked,
        ApplicationNotFound, ApplicationDisabled, InvalidClientSecret, MissingClientCredential, ClientSecretExpired, PublicClientWithCredential,
        InvalidScope, MultipleResources, ClientCredentialsNeedDefaultScope, ResourceNotFound, ConsentRequired,
        InvalidGrant, RefreshTokenRevoked, RefreshTokenInactive, PostRequired, TransientError,
        InvalidReplyTo, InvalidRequestParameter, ResponseTypeNotEnabled, UnsupportedResponseType, UnsupportedResponseMode,
        InvalidCodeChallengeMethod, InvalidCodeChallenge, UserInformationNotProvided, SelectUserAccount,
        CodeAlreadyRedeemed, ExpiredOrRevokedGrant, CodeVerifierMismatch, CodeVerifierMissing, ReplyAddressMismatch, GrantForOtherTenant,
        AuthorizationPending, DeviceCodeExpired, UserDeclinedConsent, BadVerificationCode, SlowDown, DeviceFlowAlreadyUsed,
        AssertionAudienceMismatch, AssertionExpired, AssertionSignatureInvalid, AssertionMalformed,
        NotAllowedByOutboundPolicy, NotAllowedByInboundPolicy, NotAllowedByTenantRestrictions, MfaRequired, MfaEnrollmentRequired,
        DeviceNotCompliant, DeviceNotDomainJoined, BlockedByConditionalAccess, PassThroughUserMfaError, StrongAuthenticationFailed,
    ];

    public static AadError TenantNotFound(string tenant) => InvalidTenantName.With(
        $"Tenant '{tenant}' not found. Check to make sure you have the correct tenant ID and are signing into the correct cloud. Check with your subscription administrator, this may happen if there are no active subscriptions for the tenant.");

    public static AadError TenantIdentifierInvalid(string tenant) => InvalidTenantIdentifier.With(
        $"Specified tenant identifier '{tenant}' is neither a valid DNS name, nor a valid external domain.");

    public static AadError MissingRequiredParameter(string name) => MissingParameter.With(
        $"The request body must contain the following parameter: '{name}'.");

    public static AadError Malformed() => MalformedRequest.With("Invalid request. Request is malformed or invalid.");

    public static AadError QueryTooLong(int maxLength) => QueryStringTooLong.With($"Requested query string is too long. FakeEntra accepts at most {maxLength} characters.");

    public static AadError RequestTooLarge(int maxBytes) => InvalidRequest.With(
        $"The authentication service request is not valid. Its body is larger than the {maxBytes} bytes FakeEntra accepts.");

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

    // Smart lockout; the same answer whether or not the password (or one-time code) was right.
    public static AadError AccountLocked() => IdsLocked.With(
        "The account is locked, you've tried to sign in too many times with an incorrect user ID or password.");

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

    public static AadError ScopeTooLong(int maxLength) => InvalidScope.With(
        $"The provided value for the input parameter 'scope' is not valid. It is longer than {maxLength} characters.");

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

    public static AadError RedirectUriNotRegistered(string redirectUri, Guid appId) => InvalidReplyTo.With(
        $"The redirect URI '{redirectUri}' specified in the request does not match the redirect URIs configured for the application '{appId}'. Make sure the redirect URI sent in the request matches one added to your application in the Azure portal. Navigate to https://aka.ms/redirectUriMismatchError to learn more about how to fix this.");

    public static AadError RedirectUriWithFragment(Guid appId) => InvalidReplyTo.With(
        $"The redirect URI specified in the request for the application '{appId}' contains a fragment ('#'), which a redirect URI cannot have. Send the redirect URI exactly as registered, without a fragment.");

    public static AadError ParameterNotValid(string name, string? reason = null) =>
        InvalidRequestParameter.With($"{name} parameter is empty or not valid.{(reason is null ? "" : $" {reason}")}");

    public static AadError IdTokenNotEnabled() => ResponseTypeNotEnabled.With(
        "response_type 'id_token' is not enabled for the application. Enable ID tokens (web.implicitGrantSettings.enableIdTokenIssuance) in the app registration.");

    public static AadError ResponseTypeNotSupported(string responseType) => UnsupportedResponseType.With($"response_type '{responseType}' is not enabled for the application.");

    public static AadError QueryModeWithToken() => UnsupportedResponseMode.With("'query' is not a supported value of 'response_mode' when requesting a token.");

    public static AadError ResponseModeNotSupported(string mode) => UnsupportedResponseMode.With($"'{mode}' is not a supported value of 'response_mode'.");

    public static AadError CodeChallengeMethodNotValid() => InvalidCodeChallengeMethod.With(
        "Invalid Code_Challenge_method parameter. Public clients must use 'S256'.");

    public static AadError CodeChallengeNotValid() => InvalidCodeChallenge.With("Invalid size of Code_Challenge parameter.");

    public static AadError NoSignedInUser() => UserInformationNotProvided.With("A silent sign-in request was sent but no user is signed in.");

    public static AadError AmbiguousAccount() => SelectUserAccount.With(
        "Either multiple user identities are available for the current request or selected account is not supported for the scenario.");

    public static AadError CodeRedeemed() => CodeAlreadyRedeemed.With(
        "OAuth2 Authorization code was already redeemed, please retry with a new valid code or use an existing refresh token.");

    public static AadError CodeExpired() => ExpiredOrRevokedGrant.With(
        "The provided authorization code or refresh token has expired due to inactivity. Send a new interactive authorization request for this user and resource.");

    public static AadError VerifierMismatch() => CodeVerifierMismatch.With("The Code_Verifier does not match the code_challenge supplied in the authorization request.");

    public static AadError VerifierMissing() => CodeVerifierMissing.With(
        "The code_verifier does not match the code_challenge supplied in the authorization request for PKCE.");

    public static AadError ReplyAddressDiffers(string sent, string original) => ReplyAddressMismatch.With(
        $"The reply address '{sent}' does not match the reply address '{original}' provided when requesting Authorization code.");

    public static AadError CodeForOtherTenant() => GrantForOtherTenant.With(
        "Provided Authorization Code is intended to use against other tenant, thus rejected.");

    public static AadError CodeForOtherClient() => InvalidGrant.With("The provided value for the input parameter 'code' is not valid.");

    public static AadError DevicePending() => AuthorizationPending.With("OAuth 2.0 device flow error. Authorization is pending. Continue polling.");

    public static AadError DeviceExpired() => DeviceCodeExpired.With(
        "The provided value for the input parameter 'device_code' is not valid. This device code has expired.");

    public static AadError DeviceDeclined() => UserDeclinedConsent.With("OAuth 2.0 device flow error. The user declined the authorization request.");

    public static AadError DeviceCodeUnknown() => BadVerificationCode.With("The provided value for the input parameter 'device_code' is not valid.");

    public static AadError PollingTooFast(int interval) => SlowDown.With(
        $"The server terminated an operation because it encountered a loop while processing a request. Poll no more often than every {interval} seconds.");

    public static AadError DeviceCodeUsed() => DeviceFlowAlreadyUsed.With("The request was already authorized or declined.");

    public static AadError AssertionForOtherAudience(string audience, Guid appId, string appName) => AssertionAudienceMismatch.With(
        $"Assertion audience does not match the Client app presenting the assertion. The audience in the assertion was '{audience}' and the expected audience is '{appId}' or one of the Application Uris of this application with App ID '{appId}'({appName}). The downstream client must request a token for the expected audience (the application that made the OBO request) and this application should use that token as the assertion.");

    public static AadError AssertionOutOfTime(DateTimeOffset now, DateTime notBefore, DateTime expiry) => AssertionExpired.With(
        $"Assertion is not within its valid time range. Ensure that the access token is not expired before using it for user assertion, or request a new token. Current time: {now.UtcDateTime:yyyy-MM-ddTHH:mm:ss.fffffffZ}, not before time of assertion {notBefore:yyyy-MM-ddTHH:mm:ss.fffffffZ}, expiry time of assertion {expiry:yyyy-MM-ddTHH:mm:ss.fffffffZ}.");

    // Entra's wording for this case is not public; the code is the one it uses for assertions it will not accept.
    public static AadError AssertionNotUserAccessToken() => AssertionSignatureInvalid.With(
        "Assertion is not a user's access token. An on-behalf-of request needs the access token the calling application received for itself; ID tokens and app-only tokens are not accepted.");

    public static AadError AssertionBadSignature() => AssertionSignatureInvalid.With(
        "Assertion failed signature validation. [Reason - The provided signature value did not match the expected signature value.]");

    public static AadError AssertionNotJwt() => AssertionMalformed.With("JWT token is invalid or malformed.");

    public static AadError OutboundPolicyBlocks() => NotAllowedByOutboundPolicy.With(
        "The user's administrator has set an outbound access policy that does not allow access to the resource tenant.");

    public static AadError InboundPolicyBlocks() => NotAllowedByInboundPolicy.With(
        "The resource tenant's cross-tenant access policy does not allow this user to access this tenant.");

    public static AadError TenantRestrictionsBlock(string tenant) => NotAllowedByTenantRestrictions.With(
        $"A tenant restrictions policy added to this request by a device or network administrator does not allow access to '{tenant}'.");

    public static AadError MfaNeeded(Guid resource) => MfaRequired.With(
        $"Due to a configuration change made by your administrator, or because you moved to a new location, you must use multi-factor authentication to access '{resource}'.");

    public static AadError MfaEnrollmentNeeded(Guid resource) => MfaEnrollmentRequired.With(
        $"Due to a configuration change made by your administrator, or because you moved to a new location, you must enroll in multi-factor authentication to access '{resource}'.");

    public static AadError DeviceMustBeCompliant() => DeviceNotCompliant.With(
        "Device is not in required device state: compliant. Conditional Access policy requires a compliant device, and the device is not compliant. The user must enroll their device with an approved MDM provider like Intune.");

    public static AadError DeviceMustBeDomainJoined() => DeviceNotDomainJoined.With(
        "Device is not in required device state: domain_joined. Conditional Access policy requires a domain joined device, and the device is not domain joined.");

    public static AadError ConditionalAccessBlocks() => BlockedByConditionalAccess.With(
        "Access has been blocked by Conditional Access policies. The access policy does not allow token issuance.");

    public static AadError ExternalUserCannotSatisfyMfa() => PassThroughUserMfaError.With(
        "The external account that the user signs in with does not exist on the tenant that they signed into; so the user can't satisfy the MFA requirements for the tenant.");

    public static AadError WrongOneTimeCode() => StrongAuthenticationFailed.With("Authentication failed during strong authentication request.");

    public static AadError PrivacyConsentMissing(string organization) => ConsentRequired.With(
        $"The user has not accepted the privacy statement of '{organization}', which B2B direct connect requires once. Sign in interactively to review and accept it (or, for FakeEntra, pass fakeentra_privacy_consent=accept).");

    /// <summary>Entra's words when the person cancels a consent (here: the resource organization's privacy statement).</summary>
    public static AadError ConsentDeclined() => UserDeclinedConsent.With("User declined to consent to access the app.");

    public static AadError OnlyPost(string method) => PostRequired.With($"The endpoint only accepts POST requests. Received a {method} request.");

    public static AadError Unexpected() => TransientError.With("A transient error has occurred. Please try again. (FakeEntra hit an unexpected error; see its log.)");

    /// <summary>The discovery and key endpoints name an unknown tenant <c>invalid_tenant</c>; the token endpoint says <c>invalid_request</c>.</summary>
    public static AadError ForMetadata(AadError error) =>
        error.Code is 90002 or 900023 ? error with { Definition = error.Definition with { Error = "invalid_tenant" } } : error;
}

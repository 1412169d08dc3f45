namespace FakeEntra.Core.Tokens;

/// <summary>
/// One line per claim and header field Entra puts in its tokens (Microsoft's access token and ID token claims references):
/// shared by the token inspector page and the samples that explain a token.
/// </summary>
public static class ClaimMeanings
{
    public static readonly IReadOnlyDictionary<string, string> Header = new Dictionary<string, string>
    {
        ["typ"] = "Token type: always JWT.",
        ["alg"] = "Signing algorithm, e.g. RS256.",
        ["kid"] = "Id of the signing key in the tenant's JWKS (discovery/v2.0/keys).",
        ["x5t"] = "Thumbprint of the signing key's certificate (same as kid in v1 tokens).",
        ["nonce"] = "Graph tokens only: a value hashed before signing; such tokens are for Graph, not for you to validate.",
    };

    public static readonly IReadOnlyDictionary<string, string> Claims = new Dictionary<string, string>
    {
        ["aud"] = "Audience: the app (client id or App ID URI) the token is for; a resource must reject any other.",
        ["iss"] = "Issuer: the security token service and tenant that issued the token.",
        ["iat"] = "Issued at (Unix time).",
        ["nbf"] = "Not before: the token is invalid before this time (Unix time).",
        ["exp"] = "Expiry: the token is invalid from this time on (Unix time).",
        ["aio"] = "Opaque, internal data Entra records for token reuse; do not use.",
        ["acr"] = "v1 only: authentication context class, 0 when the user did not meet the requirements.",
        ["acrs"] = "Authentication context ids (Conditional Access) the user satisfied.",
        ["amr"] = "How the user authenticated: pwd, mfa, otp, rsa, ...",
        ["appid"] = "v1: the client id of the app that requested the token.",
        ["azp"] = "v2: the client id of the app that requested the token.",
        ["appidacr"] = "v1: how the client authenticated: 0 public client, 1 client secret, 2 certificate.",
        ["azpacr"] = "v2: how the client authenticated: 0 public client, 1 client secret, 2 certificate.",
        ["idp"] = "Identity provider that authenticated the subject, when not the issuing tenant (guests, external users).",
        ["idtyp"] = "Token subject kind: app for app-only tokens, user for delegated ones (optional claim).",
        ["name"] = "The user's display name; for display only, never for authorization.",
        ["given_name"] = "The user's given name.",
        ["family_name"] = "The user's surname.",
        ["upn"] = "User principal name; can change, so never key data on it.",
        ["unique_name"] = "v1: a human-readable name of the subject; for display only.",
        ["preferred_username"] = "The user's primary username (often an email or UPN); mutable, for display only.",
        ["email"] = "The user's email address, when the user has one.",
        ["oid"] = "The object id of the user or service principal in the issuing tenant: the stable id to key data on (with tid).",
        ["sub"] = "Subject: unique per user and app (pairwise); stable for that app.",
        ["tid"] = "The tenant the user is signing in to (the resource tenant), not necessarily the user's home tenant.",
        ["scp"] = "Delegated permissions (scopes) granted to the app for this user, space-separated.",
        ["roles"] = "App roles assigned to the user or, in app-only tokens, application permissions granted to the client.",
        ["wids"] = "Directory role templates assigned to the user (tenant-wide admin roles).",
        ["groups"] = "Object ids of the user's groups (when the app asks for group claims).",
        ["hasgroups"] = "The user is in too many groups to list; call Graph instead.",
        ["uti"] = "Token identifier: unique per token; Entra uses it to revoke a token.",
        ["rh"] = "Opaque, internal data Entra uses to revalidate tokens; do not use.",
        ["ver"] = "Token version: 1.0 or 2.0.",
        ["nonce"] = "ID token: the nonce the app sent in the authorize request, to detect replays.",
        ["c_hash"] = "ID token: hash of the authorization code returned with it.",
        ["at_hash"] = "ID token: hash of the access token returned with it.",
        ["auth_time"] = "When the user last entered credentials (Unix time).",
        ["sid"] = "Session id: the user's sign-in session, used for front-channel sign-out.",
        ["login_hint"] = "An opaque, reliable hint to sign this user in again (optional claim).",
        ["xms_tcdt"] = "When the tenant was created (Unix time).",
        ["xms_pdl"] = "Preferred data location (multi-geo tenants).",
        ["xms_cc"] = "Client capabilities the app declared, e.g. cp1 for continuous access evaluation.",
        ["xms_ssm"] = "Internal session state; do not use.",
        ["ctry"] = "The user's country or region (optional claim).",
        ["tenant_region_scope"] = "The region of the resource tenant (optional claim).",
        ["home_oid"] = "Guests: the user's object id in their home tenant (optional claim).",
        ["deviceid"] = "The Entra device id the user signed in from, when known.",
        ["ipaddr"] = "The IP address the user authenticated from.",
        ["onprem_sid"] = "The user's on-premises security identifier, for synced users.",
        ["pwd_exp"] = "Seconds until the user's password expires.",
        ["pwd_url"] = "Where the user can reset their password.",
        ["verified_primary_email"] = "Verified primary email addresses of the user.",
        ["acct"] = "User account status: 0 member, 1 guest (optional claim).",
    };
}

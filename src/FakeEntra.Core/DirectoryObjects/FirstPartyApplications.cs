namespace FakeEntra.Core.DirectoryObjects;

/// <summary>
/// The apps that exist in every world: Microsoft's (a tenant uses one once a scenario gives it a service principal) and
/// FakeEntra's own admin console (present in every tenant, as Microsoft's admin center is).
/// </summary>
public static class FirstPartyApplications
{
    public static readonly Guid MicrosoftGraphAppId = new("00000003-0000-0000-c000-000000000000");
    public const string MicrosoftGraphResource = "https://graph.microsoft.com";

    public static Application MicrosoftGraph { get; } = new()
    {
        Id = new("a8d1a3b4-4c21-4c8e-9e3d-0b5b0c0f0003"),
        AppId = MicrosoftGraphAppId,
        DisplayName = "Microsoft Graph",
        SignInAudience = SignInAudiences.MultipleOrgs,
        IdentifierUris = [MicrosoftGraphResource, "https://graph.microsoft.com/", "00000003-0000-0000-c000-000000000000"],
        // FakeEntra's Graph tokens are v2 JWTs it can validate itself (real Graph tokens are proprietary).
        Api = new()
        {
            RequestedAccessTokenVersion = 2,
            Oauth2PermissionScopes =
            [
                Scope("e1fe6dd8-ba31-4d61-89e7-88639da4683d", "User.Read", "User"),
                Scope("572fea84-0151-49b2-9301-11cb16974376", "Policy.Read.All", "Admin"),
                Scope("014b43d0-6ed4-4fc6-84dc-4b6f7bae7d85", "Policy.ReadWrite.CrossTenantAccess", "Admin"),
                Scope("ad902697-1014-4ef5-81ef-2b4301988e8c", "Policy.ReadWrite.ConditionalAccess", "Admin"),
                Scope("e4c9e354-4dc5-45b8-9e7c-e1393b0b1a20", "AuditLog.Read.All", "Admin"),
                Scope("204e0828-b5ca-4ad8-b9f3-f32a958e7cc4", "User.ReadWrite.All", "Admin"),
                Scope("4e46008b-f24c-477d-8fff-7bb4ec7aafe0", "Group.ReadWrite.All", "Admin"),
                Scope("06da0dbc-49e2-44d2-8312-53f166ab848a", "Directory.Read.All", "Admin"),
            ],
        },
        AppRoles =
        [
            Role("246dd0d5-5bd0-4def-940b-0421030a5b68", "Policy.Read.All"),
            Role("338163d7-f101-4c92-94ba-ca46fe52447c", "Policy.ReadWrite.CrossTenantAccess"),
            Role("01c0a623-fc9b-48e9-b794-0756f8e8f067", "Policy.ReadWrite.ConditionalAccess"),
            Role("b0afded3-3588-46d8-8b3d-9842eff778da", "AuditLog.Read.All"),
            Role("741f803b-c850-494e-b5df-cde7c675a1ca", "User.ReadWrite.All"),
            Role("62a82d76-70ea-41e2-9197-370581804d09", "Group.ReadWrite.All"),
            Role("7ab1d382-f21e-4acd-a863-ba3e13f7da61", "Directory.Read.All"),
        ],
    };

    public static readonly Guid AdminConsoleAppId = new("f3a0c6d2-7b1e-4c59-8e2a-5d4b9c1e0a77");
    public const string AdminConsoleRedirectPath = "/admin/signin-oidc";

    /// <summary>The Graph scopes the admin console asks for; what a call may do with them is still the signed-in user's directory role.</summary>
    public static IReadOnlyList<string> AdminConsoleScopes { get; } =
    [
        "Policy.Read.All", "Policy.ReadWrite.CrossTenantAccess", "Policy.ReadWrite.ConditionalAccess", "AuditLog.Read.All",
        "User.ReadWrite.All", "Group.ReadWrite.All", "Directory.Read.All",
    ];

    /// <summary>
    /// FakeEntra's admin console, which signs in with code and PKCE. It is a public client: it runs inside FakeEntra, where a
    /// secret would protect nothing that PKCE and <c>state</c> do not. Its redirect URI is a path: FakeEntra's own apps live on
    /// FakeEntra's origin, whichever it is.
    /// </summary>
    public static Application AdminConsole { get; } = new()
    {
        Id = new("0b7d4e19-3c8a-4f6e-a2d5-9e1f7c3b5a88"),
        AppId = AdminConsoleAppId,
        DisplayName = "FakeEntra admin console",
        SignInAudience = SignInAudiences.MultipleOrgs,
        IsFallbackPublicClient = true,
        Web = new() { RedirectUris = [AdminConsoleRedirectPath] },
    };

    public static IReadOnlyList<Application> All { get; } = [MicrosoftGraph, AdminConsole];

    /// <summary>The service principal a first-party app has in a tenant that declares none: the admin console's, in every tenant.</summary>
    public static ServicePrincipal? ProvisionedServicePrincipal(Guid tenantId, Guid appId) =>
        appId == AdminConsoleAppId
            ? new ServicePrincipal { Id = Scenarios.StableGuid.From("servicePrincipal", tenantId, appId), AppId = appId, DisplayName = AdminConsole.DisplayName }
            : null;

    /// <summary>
    /// Delegated scopes a resource pre-authorizes for a client (Graph's <c>api.preAuthorizedApplications</c>): no consent is
    /// asked for them. Microsoft Graph pre-authorizes the admin console's scopes.
    /// </summary>
    public static IReadOnlyList<string> PreAuthorizedScopes(Guid clientAppId, Guid resourceAppId) =>
        clientAppId == AdminConsoleAppId && resourceAppId == MicrosoftGraphAppId ? AdminConsoleScopes : [];

    private static PermissionScope Scope(string id, string value, string type) => new() { Id = new(id), Value = value, Type = type };
    private static AppRole Role(string id, string value) => new() { Id = new(id), Value = value, AllowedMemberTypes = ["Application"] };
}

using FakeEntra.Core.DirectoryObjects;
using FakeEntra.Core.Monitoring;
using FakeEntra.Server.Token;

namespace FakeEntra.Server.Graph;

/// <summary>What a Graph call is allowed: a permission by its application-permission and delegated-scope names, and the directory roles that may use it.</summary>
public sealed record GraphPermission(string Name, IReadOnlyList<string> Permissions, IReadOnlyList<Guid> Roles)
{
    private static readonly Guid[] Readers = [DirectoryRoleTemplates.GlobalAdministrator, DirectoryRoleTemplates.GlobalReader, DirectoryRoleTemplates.SecurityAdministrator, DirectoryRoleTemplates.SecurityReader];

    public static readonly GraphPermission ReadPolicies = new("read policies", ["Policy.Read.All", "Policy.ReadWrite.CrossTenantAccess", "Policy.ReadWrite.ConditionalAccess"], Readers);
    public static readonly GraphPermission WriteCrossTenantAccess = new("change cross-tenant access settings", ["Policy.ReadWrite.CrossTenantAccess"],
        [DirectoryRoleTemplates.GlobalAdministrator, DirectoryRoleTemplates.SecurityAdministrator]);
    public static readonly GraphPermission WriteConditionalAccess = new("change Conditional Access policies", ["Policy.ReadWrite.ConditionalAccess"],
        [DirectoryRoleTemplates.GlobalAdministrator, DirectoryRoleTemplates.SecurityAdministrator, DirectoryRoleTemplates.ConditionalAccessAdministrator]);

    public static readonly GraphPermission InviteGuests = new("invite guests", ["User.Invite.All", "User.ReadWrite.All", "Directory.ReadWrite.All"],
        [DirectoryRoleTemplates.GlobalAdministrator, DirectoryRoleTemplates.UserAdministrator]);

    public static readonly GraphPermission WriteUsers = new("change users", ["User.ReadWrite.All", "Directory.ReadWrite.All"],
        [DirectoryRoleTemplates.GlobalAdministrator, DirectoryRoleTemplates.UserAdministrator]);

    public static readonly GraphPermission WriteGroups = new("change groups", ["Group.ReadWrite.All", "Directory.ReadWrite.All"],
        [DirectoryRoleTemplates.GlobalAdministrator, DirectoryRoleTemplates.UserAdministrator]);

    public static readonly GraphPermission ReadDirectory = new("read the directory", ["Directory.Read.All", "User.ReadWrite.All", "Group.ReadWrite.All"],
        [.. Readers, DirectoryRoleTemplates.UserAdministrator]);

    public static readonly GraphPermission LookUpExternalUsers = new("look up external users", ["User.Read", "User.ReadBasic.All", "User.Read.All", "Directory.Read.All", "User.ReadWrite.All"], []);

    public static readonly GraphPermission ReadAuditLogs = new("read audit logs", ["AuditLog.Read.All"],
        [.. Readers, DirectoryRoleTemplates.ReportsReader]);
}

/// <summary>Who calls Graph: the tenant from the token's <c>tid</c>, app-only or a user with scopes and directory roles.</summary>
public sealed record GraphCaller(TenantDirectory Tenant, bool AppOnly, IReadOnlySet<string> Permissions, IReadOnlyList<Guid> DirectoryRoles, AuditActivityInitiator Initiator)
{
    /// <summary>The request's correlation id, which the audit rows of its changes carry.</summary>
    public Guid CorrelationId { get; init; }

    /// <summary>App-only: the application permission; delegated: the scope and a directory role that carries it.</summary>
    public void Require(GraphPermission permission)
    {
        var granted = permission.Permissions.Any(Permissions.Contains);
        // A permission without roles is one any signed-in user may use with the scope.
        if (!granted || (!AppOnly && permission.Roles.Count > 0 && !permission.Roles.Any(DirectoryRoles.Contains))) throw GraphException.Forbidden();
    }

    public static GraphCaller Authenticate(HttpContext http, IssuedTokenReader reader, Issuance issuance)
    {
        var header = http.Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)) throw GraphException.Unauthorized("Access token is empty.");
        return FromAccessToken(header["Bearer ".Length..].Trim(), http, reader, issuance);
    }

    /// <summary>The caller holding this access token: one of FakeEntra's, current, for Microsoft Graph.</summary>
    public static GraphCaller FromAccessToken(string token, HttpContext http, IssuedTokenReader reader, Issuance issuance)
    {
        var (jwt, tenant, problem) = reader.ReadAny(token, issuance);
        if (jwt is null || tenant is null) throw GraphException.Unauthorized("Access token validation failure. Invalid signature or issuer.");
        if (problem == IssuedTokenProblem.Expired) throw GraphException.Unauthorized("Lifetime validation failed, the token is expired.");
        if (problem == IssuedTokenProblem.NotYetValid) throw GraphException.Unauthorized("Lifetime validation failed, the token is not yet valid.");
        var audience = jwt.Audiences.FirstOrDefault();
        if (audience != FirstPartyApplications.MicrosoftGraphAppId.ToString("D") && audience != FirstPartyApplications.MicrosoftGraphResource)
            throw GraphException.Unauthorized("Invalid audience.");

        var appOnly = jwt.TryGetPayloadValue<string>("idtyp", out var idtyp) && idtyp == "app";
        var oid = jwt.TryGetPayloadValue<string>("oid", out var o) && Guid.TryParse(o, out var id) ? id : Guid.Empty;
        var appId = jwt.TryGetPayloadValue<string>("azp", out var azp) ? azp : "";
        if (appOnly)
        {
            var roles = jwt.TryGetPayloadValue<string[]>("roles", out var r) ? r : [];
            var app = Guid.TryParse(appId, out var a) ? issuance.Directory.FindApplication(a) : null;
            return new(tenant, true, roles.ToHashSet(StringComparer.OrdinalIgnoreCase), [],
                new(App: new AuditAppIdentity(appId, app?.DisplayName, oid.ToString("D"), app?.DisplayName)));
        }
        var scopes = (jwt.TryGetPayloadValue<string>("scp", out var scp) ? scp : "").Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var user = issuance.Directory.FindUser(tenant.Id, oid);
        // A user without an object in the tenant (a B2B direct connect user) holds no role there.
        var directoryRoles = user is null ? [] : issuance.Directory.RolesOf(tenant.Id, user.Id);
        return new(tenant, false, scopes.ToHashSet(StringComparer.OrdinalIgnoreCase), directoryRoles,
            new(User: new AuditUserIdentity(oid.ToString("D"), user?.DisplayName, user?.UserPrincipalName, http.Connection.RemoteIpAddress?.ToString())));
    }
}

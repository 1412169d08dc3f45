using FakeEntra.Core.DirectoryObjects;
using FakeEntra.Core.Errors;

namespace FakeEntra.Core.Tokens;

/// <summary>A resource as it exists in one tenant: the app and its service principal there.</summary>
public sealed record TenantResource(Application Application, ServicePrincipal ServicePrincipal);

/// <summary>What a client may receive for a resource in a tenant: application roles, consented delegated scopes, user roles.</summary>
public static class Permissions
{
    public static TenantResource FindResource(DirectorySnapshot directory, TenantDirectory tenant, string identifier)
    {
        var app = directory.FindResource(identifier);
        var sp = app is null ? null : directory.FindServicePrincipal(tenant.Id, app.AppId);
        if (app is null || sp is null) throw new AadException(AadErrors.ResourcePrincipalNotFound(identifier, tenant.Organization.DisplayName));
        return new(app, sp);
    }

    /// <summary>Values of the app roles assigned to the client's service principal on the resource.</summary>
    public static IReadOnlyList<string> ApplicationRoles(ServicePrincipal client, TenantResource resource) =>
        RoleValues(client.AppRoleAssignments, resource);

    /// <summary>Values of the app roles assigned to the user on the resource.</summary>
    public static IReadOnlyList<string> UserRoles(User user, TenantResource resource) => RoleValues(user.AppRoleAssignments, resource);

    /// <summary>
    /// The delegated scopes the token carries: every consented scope for <c>.default</c>, otherwise the requested ones,
    /// each of which must exist on the resource (AADSTS70011) and be consented (AADSTS65001).
    /// </summary>
    public static IReadOnlyList<string> DelegatedScopes(
        DirectorySnapshot directory, Guid tenantId, Application client, ServicePrincipal clientSp, TenantResource resource, Guid userId, ScopeRequest request)
    {
        var consented = directory.ConsentedScopes(tenantId, clientSp.Id, resource.ServicePrincipal.Id, userId);
        if (request.IsDefault)
        {
            var all = resource.Application.Api.Oauth2PermissionScopes.Where(s => s.IsEnabled && consented.Contains(s.Value)).Select(s => s.Value).ToList();
            if (all.Count == 0) throw new AadException(AadErrors.NotConsented(client.AppId, client.DisplayName));
            return all;
        }
        var granted = new List<string>(request.ResourceScopes.Count);
        foreach (var value in request.ResourceScopes)
        {
            var scope = resource.Application.FindScope(value) ?? throw new AadException(AadErrors.ScopeNotValid(request.Qualify(value)));
            if (!consented.Contains(scope.Value)) throw new AadException(AadErrors.NotConsented(client.AppId, client.DisplayName));
            granted.Add(scope.Value);
        }
        return granted;
    }

    private static List<string> RoleValues(IEnumerable<AppRoleAssignment> assignments, TenantResource resource) =>
        [.. assignments.Where(a => a.ResourceId == resource.ServicePrincipal.Id)
            .Select(a => resource.Application.FindRole(a.AppRoleId)?.Value)
            .OfType<string>()
            .Distinct()];
}

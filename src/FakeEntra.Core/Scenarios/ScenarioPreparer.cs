using FakeEntra.Core.DirectoryObjects;
using FakeEntra.Core.Security;

namespace FakeEntra.Core.Scenarios;

/// <summary>
/// Turns a validated scenario into what the directory stores: passwords and client secrets become hashes,
/// and ids the file leaves out become stable name-based GUIDs.
/// </summary>
public static class ScenarioPreparer
{
    public static IReadOnlyList<TenantDirectory> Prepare(Scenario scenario)
    {
        // One PBKDF2 derivation per distinct password of the file, not per user: a world of 100,000 users who share a
        // development password seeds in moments instead of minutes. Sharing a salt reveals nothing the file does not say in
        // plain text; passwords set later through Graph get their own salt.
        var hashes = new Dictionary<string, string>(StringComparer.Ordinal);
        return [.. scenario.Tenants.Select(t => Prepare(t, password => hashes.TryGetValue(password, out var hash) ? hash : hashes[password] = PasswordHasher.Hash(password)))];
    }

    private static TenantDirectory Prepare(TenantDirectory tenant, Func<string, string> hash) => tenant with
    {
        Users = [.. tenant.Users.Select(u => u with
        {
            PasswordProfile = null,
            PasswordHash = u.PasswordProfile is { } profile ? hash(profile.Password) : u.PasswordHash,
            AuthenticationMethods = [.. u.AuthenticationMethods.Select(m => m with { Id = m.Id ?? StableGuid.From(tenant.Id, u.Id, "method", m.SecretKey ?? "") })],
            AppRoleAssignments = WithIds(u.AppRoleAssignments, tenant.Id, u.Id),
        })],
        Applications = [.. tenant.Applications.Select(a => a with
        {
            PasswordCredentials = [.. a.PasswordCredentials.Select((c, i) => c with
            {
                KeyId = c.KeyId == Guid.Empty ? StableGuid.From(a.AppId, "secret", i) : c.KeyId,
                Hint = c.Hint ?? c.SecretText?[..Math.Min(3, c.SecretText.Length)],
                SecretHash = c.SecretText is { } text ? SecretHasher.Hash(text) : c.SecretHash,
                SecretText = null,
            })],
        })],
        ServicePrincipals = [.. tenant.ServicePrincipals.Select(sp => sp with { AppRoleAssignments = WithIds(sp.AppRoleAssignments, tenant.Id, sp.Id) })],
        Oauth2PermissionGrants = [.. tenant.Oauth2PermissionGrants.Select(g => g.Id != Guid.Empty ? g : g with
        {
            Id = StableGuid.From(tenant.Id, "grant", g.ClientId, g.ResourceId, g.PrincipalId?.ToString() ?? ""),
        })],
        RoleAssignments = [.. tenant.RoleAssignments.Select(r => r.Id != Guid.Empty ? r : r with
        {
            Id = StableGuid.From(tenant.Id, "role", r.PrincipalId, r.RoleDefinitionId),
        })],
        CrossTenantAccessPolicy = tenant.CrossTenantAccessPolicy.Id != Guid.Empty
            ? tenant.CrossTenantAccessPolicy
            : tenant.CrossTenantAccessPolicy with { Id = StableGuid.From(tenant.Id, "crossTenantAccessPolicy") },
    };

    private static IReadOnlyList<AppRoleAssignment> WithIds(IReadOnlyList<AppRoleAssignment> assignments, Guid tenantId, Guid principalId) =>
        [.. assignments.Select(a => a.Id != Guid.Empty ? a : a with { Id = StableGuid.From(tenantId, "appRoleAssignment", principalId, a.ResourceId, a.AppRoleId) })];
}

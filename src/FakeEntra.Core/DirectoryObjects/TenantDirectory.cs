using FakeEntra.Core.ConditionalAccess;
using FakeEntra.Core.CrossTenantAccess;

namespace FakeEntra.Core.DirectoryObjects;

/// <summary>Everything one tenant holds: the unit a scenario declares and the store persists.</summary>
public sealed record TenantDirectory
{
    public required Organization Organization { get; init; }
    public IReadOnlyList<User> Users { get; init; } = [];
    public IReadOnlyList<Group> Groups { get; init; } = [];
    public IReadOnlyList<Device> Devices { get; init; } = [];
    public IReadOnlyList<Application> Applications { get; init; } = [];
    public IReadOnlyList<ServicePrincipal> ServicePrincipals { get; init; } = [];
    public IReadOnlyList<OAuth2PermissionGrant> Oauth2PermissionGrants { get; init; } = [];
    public IReadOnlyList<UnifiedRoleAssignment> RoleAssignments { get; init; } = [];
    public CrossTenantAccessPolicy CrossTenantAccessPolicy { get; init; } = new();
    public IReadOnlyList<ConditionalAccessPolicy> ConditionalAccessPolicies { get; init; } = [];

    public Guid Id => Organization.Id;
}

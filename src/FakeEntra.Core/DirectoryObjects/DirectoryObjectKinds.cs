using FakeEntra.Core.ConditionalAccess;
using FakeEntra.Core.CrossTenantAccess;

namespace FakeEntra.Core.DirectoryObjects;

/// <summary>Every kind of object a tenant holds, with how the store keys it.</summary>
public static class DirectoryObjectKinds
{
    public static readonly DirectoryObjectKind<Organization> Organization = new("organization", o => Key(o.Id),
        t => [t.Organization], (t, v) => t with { Organization = v.Single() });

    public static readonly DirectoryObjectKind<User> User = new("user", u => Key(u.Id), t => t.Users, (t, v) => t with { Users = v },
        u => u with { PrivacyConsents = [] }, (old, now) => now with { PrivacyConsents = old.PrivacyConsents },
        u => u.UserPrincipalName.ToUpperInvariant(), u => u.Id);

    public static readonly DirectoryObjectKind<Group> Group = new("group", g => Key(g.Id), t => t.Groups, (t, v) => t with { Groups = v },
        g => g with { Members = [] }, (old, now) => now with { Members = old.Members }, id: g => g.Id);

    public static readonly DirectoryObjectKind<Device> Device = new("device", d => Key(d.Id), t => t.Devices, (t, v) => t with { Devices = v }, id: d => d.Id);

    public static readonly DirectoryObjectKind<Application> Application = new("application", a => Key(a.Id),
        t => t.Applications, (t, v) => t with { Applications = v }, id: a => a.Id);

    public static readonly DirectoryObjectKind<ServicePrincipal> ServicePrincipal = new("servicePrincipal", s => Key(s.Id),
        t => t.ServicePrincipals, (t, v) => t with { ServicePrincipals = v }, id: s => s.Id);

    public static readonly DirectoryObjectKind<OAuth2PermissionGrant> OAuth2PermissionGrant = new("oauth2PermissionGrant", g => Key(g.Id),
        t => t.Oauth2PermissionGrants, (t, v) => t with { Oauth2PermissionGrants = v }, id: g => g.Id);

    public static readonly DirectoryObjectKind<UnifiedRoleAssignment> RoleAssignment = new("roleAssignment", r => Key(r.Id),
        t => t.RoleAssignments, (t, v) => t with { RoleAssignments = v }, id: r => r.Id);

    /// <summary>The policy object itself; its default and partners are rows of their own.</summary>
    public static readonly DirectoryObjectKind<CrossTenantAccessPolicy> CrossTenantAccessPolicy = new("crossTenantAccessPolicy", p => Key(p.Id),
        t => [t.CrossTenantAccessPolicy], (t, v) => t with { CrossTenantAccessPolicy = v.Single() },
        p => p with { Default = CrossTenantAccessPolicyConfigurationDefault.ServiceDefault, Partners = [] },
        (old, now) => now with { Default = old.Default, Partners = old.Partners });

    public static readonly DirectoryObjectKind<CrossTenantAccessPolicyConfigurationDefault> CrossTenantAccessPolicyDefault = new(
        "crossTenantAccessPolicyDefault", _ => "default",
        t => [t.CrossTenantAccessPolicy.Default], (t, v) => t with { CrossTenantAccessPolicy = t.CrossTenantAccessPolicy with { Default = v.Single() } });

    public static readonly DirectoryObjectKind<CrossTenantAccessPolicyConfigurationPartner> CrossTenantAccessPolicyPartner = new(
        "crossTenantAccessPolicyPartner", p => Key(p.TenantId),
        t => t.CrossTenantAccessPolicy.Partners, (t, v) => t with { CrossTenantAccessPolicy = t.CrossTenantAccessPolicy with { Partners = v } },
        id: p => p.TenantId);

    public static readonly DirectoryObjectKind<ConditionalAccessPolicy> ConditionalAccessPolicy = new("conditionalAccessPolicy", p => Key(p.Id),
        t => t.ConditionalAccessPolicies, (t, v) => t with { ConditionalAccessPolicies = v }, id: p => p.Id);

    /// <summary>In the order a tenant is assembled: the organization first.</summary>
    public static readonly IReadOnlyList<DirectoryObjectKind> All =
    [
        Organization, User, Group, Device, Application, ServicePrincipal, OAuth2PermissionGrant, RoleAssignment,
        CrossTenantAccessPolicy, CrossTenantAccessPolicyDefault, CrossTenantAccessPolicyPartner, ConditionalAccessPolicy,
    ];

    public static DirectoryObjectKind Named(string name) =>
        All.FirstOrDefault(k => k.Name == name) ?? throw new InvalidDataException($"Unknown kind of directory object '{name}'.");

    public static string Key(Guid id) => id.ToString("D");
}

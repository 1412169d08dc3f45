using FakeEntra.Core.DirectoryObjects;

namespace FakeEntra.Server.Graph;

/// <summary>Graph's <c>tenantInformation</c>: what any organization may know of another.</summary>
public sealed record TenantInformation(Guid TenantId, string DisplayName, string DefaultDomainName);

/// <summary>
/// What Graph lets a caller read of its own tenant — the organization, devices, applications, service principals — and
/// the tenant information any organization may look up by domain. The Graph endpoints and the admin console both go through it.
/// </summary>
public sealed class DirectoryReads(GraphContext g)
{
    public Organization Organization(GraphCaller caller)
    {
        caller.Require(GraphPermission.ReadDirectory);
        return caller.Tenant.Organization;
    }

    /// <summary>Another tenant's organization is not the caller's to read: 403, so existence does not leak as 404 vs 200.</summary>
    public Organization Organization(GraphCaller caller, string id)
    {
        var organization = Organization(caller);
        return Guid.TryParse(id, out var tenantId) && tenantId == organization.Id ? organization : throw GraphException.Forbidden();
    }

    public IReadOnlyList<Device> Devices(GraphCaller caller) => Tenant(caller).Devices;

    public IReadOnlyList<Application> Applications(GraphCaller caller) => Tenant(caller).Applications;

    public IReadOnlyList<ServicePrincipal> ServicePrincipals(GraphCaller caller) => Tenant(caller).ServicePrincipals;

    /// <summary>The tenant that owns a verified domain, as <c>findTenantInformationByDomainName</c> answers.</summary>
    public TenantInformation TenantByDomain(GraphCaller caller, string domain)
    {
        caller.Require(GraphPermission.ReadPolicies);
        return Information(g.Directory.FindTenantByDomain(domain) ?? throw GraphException.NotFound($"No tenant owns the domain '{domain}'."));
    }

    /// <summary>Another tenant's public information, as <c>findTenantInformationByTenantId</c> answers (to name partners); null if there is none.</summary>
    public TenantInformation? TenantById(GraphCaller caller, Guid tenantId)
    {
        caller.Require(GraphPermission.ReadPolicies);
        return g.Directory.FindTenant(tenantId) is { } tenant ? Information(tenant) : null;
    }

    private static TenantInformation Information(TenantDirectory tenant) =>
        new(tenant.Id, tenant.Organization.DisplayName, tenant.Organization.DefaultDomain);

    private static TenantDirectory Tenant(GraphCaller caller)
    {
        caller.Require(GraphPermission.ReadDirectory);
        return caller.Tenant;
    }
}

namespace FakeEntra.Server.Graph;

/// <summary><c>/v1.0/organization</c> (with <c>privacyProfile</c>) and <c>tenantRelationships/findTenantInformationByDomainName</c>.</summary>
public static class OrganizationEndpoints
{
    public static RouteGroupBuilder MapOrganization(this RouteGroupBuilder graph)
    {
        graph.MapGet("/organization", (HttpContext http, GraphContext g) =>
            GraphJson.Ok(new { value = new[] { g.Caller(http, GraphPermission.ReadDirectory).Tenant.Organization } }, "organization"));

        // Another tenant's organization is not the caller's to read: 403, so existence does not leak as 404 vs 200.
        graph.MapGet("/organization/{id}", (string id, HttpContext http, GraphContext g) =>
        {
            var caller = g.Caller(http, GraphPermission.ReadDirectory);
            if (!Guid.TryParse(id, out var tenantId) || tenantId != caller.Tenant.Id) throw GraphException.Forbidden();
            return GraphJson.Ok(caller.Tenant.Organization, "organization/$entity");
        });

        graph.MapGet("/tenantRelationships/findTenantInformationByDomainName(domainName='{domain}')", (string domain, HttpContext http, GraphContext g) =>
        {
            g.Caller(http, GraphPermission.ReadPolicies);
            var tenant = g.Directory.FindTenantByDomain(domain) ?? throw GraphException.NotFound($"No tenant owns the domain '{domain}'.");
            return GraphJson.Ok(new
            {
                tenantId = tenant.Id.ToString("D"),
                federationBrandName = (string?)null,
                displayName = tenant.Organization.DisplayName,
                defaultDomainName = tenant.Organization.DefaultDomain,
            }, "microsoft.graph.tenantInformation");
        });
        return graph;
    }
}

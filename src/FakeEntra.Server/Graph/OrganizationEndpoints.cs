namespace FakeEntra.Server.Graph;

/// <summary><c>/v1.0/organization</c> (with <c>privacyProfile</c>) and <c>tenantRelationships/findTenantInformationByDomainName</c>.</summary>
public static class OrganizationEndpoints
{
    public static RouteGroupBuilder MapOrganization(this RouteGroupBuilder graph)
    {
        graph.MapGet("/organization", (HttpContext http, GraphContext g, DirectoryReads reads) =>
            GraphJson.Ok(new { value = new[] { reads.Organization(g.Caller(http)) } }, "organization"));

        graph.MapGet("/organization/{id}", (string id, HttpContext http, GraphContext g, DirectoryReads reads) =>
            GraphJson.Ok(reads.Organization(g.Caller(http), id), "organization/$entity"));

        graph.MapGet("/tenantRelationships/findTenantInformationByDomainName(domainName='{domain}')", (string domain, HttpContext http, GraphContext g, DirectoryReads reads) =>
        {
            var tenant = reads.TenantByDomain(g.Caller(http), domain);
            return GraphJson.Ok(new
            {
                tenantId = tenant.TenantId.ToString("D"),
                federationBrandName = (string?)null,
                tenant.DisplayName,
                tenant.DefaultDomainName,
            }, "microsoft.graph.tenantInformation");
        });
        return graph;
    }
}

using SharedChannels.Api.Hosting;

namespace SharedChannels.Api.Callers;

/// <summary>The tenant hosting the teams (Contoso): <c>AzureAd:TenantId</c>, which must be a tenant id for this API.</summary>
public sealed record ResourceTenant(Guid Id)
{
    public static ResourceTenant From(IConfiguration configuration) =>
        Guid.TryParse(configuration["AzureAd:TenantId"], out var id)
            ? new ResourceTenant(id)
            : throw new InvalidOperationException("AzureAd:TenantId must be the resource tenant's id (a GUID): the API hosts one organization's teams.");
}

using FakeEntra.Core.Errors;
using FakeEntra.Core.Tenancy;
using FakeEntra.Server.World;
using FakeEntra.Server.Errors;
using FakeEntra.Server.Hosting;
using FakeEntra.Server.Signing;

namespace FakeEntra.Server.Metadata;

/// <summary>Discovery, keys, MSAL's user realm, health and the error_uri page.</summary>
public static class MetadataEndpoints
{
    public static IEndpointRouteBuilder MapMetadata(this IEndpointRouteBuilder app)
    {
        app.MapGet("/{tenant}/v2.0/.well-known/openid-configuration", async (string tenant, HttpContext context, DirectoryState directory, PublicOrigin origin) =>
        {
            if (await ResolveAsync(context, tenant, directory) is not { } path) return;
            await WriteJsonAsync(context, DiscoveryDocument.Write(origin.Value, path.Segment, path.Tenant));
        });

        app.MapGet("/{tenant}/discovery/v2.0/keys", async (string tenant, HttpContext context, DirectoryState directory, PublicOrigin origin, SigningKeyRing keys) =>
        {
            if (await ResolveAsync(context, tenant, directory) is null) return;
            await WriteJsonAsync(context, keys.JsonWebKeySet(origin.Value));
        });

        // MSAL asks this before a password grant; "Managed" means the password is checked by Entra itself.
        app.MapGet("/common/userrealm/{upn}", (string upn, DirectoryState directory) =>
        {
            var domain = upn.Split('@') is [_, var d] ? d.ToLowerInvariant() : null;
            return domain is not null && directory.Current.FindTenantByDomain(domain) is not null
                ? Results.Json(new { ver = "1.0", account_type = "Managed", domain_name = domain, cloud_instance_name = "microsoftonline.com", cloud_audience_urn = "urn:federation:MicrosoftOnline" })
                : Results.Json(new { ver = "1.0", account_type = "Unknown", cloud_instance_name = "microsoftonline.com" });
        });

        app.MapGet("/healthz", (DirectoryState directory) => Results.Json(new { status = "Healthy", tenants = directory.Current.Tenants.Count }));

        app.MapGet("/error", (int? code) =>
        {
            var definition = AadErrors.All.FirstOrDefault(d => d.Code == code);
            return definition is null
                ? Results.NotFound()
                : Results.Content(
                    $"<!doctype html><title>AADSTS{definition.Code}</title><h1>AADSTS{definition.Code}: {definition.Name}</h1>" +
                    $"<p>OAuth error <code>{definition.Error}</code>, HTTP {definition.HttpStatus}. Emulated by FakeEntra; see Microsoft's " +
                    "<a href=\"https://learn.microsoft.com/entra/identity-platform/reference-error-codes\">AADSTS error code reference</a>.</p>",
                    "text/html; charset=utf-8");
        });
        return app;
    }

    private static async Task<TenantPath?> ResolveAsync(HttpContext context, string segment, DirectoryState directory)
    {
        try
        {
            return TenantPathResolver.Resolve(segment, directory.Current);
        }
        catch (AadException e)
        {
            await AadErrorResponse.WriteAsync(context, AadErrors.ForMetadata(e.Error));
            return null;
        }
    }

    private static Task WriteJsonAsync(HttpContext context, byte[] json)
    {
        var headers = context.Response.Headers;
        headers.CacheControl = "max-age=86400, private";
        headers.AccessControlAllowOrigin = "*";
        headers.AccessControlAllowMethods = "GET, OPTIONS";
        headers.XContentTypeOptions = "nosniff";
        context.Response.ContentType = "application/json; charset=utf-8";
        return context.Response.Body.WriteAsync(json).AsTask();
    }
}

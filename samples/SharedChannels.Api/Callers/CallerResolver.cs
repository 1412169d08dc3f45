using System.Security.Claims;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Identity.Web;
using SharedChannels.Api.Directory;
using SharedChannels.Api.Hosting;

namespace SharedChannels.Api.Callers;

/// <summary>
/// Reads the caller from a validated Contoso token. A guest and a B2B direct connect user carry the same claims (<c>acct</c> 1,
/// <c>idp</c> their home); what tells them apart is whether <c>oid</c> is an object of the resource directory (a guest's
/// is; a direct connect user has no presence there), so that is asked of the directory, and remembered for a while.
/// </summary>
public sealed class CallerResolver(ContosoDirectory directory, IMemoryCache cache, ResourceTenant resource)
{
    // Directory role templates that administer Teams: Global Administrator, Teams Administrator.
    private static readonly HashSet<string> AdminRoles = ["62e90394-69f5-4237-9190-012177145e10", "69091246-20e8-4a56-aa4d-066075b2a7a8"];

    public async ValueTask<Caller> ResolveAsync(ClaimsPrincipal principal)
    {
        if (!Guid.TryParse(principal.GetTenantId(), out var tenantId) || !Guid.TryParse(principal.GetObjectId(), out var objectId))
            throw ProblemException.Forbidden("The token names no tenant (tid) or object (oid).");
        if (tenantId != resource.Id) throw ProblemException.Forbidden("The token was not issued by this API's tenant.");
        var name = Caller.Name(principal, "name", "name");
        var username = Caller.Name(principal, "preferred_username", "preferred_username");
        if (principal.FindFirst("idtyp")?.Value == "app" || (principal.FindFirst("scp") ?? principal.FindFirst(ClaimConstants.Scope)) is null)
            return new Caller(CallerKind.App, tenantId, objectId, null, name.Length > 0 ? name : "app", null, false);

        var email = Caller.Name(principal, "email", ClaimTypes.Email) is { Length: > 0 } mail ? mail : username;
        var displayName = name.Length > 0 ? name : username;
        var idp = Caller.Name(principal, "idp", "http://schemas.microsoft.com/identity/claims/identityprovider");
        if (idp.Length == 0)
        {
            var admin = principal.FindAll("wids").Any(c => AdminRoles.Contains(c.Value));
            return new Caller(CallerKind.Internal, tenantId, objectId, tenantId, displayName, email, admin);
        }
        var home = HomeTenant(idp) ?? throw ProblemException.Forbidden($"The token's identity provider '{idp}' names no home tenant.");
        return await IsGuestAsync(objectId)
            ? new Caller(CallerKind.Guest, tenantId, objectId, home, displayName, email, false)
            : new Caller(CallerKind.External, home, objectId, home, displayName, email, false);
    }

    private async Task<bool> IsGuestAsync(Guid objectId) =>
        await cache.GetOrCreateAsync(("guest", objectId), async entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = TimeSpan.FromMinutes(10);
            return await directory.FindUserByIdAsync(objectId) is { IsGuest: true };
        });

    /// <summary><c>https://sts.windows.net/{tid}/</c> (or a v2 issuer <c>https://…/{tid}/v2.0</c>): the tenant id.</summary>
    private static Guid? HomeTenant(string idp) =>
        Uri.TryCreate(idp, UriKind.Absolute, out var uri) && uri.Segments.Length > 1 && Guid.TryParse(uri.Segments[1].TrimEnd('/'), out var tid) ? tid : null;
}

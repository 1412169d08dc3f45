using System.Security.Claims;
using SharedChannels.Api.Hosting;

namespace SharedChannels.Api.Callers;

/// <summary>
/// The caller of a request. <see cref="TenantId"/> and <see cref="UserId"/> identify a person for membership: the home
/// tenant and home object id for a B2B direct connect user (from <c>idp</c> and <c>oid</c>), the resource tenant and
/// object id for members and guests (<c>tid</c>, <c>oid</c>). Never an e-mail address.
/// </summary>
public sealed record Caller(CallerKind Kind, Guid TenantId, Guid UserId, Guid? HomeTenantId, string DisplayName, string? Email, bool IsAdmin)
{
    public bool IsUser => Kind != CallerKind.App;

    /// <summary>Routes that change something: users only.</summary>
    public Caller RequireUser() => IsUser ? this : throw ProblemException.Forbidden("Apps with Channels.Read.All may only read.");

    /// <summary>Minimal APIs bind it from the validated token (and, for external users, the resource directory).</summary>
    public static ValueTask<Caller> BindAsync(HttpContext http) => http.RequestServices.GetRequiredService<CallerResolver>().ResolveAsync(http.User);

    public static string Name(ClaimsPrincipal principal, string shortName, string mappedName) =>
        principal.FindFirst(shortName)?.Value ?? principal.FindFirst(mappedName)?.Value ?? "";
}

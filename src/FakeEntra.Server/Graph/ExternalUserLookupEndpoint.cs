using FakeEntra.Core.CrossTenantAccess;

namespace FakeEntra.Server.Graph;

/// <summary>
/// <c>GET /fakeentra/externalUsers?email=…</c> (a FakeEntra extension, as Teams looks up people for a shared channel): a full
/// email address of another organization's user gives limited contact data — object id, home tenant id, given name and
/// surname — only when B2B direct connect is allowed both ways for that user; otherwise the same 404 as for no such address,
/// so nothing can be enumerated.
/// </summary>
public static class ExternalUserLookupEndpoint
{
    public static IEndpointRouteBuilder MapExternalUserLookup(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/fakeentra");
        group.AddEndpointFilter(GraphEndpoints.Errors);
        group.MapGet("/externalUsers", (string? email, HttpContext http, GraphContext g) =>
        {
            var caller = g.Caller(http, GraphPermission.LookUpExternalUsers);
            var notFound = GraphException.NotFound("No external user with that email address can be added.");
            if (email is null || email.Split('@') is not [{ Length: > 0 }, { Length: > 0 }]) throw notFound;
            var directory = g.Directory;
            if (directory.FindUserByPrincipalName(email) is not { User.IsGuest: false } found || found.Tenant.Id == caller.Tenant.Id) throw notFound;
            var (home, user) = found;
            var groups = directory.GroupsOf(home.Id, user.Id);
            var outbound = EffectivePolicy.Toward(home.CrossTenantAccessPolicy, caller.Tenant.Id).B2bDirectConnectOutbound.Setting;
            var inbound = EffectivePolicy.Toward(caller.Tenant.CrossTenantAccessPolicy, home.Id).B2bDirectConnectInbound.Setting;
            if (!TargetMatching.AdmitsUser(outbound.UsersAndGroups, user.Id, groups) || !TargetMatching.AdmitsUser(inbound.UsersAndGroups, user.Id, groups)) throw notFound;
            var contact = new Dictionary<string, string?>
            {
                ["id"] = user.Id.ToString("D"),
                ["tenantId"] = home.Id.ToString("D"),
                ["givenName"] = user.GivenName,
                ["surname"] = user.Surname,
            };
            // Once the user accepted this organization's privacy statement, it may see their name and address too.
            if (user.PrivacyConsents.Contains(caller.Tenant.Id))
            {
                contact["displayName"] = user.DisplayName;
                contact["mail"] = user.Mail ?? user.UserPrincipalName;
            }
            return Results.Json(contact);
        });

        // The signed-in user's acceptances of other organizations' privacy statements, and their withdrawal.
        group.MapGet("/me/privacyConsents", (HttpContext http, GraphContext g) =>
        {
            var (_, user) = SignedInUser(http, g);
            return Results.Json(new { value = user.PrivacyConsents.Select(t => new { tenantId = t.ToString("D"), displayName = g.Directory.FindTenant(t)?.Organization.DisplayName }) });
        });
        group.MapDelete("/me/privacyConsents/{tenantId}", async (string tenantId, HttpContext http, GraphContext g, World.DirectoryWriter writer) =>
        {
            var (caller, user) = SignedInUser(http, g);
            var notFound = GraphException.NotFound($"No privacy consent for tenant '{tenantId}'.");
            if (!Guid.TryParse(tenantId, out var resource)) throw notFound;
            await writer.ChangeAsync(caller.Tenant.Id, async transaction => await transaction.RemovePrivacyConsentAsync(user.Id, resource) ? true : throw notFound);
            return Results.NoContent();
        });
        return app;
    }

    private static (GraphCaller Caller, Core.DirectoryObjects.User User) SignedInUser(HttpContext http, GraphContext g)
    {
        var caller = g.Caller(http, GraphPermission.LookUpExternalUsers);
        var user = caller.AppOnly || !Guid.TryParse(caller.Initiator.User?.Id, out var id) ? null : g.Directory.FindUser(caller.Tenant.Id, id);
        return (caller, user ?? throw GraphException.Forbidden());
    }
}

using FakeEntra.Core.CrossTenantAccess;
using FakeEntra.Core.DirectoryObjects;
using FakeEntra.Core.Monitoring;

namespace FakeEntra.Server.Graph;

/// <summary>What an invitation names.</summary>
public sealed record InvitationRequest
{
    public required string InvitedUserEmailAddress { get; init; }
    public required string InviteRedirectUrl { get; init; }
    public string? InvitedUserDisplayName { get; init; }
    public bool SendInvitationMessage { get; init; }
    public string? InvitedUserType { get; init; }
}

/// <summary>
/// <c>POST /v1.0/invitations</c>: invites a user of another tenant as a B2B collaboration guest — a <c>#EXT#</c> user object in
/// the caller's tenant, from then on a <c>b2bCollaboration</c> sign-in — when both tenants' B2B collaboration settings admit the user.
/// </summary>
public static class InvitationEndpoints
{
    public static RouteGroupBuilder MapInvitations(this RouteGroupBuilder graph)
    {
        graph.MapPost("/invitations", async (HttpContext http, GraphContext g) =>
        {
            var caller = g.Caller(http, GraphPermission.InviteGuests);
            var request = GraphResources.Invitation.Create<InvitationRequest>(await GraphRequestBody.ReadObjectAsync(http.Request));
            var directory = g.Directory;
            var resource = caller.Tenant;
            if (directory.FindUserByPrincipalName(request.InvitedUserEmailAddress) is not { User.IsGuest: false } found || found.Tenant.Id == resource.Id)
                throw GraphException.BadRequest($"'{request.InvitedUserEmailAddress}' is not an account of another organization in this world (FakeEntra invites only accounts of its tenants).");
            var (home, user) = found;
            var groups = directory.GroupsOf(home.Id, user.Id);
            var (outbound, _) = EffectivePolicy.Toward(home.CrossTenantAccessPolicy, resource.Id).B2bCollaborationOutbound;
            var (inbound, _) = EffectivePolicy.Toward(resource.CrossTenantAccessPolicy, home.Id).B2bCollaborationInbound;
            if (!TargetMatching.AdmitsUser(outbound.UsersAndGroups, user.Id, groups))
                throw GraphException.BadRequest($"{home.Organization.DisplayName}'s outbound B2B collaboration settings do not allow this user to be invited to {resource.Organization.DisplayName}.");
            if (!TargetMatching.AdmitsUser(inbound.UsersAndGroups, user.Id, groups))
                throw GraphException.BadRequest($"{resource.Organization.DisplayName}'s inbound B2B collaboration settings do not allow users of {home.Organization.DisplayName} to be invited.");

            var guest = directory.FindGuest(resource.Id, user.UserPrincipalName) ?? new User
            {
                Id = Guid.NewGuid(),
                UserPrincipalName = $"{user.UserPrincipalName.Replace('@', '_')}#EXT#@{resource.Organization.InitialDomain}",
                DisplayName = request.InvitedUserDisplayName ?? user.DisplayName,
                GivenName = user.GivenName,
                Surname = user.Surname,
                Mail = user.UserPrincipalName,
                UserType = request.InvitedUserType is "Member" ? UserTypes.Member : UserTypes.Guest,
                CreationType = "Invitation",
                ExternalUserState = "PendingAcceptance",
            };
            if (directory.FindGuest(resource.Id, user.UserPrincipalName) is null)
                await g.ChangeAsync(caller, "UserManagement", async transaction =>
                {
                    // The guest's principal name is derived from the home account's, so a simultaneous invitation made it first.
                    if (await transaction.FindByUniqueNameAsync(DirectoryObjectKinds.User, guest.UserPrincipalName) is null) transaction.Add(DirectoryObjectKinds.User, guest);
                    return new AuditEntry("Invite external user", "Add", guest.Id.ToString("D"),
                        [new ModifiedProperty("UserPrincipalName", null, guest.UserPrincipalName), new ModifiedProperty("UserType", null, guest.UserType)]);
                });
            guest = g.Directory.FindGuest(resource.Id, user.UserPrincipalName) ?? guest;
            var id = Guid.NewGuid();
            return GraphJson.Ok(new
            {
                id = id.ToString("D"),
                inviteRedeemUrl = $"{http.RequestServices.GetRequiredService<Hosting.PublicOrigin>().Value}/{resource.Id:D}/oauth2/v2.0/authorize?redeem={id:D}",
                request.InvitedUserDisplayName,
                request.InvitedUserEmailAddress,
                invitedUserType = guest.UserType,
                request.InviteRedirectUrl,
                request.SendInvitationMessage,
                status = "PendingAcceptance",
                invitedUser = new { id = guest.Id.ToString("D") },
            }, "invitations/$entity", StatusCodes.Status201Created);
        });
        return graph;
    }
}

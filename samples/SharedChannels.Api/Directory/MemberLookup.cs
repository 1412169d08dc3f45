using SharedChannels.Api.Callers;
using SharedChannels.Api.Data;
using SharedChannels.Api.Hosting;

namespace SharedChannels.Api.Directory;

/// <summary>Someone an owner asked to add, as the directory knows them (only what it returned is kept).</summary>
public sealed record Candidate(Guid TenantId, Guid UserId, string DisplayName, string? Email, MemberKind Kind);

/// <summary>
/// Finds the person behind a full e-mail address: in the resource tenant's own directory first (members, and guests for
/// teams), then — for shared channels only — among other organizations' users through the external user lookup.
/// </summary>
public sealed class MemberLookup(ContosoDirectory directory, ResourceTenant resource)
{
    public async Task<Candidate> ForTeamAsync(string email, CancellationToken cancellationToken)
    {
        var address = EmailAddress.Parse(email);
        var user = await directory.FindUserByEmailAsync(address, cancellationToken)
            ?? throw ProblemException.NotFound($"No user '{address}' in this organization's directory. People of other organizations join shared channels, not teams.");
        return Internal(user, address);
    }

    public async Task<Candidate> ForSharedChannelAsync(string email, CancellationToken cancellationToken)
    {
        var address = EmailAddress.Parse(email);
        if (await directory.FindUserByEmailAsync(address, cancellationToken) is { } user)
        {
            return user.IsGuest
                ? throw ProblemException.BadRequest($"'{address}' is a guest (B2B collaboration) of this organization; guests can't join shared channels.")
                : Internal(user, address);
        }
        var contact = await directory.FindExternalUserAsync(address, cancellationToken)
            ?? throw ProblemException.NotFound($"No one can be added as '{address}': there is no such user here, and no user of another organization " +
                "with that address whom B2B direct connect allows in both directions.");
        if (contact.TenantId == resource.Id) throw DirectoryUnavailable.Because("the external lookup answered with a user of this organization");
        return new Candidate(contact.TenantId, contact.Id, contact.Name.Length > 0 ? contact.Name : "(no name shared)", contact.Mail, MemberKind.External);
    }

    private Candidate Internal(DirectoryUser user, string address) =>
        new(resource.Id, user.Id, user.DisplayName ?? address, user.Mail ?? user.UserPrincipalName, user.IsGuest ? MemberKind.Guest : MemberKind.Internal);
}

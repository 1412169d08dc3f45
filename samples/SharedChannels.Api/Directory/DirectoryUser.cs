namespace SharedChannels.Api.Directory;

/// <summary>A user object of the resource tenant, as Graph's <c>user</c> returns it (the properties this API reads).</summary>
public sealed record DirectoryUser(Guid Id, string? DisplayName, string? Mail, string? UserPrincipalName, string? UserType)
{
    public bool IsGuest => string.Equals(UserType, "Guest", StringComparison.OrdinalIgnoreCase);
}

/// <summary>
/// The limited contact data the external user lookup returns for a user of another organization: home object id, home
/// tenant, given name and surname; display name and mail only after the user accepted this organization's privacy statement.
/// </summary>
public sealed record ExternalContact(Guid Id, Guid TenantId, string? GivenName, string? Surname, string? DisplayName, string? Mail)
{
    public string Name => DisplayName ?? string.Join(' ', new[] { GivenName, Surname }.Where(n => !string.IsNullOrWhiteSpace(n)));
}

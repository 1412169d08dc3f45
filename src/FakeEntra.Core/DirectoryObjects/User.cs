namespace FakeEntra.Core.DirectoryObjects;

/// <summary>A user object in one tenant, in Graph's <c>user</c> shape plus what only the directory keeps (password hash).</summary>
public sealed record User
{
    public required Guid Id { get; init; }
    public required string UserPrincipalName { get; init; }
    public string? DisplayName { get; init; }
    public string? GivenName { get; init; }
    public string? Surname { get; init; }
    public string? Mail { get; init; }
    public string? MailNickname { get; init; }
    /// <summary><c>Member</c> or <c>Guest</c>.</summary>
    public string UserType { get; init; } = UserTypes.Member;
    public bool AccountEnabled { get; init; } = true;
    /// <summary><c>Invitation</c> for B2B collaboration guests.</summary>
    public string? CreationType { get; init; }
    public string? ExternalUserState { get; init; }

    /// <summary>Scenario input only: replaced by <see cref="PasswordHash"/> when the world is seeded.</summary>
    public PasswordProfile? PasswordProfile { get; init; }
    public string? PasswordHash { get; init; }

    public IReadOnlyList<AuthenticationMethod> AuthenticationMethods { get; init; } = [];
    public IReadOnlyList<AppRoleAssignment> AppRoleAssignments { get; init; } = [];

    /// <summary>
    /// Resource tenants whose privacy statement the user accepted at a first B2B direct connect sign-in (FakeEntra's record of
    /// Entra's consent prompt; kept on the home account, never shown through Graph).
    /// </summary>
    public IReadOnlyList<Guid> PrivacyConsents { get; init; } = [];

    /// <summary>Refresh tokens issued before this instant are refused (Graph's revokeSignInSessions sets it).</summary>
    public DateTimeOffset? SignInSessionsValidFromDateTime { get; init; }

    public bool IsGuest => string.Equals(UserType, UserTypes.Guest, StringComparison.OrdinalIgnoreCase);
}

public static class UserTypes
{
    public const string Member = "Member";
    public const string Guest = "Guest";
}

public sealed record PasswordProfile
{
    public required string Password { get; init; }
    public bool ForceChangePasswordNextSignIn { get; init; }
}

/// <summary>An authentication method; FakeEntra knows the software OATH (TOTP) kind.</summary>
public sealed record AuthenticationMethod
{
    [System.Text.Json.Serialization.JsonPropertyName("@odata.type")]
    public required string ODataType { get; init; }
    public Guid? Id { get; init; }
    /// <summary>Base32 TOTP secret (RFC 6238, SHA-1, 6 digits, 30 s).</summary>
    public string? SecretKey { get; init; }

    public const string SoftwareOathType = "#microsoft.graph.softwareOathAuthenticationMethod";
}

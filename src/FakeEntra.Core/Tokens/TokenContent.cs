using FakeEntra.Core.DirectoryObjects;

namespace FakeEntra.Core.Tokens;

/// <summary>The person a delegated token speaks for, as the token's tenant sees them.</summary>
public sealed record TokenUser
{
    /// <summary>The <c>oid</c>: the user's object in the token's tenant.</summary>
    public required Guid ObjectId { get; init; }
    public string? DisplayName { get; init; }
    public required string PreferredUsername { get; init; }
    public string? GivenName { get; init; }
    public string? FamilyName { get; init; }
    public string? Email { get; init; }
    /// <summary>The user's home account, which <c>client_info</c> names.</summary>
    public required Guid HomeTenantId { get; init; }
    public required Guid HomeObjectId { get; init; }
    /// <summary>The <c>idp</c>: the home tenant's issuer, only for users from another tenant.</summary>
    public string? IdentityProvider { get; init; }
    /// <summary>The <c>acct</c> claim: 0 for members of the token's tenant, 1 for external users.</summary>
    public int Acct { get; init; }
    /// <summary>The device the sign-in came from, if one took part.</summary>
    public Guid? DeviceId { get; init; }
    /// <summary>The <c>wids</c> claim: template ids of the directory roles the user's object holds in the token's tenant.</summary>
    public IReadOnlyList<Guid> DirectoryRoles { get; init; } = [];

    public static string HomeIssuer(Guid homeTenantId) => $"https://sts.windows.net/{homeTenantId:D}/";

    /// <summary>A B2B direct connect user: no object in the resource tenant, so the home object id is the <c>oid</c>.</summary>
    public static TokenUser DirectConnect(User homeUser, Guid homeTenantId) => Member(homeUser, homeTenantId) with
    {
        IdentityProvider = HomeIssuer(homeTenantId),
        Acct = 1,
    };

    /// <summary>A B2B collaboration guest: the <c>oid</c> is the guest object in the resource tenant.</summary>
    public static TokenUser Guest(User guest, User homeUser, Guid homeTenantId) => new()
    {
        ObjectId = guest.Id,
        DisplayName = guest.DisplayName ?? homeUser.DisplayName,
        PreferredUsername = homeUser.UserPrincipalName,
        GivenName = guest.GivenName,
        FamilyName = guest.Surname,
        Email = guest.Mail ?? homeUser.Mail,
        HomeTenantId = homeTenantId,
        HomeObjectId = homeUser.Id,
        IdentityProvider = HomeIssuer(homeTenantId),
        Acct = 1,
    };

    public static TokenUser Member(User user, Guid tenantId) => new()
    {
        ObjectId = user.Id,
        DisplayName = user.DisplayName,
        PreferredUsername = user.UserPrincipalName,
        GivenName = user.GivenName,
        FamilyName = user.Surname,
        Email = user.Mail,
        HomeTenantId = tenantId,
        HomeObjectId = user.Id,
    };
}

/// <summary>How the client proved itself: the <c>azpacr</c> values.</summary>
public enum ClientAuthenticationMethod
{
    None = 0,
    Secret = 1,
    Certificate = 2,
}

/// <summary>Everything an access token (and its companion ID token) says, before it is signed.</summary>
public sealed record TokenContent
{
    public required Guid TenantId { get; init; }
    /// <summary><c>https://{origin}/{tid}/v2.0</c>.</summary>
    public required string Issuer { get; init; }
    public required Application Client { get; init; }
    public required ClientAuthenticationMethod ClientAuthentication { get; init; }
    public required Application Resource { get; init; }
    /// <summary>The person, or null for an app-only token.</summary>
    public TokenUser? User { get; init; }
    /// <summary>For app-only tokens: the client's service principal in the token's tenant (its <c>oid</c>).</summary>
    public ServicePrincipal? ClientServicePrincipal { get; init; }
    public IReadOnlyList<string> Scopes { get; init; } = [];
    public IReadOnlyList<string> Roles { get; init; } = [];
    public required DateTimeOffset IssuedAt { get; init; }
    public required TimeSpan Lifetime { get; init; }
    /// <summary>Set when a person signed in through the pages: what the ID token then adds.</summary>
    public InteractiveSignIn? Interactive { get; init; }
    /// <summary>The access token's opaque <c>aio</c>, when the issuer keeps something there; random otherwise.</summary>
    public string? Aio { get; init; }

    public DateTimeOffset ExpiresAt => IssuedAt + Lifetime;
}

/// <summary>Facts of a browser sign-in that ID tokens carry: the request's nonce, the session and when the person authenticated.</summary>
public sealed record InteractiveSignIn
{
    public string? Nonce { get; init; }
    public required Guid SessionId { get; init; }
    public required DateTimeOffset AuthTime { get; init; }
}

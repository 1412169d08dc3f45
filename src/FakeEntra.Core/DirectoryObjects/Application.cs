namespace FakeEntra.Core.DirectoryObjects;

/// <summary>An app registration, in Graph's <c>application</c> shape.</summary>
public sealed record Application
{
    public required Guid Id { get; init; }
    public required Guid AppId { get; init; }
    public required string DisplayName { get; init; }
    /// <summary><c>AzureADMyOrg</c> or <c>AzureADMultipleOrgs</c>.</summary>
    public string SignInAudience { get; init; } = SignInAudiences.MyOrg;
    public IReadOnlyList<string> IdentifierUris { get; init; } = [];
    /// <summary>Allows the public-client flows (password, device code) without a client secret.</summary>
    public bool IsFallbackPublicClient { get; init; }
    public RedirectUriSettings PublicClient { get; init; } = new();
    public WebSettings Web { get; init; } = new();
    public RedirectUriSettings Spa { get; init; } = new();
    public ApiSettings Api { get; init; } = new();
    public IReadOnlyList<AppRole> AppRoles { get; init; } = [];
    public IReadOnlyList<PasswordCredential> PasswordCredentials { get; init; } = [];
    /// <summary>Graph's free-form tags; <see cref="ApplicationTags.B2BDirectConnect"/> marks an app usable over B2B direct connect.</summary>
    public IReadOnlyList<string> Tags { get; init; } = [];

    public bool IsMultiTenant => SignInAudience is SignInAudiences.MultipleOrgs or SignInAudiences.MultipleOrgsAndPersonal;
    public bool HasSecrets => PasswordCredentials.Count > 0;
    /// <summary>Token version the resource asks for; Entra's default (null) is 1.</summary>
    public int AccessTokenVersion => Api.RequestedAccessTokenVersion ?? 1;

    public PermissionScope? FindScope(string value) =>
        Api.Oauth2PermissionScopes.FirstOrDefault(s => s.IsEnabled && string.Equals(s.Value, value, StringComparison.OrdinalIgnoreCase));

    public AppRole? FindRole(Guid id) => AppRoles.FirstOrDefault(r => r.Id == id && r.IsEnabled);
}

public static class SignInAudiences
{
    public const string MyOrg = "AzureADMyOrg";
    public const string MultipleOrgs = "AzureADMultipleOrgs";
    public const string MultipleOrgsAndPersonal = "AzureADandPersonalMicrosoftAccount";
    public static readonly IReadOnlyList<string> All = [MyOrg, MultipleOrgs, MultipleOrgsAndPersonal];
}

public static class ApplicationTags
{
    public const string B2BDirectConnect = "FakeEntra.B2BDirectConnect";
}

public sealed record RedirectUriSettings
{
    public IReadOnlyList<string> RedirectUris { get; init; } = [];
}

public sealed record WebSettings
{
    public IReadOnlyList<string> RedirectUris { get; init; } = [];
    /// <summary>Front-channel logout URL, called when the user signs out of the session.</summary>
    public string? LogoutUrl { get; init; }
    public ImplicitGrantSettings ImplicitGrantSettings { get; init; } = new();
}

/// <summary>Whether the authorization endpoint may return tokens directly (<c>response_type=id_token</c>, hybrid).</summary>
public sealed record ImplicitGrantSettings
{
    public bool EnableIdTokenIssuance { get; init; }
    public bool EnableAccessTokenIssuance { get; init; }
}

public sealed record ApiSettings
{
    /// <summary>Graph's name for the manifest's <c>accessTokenAcceptedVersion</c>.</summary>
    public int? RequestedAccessTokenVersion { get; init; }
    public IReadOnlyList<PermissionScope> Oauth2PermissionScopes { get; init; } = [];
}

public sealed record PermissionScope
{
    public required Guid Id { get; init; }
    public required string Value { get; init; }
    /// <summary><c>User</c> (users may consent) or <c>Admin</c>.</summary>
    public string Type { get; init; } = "User";
    public string? AdminConsentDisplayName { get; init; }
    public string? AdminConsentDescription { get; init; }
    public bool IsEnabled { get; init; } = true;
}

public sealed record AppRole
{
    public required Guid Id { get; init; }
    public required string Value { get; init; }
    public string? DisplayName { get; init; }
    public string? Description { get; init; }
    /// <summary><c>Application</c> and/or <c>User</c>.</summary>
    public IReadOnlyList<string> AllowedMemberTypes { get; init; } = ["Application"];
    public bool IsEnabled { get; init; } = true;
}

/// <summary>A client secret. The scenario gives <see cref="SecretText"/>; the directory keeps only <see cref="SecretHash"/>.</summary>
public sealed record PasswordCredential
{
    public Guid KeyId { get; init; }
    public string? DisplayName { get; init; }
    public string? Hint { get; init; }
    public string? SecretText { get; init; }
    public string? SecretHash { get; init; }
    public DateTimeOffset? StartDateTime { get; init; }
    public DateTimeOffset? EndDateTime { get; init; }
}

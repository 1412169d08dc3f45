using FakeEntra.Core.DirectoryObjects;
using FakeEntra.Core.Errors;

namespace FakeEntra.Core.Tokens;

/// <summary>
/// A <c>scope</c> parameter split the way Entra reads it: OpenID Connect scopes, plus scopes of at most one resource.
/// A scope without a resource prefix (<c>User.Read</c>) belongs to Microsoft Graph.
/// </summary>
public sealed record ScopeRequest
{
    public const string Default = ".default";
    /// <summary>
    /// The longest <c>scope</c> parameter accepted. Entra documents no limit; this one bounds the work and memory a request
    /// costs before anyone is authenticated, and keeps the refresh token that carries the scope within the parameter limit.
    /// </summary>
    public const int MaxLength = 8 * 1024;

    public required IReadOnlySet<string> Oidc { get; init; }
    /// <summary>The resource as the request named it (identifier URI or app id), or null when only OIDC scopes were asked for.</summary>
    public string? Resource { get; init; }
    public IReadOnlyList<string> ResourceScopes { get; init; } = [];

    public bool IsDefault => ResourceScopes is [Default];
    public bool HasOidc(string scope) => Oidc.Contains(scope);

    public static ScopeRequest Parse(string scope)
    {
        if (scope.Length > MaxLength) throw new AadException(AadErrors.ScopeTooLong(MaxLength));
        var oidc = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        string? resource = null;
        var values = new List<string>();
        // Duplicates are dropped through a set, so a long scope costs linear time, not quadratic.
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var item in scope.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (OidcScopes.IsOidc(item))
            {
                oidc.Add(item.ToLowerInvariant());
                continue;
            }
            var slash = item.LastIndexOf('/');
            var (itemResource, value) = slash < 0
                ? (FirstPartyApplications.MicrosoftGraphResource, item)
                : (item[..slash], item[(slash + 1)..]);
            if (value.Length == 0 || itemResource.Length == 0) throw new AadException(AadErrors.ScopeNotValid(item));
            if (resource is null) resource = itemResource;
            else if (!SameResource(resource, itemResource)) throw new AadException(AadErrors.ScopeSpansResources(scope));
            if (seen.Add(value)) values.Add(value);
        }
        if (values.Count > 1 && seen.Contains(Default))
            throw new AadException(AadErrors.DefaultScopeCombined(scope));
        return new() { Oidc = oidc, Resource = resource, ResourceScopes = values };
    }

    /// <summary>How the token response names a granted scope: bare for Graph, prefixed with the resource as requested otherwise.</summary>
    public string Qualify(string value) =>
        Resource is null || string.Equals(Resource.TrimEnd('/'), FirstPartyApplications.MicrosoftGraphResource, StringComparison.OrdinalIgnoreCase)
            ? value
            : $"{Resource}/{value}";

    private static bool SameResource(string a, string b) => string.Equals(a.TrimEnd('/'), b.TrimEnd('/'), StringComparison.OrdinalIgnoreCase);
}

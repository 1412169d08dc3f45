using FakeEntra.Core.DirectoryObjects;

namespace FakeEntra.Server.SignInPages;

/// <summary>One page view of a sign-in: the state, the browser's session and the directory as it is now.</summary>
public sealed record SignInContext
{
    public required HttpContext Http { get; init; }
    public required SignInState State { get; init; }
    public required DirectorySnapshot Directory { get; init; }
    public SignInSession? Session { get; init; }
    public required DateTimeOffset Now { get; init; }
    /// <summary>When the page is shown again for a refused post: why, and what was typed (fields keep it, except secrets).</summary>
    public string? Error { get; init; }
    public IFormCollection? Posted { get; init; }

    /// <summary>What was typed into <paramref name="field"/> in the refused post, if anything.</summary>
    public string? Typed(string field) => Posted is { } posted && posted.TryGetValue(field, out var value) ? value.ToString() : null;

    public IReadOnlyList<SessionAccount> Accounts => Session?.Accounts ?? [];

    /// <summary>The tenant whose sign-in page this is (a concrete path tenant, or a domain_hint's), for branding.</summary>
    public TenantDirectory? BrandTenant =>
        (State.Authorize?.GetValueOrDefault("domain_hint") is { Length: > 0 } hint ? Directory.FindTenantByDomain(hint) : null)
        ?? (Guid.TryParse(State.Tenant, out var id) ? Directory.FindTenant(id) : Directory.FindTenantByDomain(State.Tenant));

    public (TenantDirectory Tenant, User User)? SignedInUser =>
        State.HomeTenantId is { } tid && State.UserId is { } uid && Directory.FindTenant(tid) is { } tenant && Directory.FindUser(tid, uid) is { } user
            ? (tenant, user)
            : null;

    public static string Brand(TenantDirectory? tenant) =>
        tenant is null ? "" : $"{Html.E(tenant.Organization.DisplayName)}<small>{Html.E(tenant.Organization.DefaultDomain)}</small>";
}

/// <summary>A step's answer to a post it cannot accept: the same page again, with this message.</summary>
public sealed class StepError(string message) : Exception(message);

/// <summary>
/// One page of a sign-in. The flow shows the first step that is still needed; when none is, the sign-in completes.
/// MFA, device and consent steps slot in after the password without changing the others.
/// </summary>
public interface ISignInStep
{
    string Name { get; }

    bool IsNeeded(SignInContext context);

    /// <summary>The organization the page is branded with (markup), or null.</summary>
    string? Brand(SignInContext context);

    /// <summary>The page's title and the fields inside its form.</summary>
    (string Title, string Fields) Render(SignInContext context);

    SignInState Handle(SignInContext context, IFormCollection form);
}

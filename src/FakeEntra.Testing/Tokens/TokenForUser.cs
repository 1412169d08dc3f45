namespace FakeEntra.Testing.Tokens;

/// <summary>
/// A delegated token to mint without a flow: the user signs in for the client at the tenant, with the MFA and device
/// facts given, and FakeEntra decides as for a password grant (cross-tenant access, Conditional Access, consent).
/// </summary>
public sealed record TokenForUser
{
    /// <summary>The user's UPN in their home tenant, e.g. <c>bob@fabrikam.com</c>.</summary>
    public required string User { get; init; }

    /// <summary>The client's app id.</summary>
    public required string Client { get; init; }

    /// <summary>The tenant the token is for (id or verified domain); another than the user's home is a cross-tenant sign-in.</summary>
    public required string Tenant { get; init; }

    /// <summary>The request's scope string, e.g. <c>api://…/Channels.ReadWrite</c>; <c>openid</c> adds an ID token, <c>offline_access</c> a refresh token.</summary>
    public required string Scope { get; init; }

    /// <summary>MFA done in this sign-in (as a right <c>fakeentra_otp</c> proves it).</summary>
    public bool Mfa { get; init; }

    /// <summary>The id of a device registered in the user's home tenant the sign-in comes from (as <c>fakeentra_device_id</c>).</summary>
    public string? Device { get; init; }

    /// <summary>Claims to set (or, with null, remove) in the access token after the decision; it is re-signed with the real key.</summary>
    public IReadOnlyDictionary<string, object?> Claims { get; init; } = new Dictionary<string, object?>();
}

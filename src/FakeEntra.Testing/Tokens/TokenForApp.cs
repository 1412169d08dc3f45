namespace FakeEntra.Testing.Tokens;

/// <summary>An app-only token to mint as client credentials would: the app roles granted to the client in the tenant.</summary>
public sealed record TokenForApp
{
    /// <summary>The confidential client's app id.</summary>
    public required string Client { get; init; }

    /// <summary>The tenant (id or verified domain).</summary>
    public required string Tenant { get; init; }

    /// <summary><c>{resource}/.default</c>.</summary>
    public required string Scope { get; init; }

    /// <summary>Claims to set (or, with null, remove) after issuing; the token is re-signed with the real key.</summary>
    public IReadOnlyDictionary<string, object?> Claims { get; init; } = new Dictionary<string, object?>();
}

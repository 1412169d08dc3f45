using Microsoft.AspNetCore.DataProtection;

namespace FakeEntra.Server.Token;

/// <summary>What a refresh token remembers of the sign-in it continues.</summary>
public sealed record RefreshTokenPayload
{
    /// <summary>Tenant the token was issued in.</summary>
    public required Guid TenantId { get; init; }
    public required Guid ClientId { get; init; }
    public required Guid HomeTenantId { get; init; }
    public required Guid HomeObjectId { get; init; }
    /// <summary>The scope string of the original request, used when a refresh names none.</summary>
    public required string Scope { get; init; }
    /// <summary>When the user signed in; revocation compares against it.</summary>
    public required DateTimeOffset AuthTime { get; init; }
    /// <summary>When this refresh token was issued; inactivity is counted from it.</summary>
    public required DateTimeOffset IssuedAt { get; init; }
    /// <summary>The authorization code the chain began with, if any; a replayed code revokes it.</summary>
    public Guid? GrantId { get; init; }
    /// <summary>The browser session of an interactive sign-in, carried into refreshed ID tokens.</summary>
    public Guid? SessionId { get; init; }
    public SignInProof Proof { get; init; } = new();
}

/// <summary>
/// Self-contained, encrypted refresh tokens: like Entra's opaque tokens they roll on every use and need no database write to issue.
/// </summary>
public sealed class RefreshTokenCodec(PayloadKey key, IDataProtectionProvider provider) : ProtectedPayloadCodec<RefreshTokenPayload>(key, provider, "FakeEntra.RefreshToken.v1");

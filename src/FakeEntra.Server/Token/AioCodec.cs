using Microsoft.AspNetCore.DataProtection;

namespace FakeEntra.Server.Token;

/// <summary>What a user's access token remembers of its sign-in, for the on-behalf-of request that may present it later.</summary>
public sealed record AioPayload
{
    public required Guid HomeTenantId { get; init; }
    public required Guid HomeObjectId { get; init; }
    public required DateTimeOffset AuthTime { get; init; }
    public SignInProof Proof { get; init; } = new();
    /// <summary>The resource tenant's sign-in log row that admitted the token: the inspector shows its decision trace.</summary>
    public Guid? SignInId { get; init; }
}

/// <summary>
/// Entra's <c>aio</c> claim is opaque and internal, "used to record data for token reuse". FakeEntra puts the sign-in's home
/// account and MFA/device facts there, encrypted, so an on-behalf-of request is judged on the facts of the original sign-in
/// without a database write per token; and the id of the sign-in log row, so the token inspector finds the decision trace.
/// </summary>
public sealed class AioCodec(PayloadKey key, IDataProtectionProvider provider) : ProtectedPayloadCodec<AioPayload>(key, provider, "FakeEntra.Aio.v1");

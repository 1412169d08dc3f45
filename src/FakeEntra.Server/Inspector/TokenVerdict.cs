using FakeEntra.Core.Monitoring;
using FakeEntra.Server.SignInLogs;
using FakeEntra.Server.Token;

namespace FakeEntra.Server.Inspector;

public sealed record TenantName(Guid Id, string DisplayName);

/// <summary>What FakeEntra can say of a token it issued: signature, lifetime, tenants, and the sign-in decision that admitted it.</summary>
public sealed record TokenVerdict
{
    public required bool SignatureValid { get; init; }
    public bool Expired { get; init; }
    public bool NotYetValid { get; init; }
    public TenantName? IssuingTenant { get; init; }
    /// <summary>The user's home tenant, from the token's <c>aio</c>; differs from the issuing tenant for cross-tenant tokens.</summary>
    public TenantName? HomeTenant { get; init; }
    public SignIn? SignIn { get; init; }

    /// <summary>
    /// Judges a pasted token. The sign-in is found through the sign-in row id the token's (encrypted) <c>aio</c> carries: no
    /// write per token, and it survives restarts as the sign-in log does.
    /// </summary>
    public static async Task<TokenVerdict> JudgeAsync(string token, Issuance issuance, IssuedTokenReader reader, AioCodec aio, SignInLogStore store, SignInLogWriter writer)
    {
        var (jwt, tenant, problem) = reader.ReadAny(token, issuance);
        if (jwt is null || tenant is null) return new TokenVerdict { SignatureValid = false };
        var facts = aio.Unprotect(jwt.TryGetPayloadValue<string>("aio", out var value) ? value : null);
        var home = facts is null ? null : issuance.Directory.FindTenant(facts.HomeTenantId);
        SignIn? signIn = null;
        if (facts?.SignInId is { } signInId)
        {
            signIn = store.Find(tenant.Id, signInId);
            if (signIn is null)
            {
                // A token minted a moment ago: its row may still be on its way to the store.
                await writer.FlushAsync();
                signIn = store.Find(tenant.Id, signInId);
            }
        }
        return new TokenVerdict
        {
            SignatureValid = true,
            Expired = problem == IssuedTokenProblem.Expired,
            NotYetValid = problem == IssuedTokenProblem.NotYetValid,
            IssuingTenant = new TenantName(tenant.Id, tenant.Organization.DisplayName),
            HomeTenant = home is null ? null : new TenantName(home.Id, home.Organization.DisplayName),
            SignIn = signIn,
        };
    }
}

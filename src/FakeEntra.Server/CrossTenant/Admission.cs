using FakeEntra.Core.Tokens;

namespace FakeEntra.Server.CrossTenant;

/// <summary>
/// The gate's yes for one user, resource tenant and resource app. Delegated tokens are minted only from one, and only for the
/// tenant and app it names, so no grant can issue a token on a decision made for another resource.
/// </summary>
public sealed class Admission
{
    private Admission(TokenUser identity, Guid resourceTenantId, Guid resourceAppId, Guid? signInId)
    {
        SignInId = signInId;
        Identity = identity;
        ResourceTenantId = resourceTenantId;
        ResourceAppId = resourceAppId;
    }

    /// <summary>Who the token says the user is in the resource tenant (member, guest, direct connect).</summary>
    public TokenUser Identity { get; }
    public Guid ResourceTenantId { get; }
    public Guid ResourceAppId { get; }
    /// <summary>The resource tenant's sign-in log row of the decision (carried in the token's <c>aio</c>, for the inspector's trace).</summary>
    public Guid? SignInId { get; }

    internal static Admission For(GateRequest request, TokenUser identity, Guid? signInId) => new(identity, request.Resource.Id, request.ResourceApp.AppId, signInId);
}

using FakeEntra.Core.DirectoryObjects;
using FakeEntra.Core.Monitoring;
using FakeEntra.Server.Hosting;
using FakeEntra.Server.World;

namespace FakeEntra.Server.Graph;

/// <summary>
/// Graph's plumbing, shared by the JSON endpoints and the admin console: who calls (from a bearer header or from the
/// console's session), the directory, and the one place a change is written and audited.
/// </summary>
public sealed class GraphContext(DirectoryState state, DirectoryWriter writer, DirectoryAuditStore audits, Token.IssuedTokenReader reader, PublicOrigin origin, TimeProvider clock)
{
    public DirectorySnapshot Directory => state.Current;

    /// <summary>The caller of a Graph request, from its <c>Authorization</c> header; each service asks for the permission it needs.</summary>
    public GraphCaller Caller(HttpContext http) =>
        GraphCaller.Authenticate(http, reader, Issuance()) with { CorrelationId = RequestIds.Of(http).CorrelationId };

    public GraphCaller Caller(HttpContext http, GraphPermission permission)
    {
        var caller = Caller(http);
        caller.Require(permission);
        return caller;
    }

    /// <summary>The caller holding <paramref name="accessToken"/> (the admin console's Graph token), judged exactly as a bearer header is.</summary>
    public GraphCaller Caller(HttpContext http, string accessToken) =>
        GraphCaller.FromAccessToken(accessToken, http, reader, Issuance()) with { CorrelationId = RequestIds.Of(http).CorrelationId };

    /// <summary>Writes a change to the caller's tenant, then its <c>directoryAudit</c> row with the old and new values.</summary>
    public void Change(GraphCaller caller, string category, Func<TenantDirectory, TenantDirectory> change, string activity, string operation, string targetId,
        IReadOnlyList<ModifiedProperty> properties)
    {
        writer.Update(caller.Tenant.Id, change);
        audits.Append(caller.Tenant.Id, new DirectoryAudit
        {
            Id = Guid.NewGuid(),
            Category = category,
            CorrelationId = caller.CorrelationId,
            ActivityDisplayName = activity,
            ActivityDateTime = clock.GetUtcNow(),
            OperationType = operation,
            InitiatedBy = caller.Initiator,
            TargetResources = [new TargetResource(targetId, "Policy", properties, targetId)],
        });
    }

    public Token.Issuance Issuance() => new(state.Current, origin.Value, clock.GetUtcNow());
}

using FakeEntra.Core.DirectoryObjects;
using FakeEntra.Core.Monitoring;
using FakeEntra.Server.Hosting;
using FakeEntra.Server.Storage;
using FakeEntra.Server.World;

namespace FakeEntra.Server.Graph;

/// <summary>What a Graph write records in the directory audit log.</summary>
public sealed record AuditEntry(string Activity, string Operation, string TargetId, IReadOnlyList<ModifiedProperty> Properties);

/// <summary>
/// Graph's plumbing, shared by the JSON endpoints and the admin console: who calls (from a bearer header or from the
/// console's session), the directory, and the one place a change is written and audited.
/// </summary>
public sealed class GraphContext(DirectoryState state, DirectoryWriter writer, Token.IssuedTokenReader reader, PublicOrigin origin, TimeProvider clock)
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

    /// <summary>
    /// One transaction in the caller's tenant: <paramref name="change"/> reads what is stored now and changes it, and returns
    /// what to audit; the audit row commits with the change, and the snapshot has both before this returns.
    /// </summary>
    public Task ChangeAsync(GraphCaller caller, string category, Func<DirectoryTransaction, Task<AuditEntry>> change) =>
        writer.ChangeAsync(caller.Tenant.Id, async transaction =>
        {
            var entry = await change(transaction);
            transaction.Audit(new DirectoryAudit
            {
                Id = Guid.NewGuid(),
                Category = category,
                CorrelationId = caller.CorrelationId,
                ActivityDisplayName = entry.Activity,
                ActivityDateTime = clock.GetUtcNow(),
                OperationType = entry.Operation,
                InitiatedBy = caller.Initiator,
                TargetResources = [new TargetResource(entry.TargetId, "Policy", entry.Properties, entry.TargetId)],
            });
            return true;
        });

    /// <summary>Graph's optimistic concurrency: a write with <c>If-Match</c> applies only to the version it names (<c>*</c>: any).</summary>
    public static void CheckIfMatch<T>(string? ifMatch, Stored<T> stored)
    {
        if (ifMatch is { Length: > 0 } wanted && wanted != "*" && !wanted.Split(',', StringSplitOptions.TrimEntries).Contains(stored.ETag))
            throw GraphException.PreconditionFailed();
    }

    public Token.Issuance Issuance() => new(state.Current, origin.Value, clock.GetUtcNow());
}

using FakeEntra.Core.DirectoryObjects;
using FakeEntra.Core.Monitoring;
using FakeEntra.Server.Hosting;
using FakeEntra.Server.Storage;
using FakeEntra.Server.World;

namespace FakeEntra.Server.Graph;

/// <summary>What a Graph write records in the directory audit log.</summary>
public sealed record AuditEntry(string Activity, string Operation, string TargetId, IReadOnlyList<ModifiedProperty> Properties);

/// <summary>Per-request Graph plumbing: the caller, the directory, and changes that write the audit log in their own transaction.</summary>
public sealed class GraphContext(DirectoryState state, DirectoryWriter writer, Token.IssuedTokenReader reader, PublicOrigin origin, TimeProvider clock)
{
    public DirectorySnapshot Directory => state.Current;

    public GraphCaller Caller(HttpContext http, GraphPermission permission)
    {
        var caller = GraphCaller.Authenticate(http, reader, new Token.Issuance(state.Current, origin.Value, clock.GetUtcNow()));
        caller.Require(permission);
        return caller;
    }

    /// <summary>
    /// One transaction in the caller's tenant: <paramref name="change"/> reads what is stored now and changes it, and returns
    /// what to audit; the audit row commits with the change, and the snapshot has both before this returns.
    /// </summary>
    public Task ChangeAsync(HttpContext http, GraphCaller caller, string category, Func<DirectoryTransaction, Task<AuditEntry>> change) =>
        writer.ChangeAsync(caller.Tenant.Id, async transaction =>
        {
            var entry = await change(transaction);
            transaction.Audit(new DirectoryAudit
            {
                Id = Guid.NewGuid(),
                Category = category,
                CorrelationId = RequestIds.Of(http).CorrelationId,
                ActivityDisplayName = entry.Activity,
                ActivityDateTime = clock.GetUtcNow(),
                OperationType = entry.Operation,
                InitiatedBy = caller.Initiator,
                TargetResources = [new TargetResource(entry.TargetId, "Policy", entry.Properties, entry.TargetId)],
            });
            return true;
        });

    /// <summary>Graph's optimistic concurrency: a write with <c>If-Match</c> applies only to the version it names (<c>*</c>: any).</summary>
    public static void CheckIfMatch<T>(HttpContext http, Stored<T> stored)
    {
        var wanted = http.Request.Headers.IfMatch.ToString();
        if (wanted.Length > 0 && wanted != "*" && !wanted.Split(',', StringSplitOptions.TrimEntries).Contains(stored.ETag)) throw GraphException.PreconditionFailed();
    }
}

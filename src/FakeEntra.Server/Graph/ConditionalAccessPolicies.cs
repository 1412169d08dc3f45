using System.Text.Json;
using System.Text.Json.Nodes;
using FakeEntra.Core.ConditionalAccess;
using FakeEntra.Core.Monitoring;
using FakeEntra.Server.Storage;
using Kinds = FakeEntra.Core.DirectoryObjects.DirectoryObjectKinds;

namespace FakeEntra.Server.Graph;

/// <summary>
/// A tenant's Conditional Access policies, limited to the subset FakeEntra evaluates: read, created, changed and deleted with
/// the rules scenario files are checked by, each change audited (category Policy). The Graph endpoints and the admin console
/// both go through it.
/// </summary>
public sealed class ConditionalAccessPolicies(GraphContext g, TimeProvider clock)
{
    private const string Category = "Policy";

    public IReadOnlyList<ConditionalAccessPolicy> List(GraphCaller caller)
    {
        caller.Require(GraphPermission.ReadPolicies);
        return caller.Tenant.ConditionalAccessPolicies;
    }

    public ConditionalAccessPolicy Get(GraphCaller caller, string id)
    {
        caller.Require(GraphPermission.ReadPolicies);
        return Find(caller, id);
    }

    public async Task<ConditionalAccessPolicy> CreateAsync(GraphCaller caller, JsonObject body)
    {
        caller.Require(GraphPermission.WriteConditionalAccess);
        var policy = GraphResources.ConditionalAccessPolicy.Create<ConditionalAccessPolicy>(body) with { CreatedDateTime = clock.GetUtcNow() };
        Check(policy);
        await g.ChangeAsync(caller, Category, transaction =>
        {
            transaction.Add(Kinds.ConditionalAccessPolicy, policy);
            return Task.FromResult(new AuditEntry("Add conditional access policy", "Add", policy.Id.ToString("D"), [new ModifiedProperty("ConditionalAccessPolicy", null, Json(policy))]));
        });
        return policy;
    }

    public Task UpdateAsync(GraphCaller caller, string id, JsonObject patch, string? ifMatch = null)
    {
        caller.Require(GraphPermission.WriteConditionalAccess);
        return g.ChangeAsync(caller, Category, async transaction =>
        {
            var stored = await Stored(transaction, id);
            GraphContext.CheckIfMatch(ifMatch, stored);
            var after = GraphResources.ConditionalAccessPolicy.Update(stored.Value, patch) with { ModifiedDateTime = clock.GetUtcNow() };
            Check(after);
            transaction.Update(Kinds.ConditionalAccessPolicy, stored, after);
            return new AuditEntry("Update conditional access policy", "Update", after.Id.ToString("D"), [new ModifiedProperty("ConditionalAccessPolicy", Json(stored.Value), Json(after))]);
        });
    }

    public Task DeleteAsync(GraphCaller caller, string id, string? ifMatch = null)
    {
        caller.Require(GraphPermission.WriteConditionalAccess);
        return g.ChangeAsync(caller, Category, async transaction =>
        {
            var stored = await Stored(transaction, id);
            GraphContext.CheckIfMatch(ifMatch, stored);
            transaction.Delete(Kinds.ConditionalAccessPolicy, stored);
            return new AuditEntry("Delete conditional access policy", "Delete", stored.Value.Id.ToString("D"), [new ModifiedProperty("ConditionalAccessPolicy", Json(stored.Value), null)]);
        });
    }

    private static async Task<Stored<ConditionalAccessPolicy>> Stored(DirectoryTransaction transaction, string id) =>
        (Guid.TryParse(id, out var policyId) ? await transaction.FindAsync(Kinds.ConditionalAccessPolicy, Kinds.Key(policyId)) : null)
        ?? throw GraphException.NotFound($"No Conditional Access policy '{id}'.");

    private static ConditionalAccessPolicy Find(GraphCaller caller, string id) =>
        (Guid.TryParse(id, out var policyId) ? caller.Tenant.ConditionalAccessPolicies.FirstOrDefault(p => p.Id == policyId) : null)
        ?? throw GraphException.NotFound($"No Conditional Access policy '{id}'.");

    private static void Check(ConditionalAccessPolicy policy)
    {
        if (ConditionalAccessPolicyRules.Check(policy) is { } p) throw GraphException.InvalidPolicyValue(p);
    }

    private static string Json(ConditionalAccessPolicy policy) => JsonSerializer.Serialize(policy, GraphJson.Output);
}

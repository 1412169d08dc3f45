using System.Text.Json;
using System.Text.Json.Nodes;
using FakeEntra.Core.ConditionalAccess;
using FakeEntra.Core.Monitoring;

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

    public ConditionalAccessPolicy Create(GraphCaller caller, JsonObject body)
    {
        caller.Require(GraphPermission.WriteConditionalAccess);
        var policy = GraphResources.ConditionalAccessPolicy.Create<ConditionalAccessPolicy>(body) with { CreatedDateTime = clock.GetUtcNow() };
        Check(policy);
        g.Change(caller, Category, t => t with { ConditionalAccessPolicies = [.. t.ConditionalAccessPolicies, policy] },
            "Add conditional access policy", "Add", policy.Id.ToString("D"), [new ModifiedProperty("ConditionalAccessPolicy", null, Json(policy))]);
        return policy;
    }

    public void Update(GraphCaller caller, string id, JsonObject patch)
    {
        caller.Require(GraphPermission.WriteConditionalAccess);
        var before = Find(caller, id);
        var after = GraphResources.ConditionalAccessPolicy.Update(before, patch) with { ModifiedDateTime = clock.GetUtcNow() };
        Check(after);
        g.Change(caller, Category, t => t with { ConditionalAccessPolicies = [.. t.ConditionalAccessPolicies.Select(p => p.Id == before.Id ? after : p)] },
            "Update conditional access policy", "Update", before.Id.ToString("D"), [new ModifiedProperty("ConditionalAccessPolicy", Json(before), Json(after))]);
    }

    public void Delete(GraphCaller caller, string id)
    {
        caller.Require(GraphPermission.WriteConditionalAccess);
        var before = Find(caller, id);
        g.Change(caller, Category, t => t with { ConditionalAccessPolicies = [.. t.ConditionalAccessPolicies.Where(p => p.Id != before.Id)] },
            "Delete conditional access policy", "Delete", before.Id.ToString("D"), [new ModifiedProperty("ConditionalAccessPolicy", Json(before), null)]);
    }

    private static ConditionalAccessPolicy Find(GraphCaller caller, string id) =>
        (Guid.TryParse(id, out var policyId) ? caller.Tenant.ConditionalAccessPolicies.FirstOrDefault(p => p.Id == policyId) : null)
        ?? throw GraphException.NotFound($"No Conditional Access policy '{id}'.");

    private static void Check(ConditionalAccessPolicy policy)
    {
        if (ConditionalAccessPolicyRules.Check(policy) is { } p) throw GraphException.InvalidPolicyValue(p);
    }

    private static string Json(ConditionalAccessPolicy policy) => JsonSerializer.Serialize(policy, GraphJson.Output);
}

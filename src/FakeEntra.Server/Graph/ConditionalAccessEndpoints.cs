using System.Text.Json;
using System.Text.Json.Nodes;
using FakeEntra.Core.ConditionalAccess;
using FakeEntra.Core.Monitoring;
using FakeEntra.Server.Storage;
using Kinds = FakeEntra.Core.DirectoryObjects.DirectoryObjectKinds;

namespace FakeEntra.Server.Graph;

/// <summary><c>/v1.0/identity/conditionalAccess/policies</c>: the subset of Conditional Access FakeEntra evaluates, audited (category Policy).</summary>
public static class ConditionalAccessEndpoints
{
    private const string Root = "/identity/conditionalAccess/policies";
    private const string Category = "Policy";

    public static RouteGroupBuilder MapConditionalAccess(this RouteGroupBuilder graph)
    {
        graph.MapGet(Root, (HttpContext http, GraphContext g) =>
            GraphJson.Ok(new { value = g.Caller(http, GraphPermission.ReadPolicies).Tenant.ConditionalAccessPolicies }, "identity/conditionalAccess/policies"));

        graph.MapGet($"{Root}/{{id}}", (string id, HttpContext http, GraphContext g) =>
            GraphJson.Ok(Find(g.Caller(http, GraphPermission.ReadPolicies), id), "identity/conditionalAccess/policies/$entity"));

        graph.MapPost(Root, async (HttpContext http, GraphContext g, TimeProvider clock) =>
        {
            var caller = g.Caller(http, GraphPermission.WriteConditionalAccess);
            var body = await GraphRequestBody.ReadObjectAsync(http.Request);
            var policy = GraphResources.ConditionalAccessPolicy.Create<ConditionalAccessPolicy>(body) with { CreatedDateTime = clock.GetUtcNow() };
            Check(policy);
            await g.ChangeAsync(http, caller, Category, transaction =>
            {
                transaction.Add(Kinds.ConditionalAccessPolicy, policy);
                return Task.FromResult(new AuditEntry("Add conditional access policy", "Add", policy.Id.ToString("D"), [new ModifiedProperty("ConditionalAccessPolicy", null, Json(policy))]));
            });
            return GraphJson.Ok(policy, "identity/conditionalAccess/policies/$entity", StatusCodes.Status201Created);
        });

        graph.MapMethods($"{Root}/{{id}}", ["PATCH"], async (string id, HttpContext http, GraphContext g, TimeProvider clock) =>
        {
            var caller = g.Caller(http, GraphPermission.WriteConditionalAccess);
            var patch = await GraphRequestBody.ReadObjectAsync(http.Request);
            await g.ChangeAsync(http, caller, Category, async transaction =>
            {
                var stored = await Find(transaction, id);
                GraphContext.CheckIfMatch(http, stored);
                var after = GraphResources.ConditionalAccessPolicy.Update(stored.Value, patch) with { ModifiedDateTime = clock.GetUtcNow() };
                Check(after);
                transaction.Update(Kinds.ConditionalAccessPolicy, stored, after);
                return new AuditEntry("Update conditional access policy", "Update", after.Id.ToString("D"), [new ModifiedProperty("ConditionalAccessPolicy", Json(stored.Value), Json(after))]);
            });
            return Results.NoContent();
        });

        graph.MapDelete($"{Root}/{{id}}", async (string id, HttpContext http, GraphContext g) =>
        {
            var caller = g.Caller(http, GraphPermission.WriteConditionalAccess);
            await g.ChangeAsync(http, caller, Category, async transaction =>
            {
                var stored = await Find(transaction, id);
                GraphContext.CheckIfMatch(http, stored);
                transaction.Delete(Kinds.ConditionalAccessPolicy, stored);
                return new AuditEntry("Delete conditional access policy", "Delete", stored.Value.Id.ToString("D"), [new ModifiedProperty("ConditionalAccessPolicy", Json(stored.Value), null)]);
            });
            return Results.NoContent();
        });
        return graph;
    }

    private static async Task<Stored<ConditionalAccessPolicy>> Find(DirectoryTransaction transaction, string id) =>
        (Guid.TryParse(id, out var policyId) ? await transaction.FindAsync(Kinds.ConditionalAccessPolicy, Kinds.Key(policyId)) : null)
        ?? throw GraphException.NotFound($"No Conditional Access policy '{id}'.");

    private static ConditionalAccessPolicy Find(GraphCaller caller, string id) =>
        (Guid.TryParse(id, out var policyId) ? caller.Tenant.ConditionalAccessPolicies.FirstOrDefault(p => p.Id == policyId) : null)
        ?? throw GraphException.NotFound($"No Conditional Access policy '{id}'.");

    private static void Check(ConditionalAccessPolicy policy)
    {
        if (ConditionalAccessPolicyRules.Check(policy) is { } p) throw GraphException.BadRequest($"Invalid value for '{p.Member}': {p.Problem}.");
    }

    private static string Json(ConditionalAccessPolicy policy) => JsonSerializer.Serialize(policy, GraphJson.Output);
}

using System.Text.Json;
using System.Text.Json.Nodes;
using FakeEntra.Core.CrossTenantAccess;
using FakeEntra.Core.DirectoryObjects;
using FakeEntra.Core.Monitoring;
using FakeEntra.Core.Scenarios;
using FakeEntra.Server.Storage;
using Kinds = FakeEntra.Core.DirectoryObjects.DirectoryObjectKinds;

namespace FakeEntra.Server.Graph;

/// <summary>
/// <c>/v1.0/policies/crossTenantAccessPolicy</c>: the policy, its default and its partners, with Graph's status codes and
/// validation, each change recorded in the directory audit log (category CrossTenantAccessSettings, Entra's activity names).
/// </summary>
public static class CrossTenantAccessPolicyEndpoints
{
    private const string Category = "CrossTenantAccessSettings";
    private const string Root = "/policies/crossTenantAccessPolicy";

    public static RouteGroupBuilder MapCrossTenantAccessPolicy(this RouteGroupBuilder graph)
    {
        graph.MapGet(Root, (HttpContext http, GraphContext g) =>
        {
            var caller = g.Caller(http, GraphPermission.ReadPolicies);
            var policy = caller.Tenant.CrossTenantAccessPolicy;
            return GraphJson.Ok(new { id = policy.Id.ToString("D"), policy.DisplayName, policy.AllowedCloudEndpoints }, "policies/crossTenantAccessPolicy/$entity");
        });

        graph.MapMethods(Root, ["PATCH"], async (HttpContext http, GraphContext g) =>
        {
            var caller = g.Caller(http, GraphPermission.WriteCrossTenantAccess);
            var patch = await GraphRequestBody.ReadObjectAsync(http.Request);
            await g.ChangeAsync(http, caller, Category, async transaction =>
            {
                var stored = await Find(transaction, Kinds.CrossTenantAccessPolicy, DirectoryObjectKinds.Key(caller.Tenant.CrossTenantAccessPolicy.Id), "The policy");
                GraphContext.CheckIfMatch(http, stored);
                var before = stored.Value;
                // Only the policy's own members: default and partners have their own routes.
                var root = new PolicyRoot(before.DisplayName, before.AllowedCloudEndpoints);
                var after = GraphResources.CrossTenantAccessPolicy.Update(root, patch);
                transaction.Update(Kinds.CrossTenantAccessPolicy, stored, before with { DisplayName = after.DisplayName, AllowedCloudEndpoints = after.AllowedCloudEndpoints });
                return new AuditEntry("Update a cross-tenant access policy", "Update", before.Id.ToString("D"), Changes(root, after, patch));
            });
            return Results.NoContent();
        });

        graph.MapGet($"{Root}/default", (HttpContext http, GraphContext g) =>
            GraphJson.Ok(g.Caller(http, GraphPermission.ReadPolicies).Tenant.CrossTenantAccessPolicy.Default, "policies/crossTenantAccessPolicy/default/$entity"));

        graph.MapMethods($"{Root}/default", ["PATCH"], async (HttpContext http, GraphContext g) =>
        {
            var caller = g.Caller(http, GraphPermission.WriteCrossTenantAccess);
            var patch = await GraphRequestBody.ReadObjectAsync(http.Request);
            await g.ChangeAsync(http, caller, Category, async transaction =>
            {
                var stored = await Find(transaction, Kinds.CrossTenantAccessPolicyDefault, "default", "The default setting");
                GraphContext.CheckIfMatch(http, stored);
                var after = GraphResources.CrossTenantAccessPolicyConfigurationDefault.Update(stored.Value, patch) with { IsServiceDefault = false };
                Check(CrossTenantAccessPolicyRules.Check(after));
                transaction.Update(Kinds.CrossTenantAccessPolicyDefault, stored, after);
                return new AuditEntry("Update the company default cross-tenant access setting", "Update", "default", Changes(stored.Value, after, patch));
            });
            return Results.NoContent();
        });

        graph.MapPost($"{Root}/default/resetToSystemDefault", async (HttpContext http, GraphContext g) =>
        {
            var caller = g.Caller(http, GraphPermission.WriteCrossTenantAccess);
            await g.ChangeAsync(http, caller, Category, async transaction =>
            {
                var stored = await Find(transaction, Kinds.CrossTenantAccessPolicyDefault, "default", "The default setting");
                var after = CrossTenantAccessPolicyConfigurationDefault.ServiceDefault;
                transaction.Update(Kinds.CrossTenantAccessPolicyDefault, stored, after);
                return new AuditEntry("Reset the cross-tenant access default setting", "Update", "default", Changes(stored.Value, after, null));
            });
            return Results.NoContent();
        });

        graph.MapGet($"{Root}/partners", (HttpContext http, GraphContext g) =>
        {
            var caller = g.Caller(http, GraphPermission.ReadPolicies);
            return GraphJson.Ok(new { value = caller.Tenant.CrossTenantAccessPolicy.Partners }, "policies/crossTenantAccessPolicy/partners");
        });

        graph.MapPost($"{Root}/partners", async (HttpContext http, GraphContext g) =>
        {
            var caller = g.Caller(http, GraphPermission.WriteCrossTenantAccess);
            var body = await GraphRequestBody.ReadObjectAsync(http.Request);
            var partner = GraphResources.CrossTenantAccessPolicyConfigurationPartner.Create<CrossTenantAccessPolicyConfigurationPartner>(body);
            if (partner.TenantId == caller.Tenant.Id) throw GraphException.BadRequest("A tenant cannot be configured as a partner of itself.");
            if (g.Directory.FindTenant(partner.TenantId) is null) throw GraphException.BadRequest($"Tenant '{partner.TenantId}' was not found.");
            Check(CrossTenantAccessPolicyRules.Check(partner));
            var exists = GraphException.AlreadyExists($"A partner configuration for tenant '{partner.TenantId}' already exists.");
            await g.ChangeAsync(http, caller, Category, async transaction =>
            {
                // Checked here for the usual answer; the database's unique key decides between simultaneous creates.
                if (await transaction.ExistsAsync(Kinds.CrossTenantAccessPolicyPartner, DirectoryObjectKinds.Key(partner.TenantId))) throw exists;
                transaction.Conflict = () => exists;
                transaction.Add(Kinds.CrossTenantAccessPolicyPartner, partner);
                return new AuditEntry("Add a partner to cross-tenant access setting", "Add", partner.TenantId.ToString("D"), Changes(null, partner, body));
            });
            return GraphJson.Ok(partner, "policies/crossTenantAccessPolicy/partners/$entity", StatusCodes.Status201Created);
        });

        graph.MapGet($"{Root}/partners/{{tenantId}}", async (string tenantId, HttpContext http, GraphContext g, StateStore store) =>
        {
            var caller = g.Caller(http, GraphPermission.ReadPolicies);
            var stored = await store.ReadAsync(db => Partner(new DirectoryTransaction(db, caller.Tenant.Id), tenantId));
            var body = GraphJson.WithContext(JsonSerializer.SerializeToNode(stored.Value, GraphJson.Output)!.AsObject(), "policies/crossTenantAccessPolicy/partners/$entity");
            body.Insert(1, "@odata.etag", stored.ETag);
            return Results.Json(body, GraphJson.Output, "application/json; odata.metadata=minimal; odata.streaming=true; IEEE754Compatible=false; charset=utf-8");
        });

        graph.MapMethods($"{Root}/partners/{{tenantId}}", ["PATCH"], async (string tenantId, HttpContext http, GraphContext g) =>
        {
            var caller = g.Caller(http, GraphPermission.WriteCrossTenantAccess);
            var patch = await GraphRequestBody.ReadObjectAsync(http.Request);
            await g.ChangeAsync(http, caller, Category, async transaction =>
            {
                var stored = await Partner(transaction, tenantId);
                GraphContext.CheckIfMatch(http, stored);
                var after = GraphResources.CrossTenantAccessPolicyConfigurationPartner.Update(stored.Value, patch);
                Check(CrossTenantAccessPolicyRules.Check(after));
                transaction.Update(Kinds.CrossTenantAccessPolicyPartner, stored, after);
                return new AuditEntry("Update a partner cross-tenant access setting", "Update", after.TenantId.ToString("D"), Changes(stored.Value, after, patch));
            });
            return Results.NoContent();
        });

        graph.MapDelete($"{Root}/partners/{{tenantId}}", async (string tenantId, HttpContext http, GraphContext g) =>
        {
            var caller = g.Caller(http, GraphPermission.WriteCrossTenantAccess);
            await g.ChangeAsync(http, caller, Category, async transaction =>
            {
                var stored = await Partner(transaction, tenantId);
                GraphContext.CheckIfMatch(http, stored);
                transaction.Delete(Kinds.CrossTenantAccessPolicyPartner, stored);
                return new AuditEntry("Delete partner specific cross-tenant access setting", "Delete", stored.Value.TenantId.ToString("D"), Changes(stored.Value, null, null));
            });
            return Results.NoContent();
        });
        return graph;
    }

    private sealed record PolicyRoot(string DisplayName, IReadOnlyList<string> AllowedCloudEndpoints);

    private static async Task<Stored<CrossTenantAccessPolicyConfigurationPartner>> Partner(DirectoryTransaction transaction, string tenantId) =>
        (Guid.TryParse(tenantId, out var id) ? await transaction.FindAsync(Kinds.CrossTenantAccessPolicyPartner, DirectoryObjectKinds.Key(id)) : null)
        ?? throw GraphException.NotFound($"No partner configuration exists for tenant '{tenantId}'.");

    private static async Task<Stored<T>> Find<T>(DirectoryTransaction transaction, DirectoryObjectKind<T> kind, string key, string what) where T : class =>
        await transaction.FindAsync(kind, key) ?? throw GraphException.NotFound($"{what} is not stored.");

    private static void Check(PolicyProblem? problem)
    {
        if (problem is { } p) throw GraphException.BadRequest($"Invalid value for '{p.Member}': {p.Problem}.");
    }

    /// <summary>One modified property per member that changed (or that the request named), with old and new JSON.</summary>
    private static IReadOnlyList<ModifiedProperty> Changes<T>(T? before, T? after, JsonObject? named) where T : class
    {
        var old = before is null ? new JsonObject() : JsonSerializer.SerializeToNode(before, GraphJson.Output)!.AsObject();
        var now = after is null ? new JsonObject() : JsonSerializer.SerializeToNode(after, GraphJson.Output)!.AsObject();
        return [.. old.Select(p => p.Key).Union(now.Select(p => p.Key))
            .Where(key => !JsonNode.DeepEquals(old[key], now[key]) || (named?.ContainsKey(key) ?? false))
            .Select(key => new ModifiedProperty(key, old[key]?.ToJsonString(), now[key]?.ToJsonString()))];
    }
}

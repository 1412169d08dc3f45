using System.Text.Json;
using System.Text.Json.Nodes;
using FakeEntra.Core.CrossTenantAccess;
using FakeEntra.Core.DirectoryObjects;
using FakeEntra.Core.Monitoring;
using FakeEntra.Core.Scenarios;
using FakeEntra.Server.Hosting;
using FakeEntra.Server.World;

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
            var before = caller.Tenant.CrossTenantAccessPolicy;
            // Only the policy's own members: default and partners have their own routes.
            var root = new PolicyRoot(before.DisplayName, before.AllowedCloudEndpoints);
            var after = GraphResources.CrossTenantAccessPolicy.Update(root, patch);
            g.Change(http, caller, Category, t => t with
            {
                CrossTenantAccessPolicy = t.CrossTenantAccessPolicy with { DisplayName = after.DisplayName, AllowedCloudEndpoints = after.AllowedCloudEndpoints },
            }, "Update a cross-tenant access policy", "Update", before.Id.ToString("D"), Changes(root, after, patch));
            return Results.NoContent();
        });

        graph.MapGet($"{Root}/default", (HttpContext http, GraphContext g) =>
            GraphJson.Ok(g.Caller(http, GraphPermission.ReadPolicies).Tenant.CrossTenantAccessPolicy.Default, "policies/crossTenantAccessPolicy/default/$entity"));

        graph.MapMethods($"{Root}/default", ["PATCH"], async (HttpContext http, GraphContext g) =>
        {
            var caller = g.Caller(http, GraphPermission.WriteCrossTenantAccess);
            var patch = await GraphRequestBody.ReadObjectAsync(http.Request);
            var before = caller.Tenant.CrossTenantAccessPolicy.Default;
            var after = GraphResources.CrossTenantAccessPolicyConfigurationDefault.Update(before, patch) with { IsServiceDefault = false };
            Check(CrossTenantAccessPolicyRules.Check(after));
            g.Change(http, caller, Category, t => t with { CrossTenantAccessPolicy = t.CrossTenantAccessPolicy with { Default = after } },
                "Update the company default cross-tenant access setting", "Update", "default", Changes(before, after, patch));
            return Results.NoContent();
        });

        graph.MapPost($"{Root}/default/resetToSystemDefault", (HttpContext http, GraphContext g) =>
        {
            var caller = g.Caller(http, GraphPermission.WriteCrossTenantAccess);
            var before = caller.Tenant.CrossTenantAccessPolicy.Default;
            var after = CrossTenantAccessPolicyConfigurationDefault.ServiceDefault;
            g.Change(http, caller, Category, t => t with { CrossTenantAccessPolicy = t.CrossTenantAccessPolicy with { Default = after } },
                "Reset the cross-tenant access default setting", "Update", "default", Changes(before, after, null));
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
            if (caller.Tenant.CrossTenantAccessPolicy.Partners.Any(p => p.TenantId == partner.TenantId))
                throw new GraphException(409, "Request_MultipleObjectsWithSameKeyValue", $"A partner configuration for tenant '{partner.TenantId}' already exists.");
            Check(CrossTenantAccessPolicyRules.Check(partner));
            g.Change(http, caller, Category, t => t with { CrossTenantAccessPolicy = t.CrossTenantAccessPolicy with { Partners = [.. t.CrossTenantAccessPolicy.Partners, partner] } },
                "Add a partner to cross-tenant access setting", "Add", partner.TenantId.ToString("D"), Changes(null, partner, body));
            return GraphJson.Ok(partner, "policies/crossTenantAccessPolicy/partners/$entity", StatusCodes.Status201Created);
        });

        graph.MapGet($"{Root}/partners/{{tenantId}}", (string tenantId, HttpContext http, GraphContext g) =>
            GraphJson.Ok(Partner(g.Caller(http, GraphPermission.ReadPolicies), tenantId), "policies/crossTenantAccessPolicy/partners/$entity"));

        graph.MapMethods($"{Root}/partners/{{tenantId}}", ["PATCH"], async (string tenantId, HttpContext http, GraphContext g) =>
        {
            var caller = g.Caller(http, GraphPermission.WriteCrossTenantAccess);
            var before = Partner(caller, tenantId);
            var patch = await GraphRequestBody.ReadObjectAsync(http.Request);
            var after = GraphResources.CrossTenantAccessPolicyConfigurationPartner.Update(before, patch);
            Check(CrossTenantAccessPolicyRules.Check(after));
            g.Change(http, caller, Category, t => t with
            {
                CrossTenantAccessPolicy = t.CrossTenantAccessPolicy with
                {
                    Partners = [.. t.CrossTenantAccessPolicy.Partners.Select(p => p.TenantId == before.TenantId ? after : p)],
                },
            }, "Update a partner cross-tenant access setting", "Update", before.TenantId.ToString("D"), Changes(before, after, patch));
            return Results.NoContent();
        });

        graph.MapDelete($"{Root}/partners/{{tenantId}}", (string tenantId, HttpContext http, GraphContext g) =>
        {
            var caller = g.Caller(http, GraphPermission.WriteCrossTenantAccess);
            var before = Partner(caller, tenantId);
            g.Change(http, caller, Category, t => t with
            {
                CrossTenantAccessPolicy = t.CrossTenantAccessPolicy with { Partners = [.. t.CrossTenantAccessPolicy.Partners.Where(p => p.TenantId != before.TenantId)] },
            }, "Delete partner specific cross-tenant access setting", "Delete", before.TenantId.ToString("D"), Changes(before, null, null));
            return Results.NoContent();
        });
        return graph;
    }

    private sealed record PolicyRoot(string DisplayName, IReadOnlyList<string> AllowedCloudEndpoints);

    private static CrossTenantAccessPolicyConfigurationPartner Partner(GraphCaller caller, string tenantId) =>
        (Guid.TryParse(tenantId, out var id) ? caller.Tenant.CrossTenantAccessPolicy.Partners.FirstOrDefault(p => p.TenantId == id) : null)
        ?? throw GraphException.NotFound($"No partner configuration exists for tenant '{tenantId}'.");

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

/// <summary>Per-request Graph plumbing: the caller, the directory, and changes that write the audit log.</summary>
public sealed class GraphContext(DirectoryState state, DirectoryWriter writer, DirectoryAuditStore audits, Token.IssuedTokenReader reader, PublicOrigin origin, TimeProvider clock)
{
    public DirectorySnapshot Directory => state.Current;

    public GraphCaller Caller(HttpContext http, GraphPermission permission)
    {
        var caller = GraphCaller.Authenticate(http, reader, new Token.Issuance(state.Current, origin.Value, clock.GetUtcNow()));
        caller.Require(permission);
        return caller;
    }

    public void Change(HttpContext http, GraphCaller caller, string category, Func<TenantDirectory, TenantDirectory> change, string activity, string operation, string targetId,
        IReadOnlyList<ModifiedProperty> properties)
    {
        writer.Update(caller.Tenant.Id, change);
        audits.Append(caller.Tenant.Id, new DirectoryAudit
        {
            Id = Guid.NewGuid(),
            Category = category,
            CorrelationId = RequestIds.Of(http).CorrelationId,
            ActivityDisplayName = activity,
            ActivityDateTime = clock.GetUtcNow(),
            OperationType = operation,
            InitiatedBy = caller.Initiator,
            TargetResources = [new TargetResource(targetId, "Policy", properties, targetId)],
        });
    }
}

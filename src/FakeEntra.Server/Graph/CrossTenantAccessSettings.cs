using System.Text.Json;
using System.Text.Json.Nodes;
using FakeEntra.Core.CrossTenantAccess;
using FakeEntra.Core.Monitoring;

namespace FakeEntra.Server.Graph;

/// <summary>
/// A tenant's cross-tenant access settings — the policy, its default and its partners — read and changed with Graph's
/// validation, each change in the directory audit log (category CrossTenantAccessSettings, Entra's activity names).
/// The Graph endpoints and the admin console both go through it.
/// </summary>
public sealed class CrossTenantAccessSettings(GraphContext g)
{
    private const string Category = "CrossTenantAccessSettings";

    public CrossTenantAccessPolicy Policy(GraphCaller caller)
    {
        caller.Require(GraphPermission.ReadPolicies);
        return caller.Tenant.CrossTenantAccessPolicy;
    }

    /// <summary>Only the policy's own members: default and partners have their own operations.</summary>
    public void UpdatePolicy(GraphCaller caller, JsonObject patch)
    {
        caller.Require(GraphPermission.WriteCrossTenantAccess);
        var before = caller.Tenant.CrossTenantAccessPolicy;
        var root = new PolicyRoot(before.DisplayName, before.AllowedCloudEndpoints);
        var after = GraphResources.CrossTenantAccessPolicy.Update(root, patch);
        g.Change(caller, Category, t => t with
        {
            CrossTenantAccessPolicy = t.CrossTenantAccessPolicy with { DisplayName = after.DisplayName, AllowedCloudEndpoints = after.AllowedCloudEndpoints },
        }, "Update a cross-tenant access policy", "Update", before.Id.ToString("D"), Changes(root, after, patch));
    }

    public CrossTenantAccessPolicyConfigurationDefault Default(GraphCaller caller) => Policy(caller).Default;

    public void UpdateDefault(GraphCaller caller, JsonObject patch)
    {
        caller.Require(GraphPermission.WriteCrossTenantAccess);
        var before = caller.Tenant.CrossTenantAccessPolicy.Default;
        var after = GraphResources.CrossTenantAccessPolicyConfigurationDefault.Update(before, patch) with { IsServiceDefault = false };
        Check(CrossTenantAccessPolicyRules.Check(after));
        g.Change(caller, Category, t => t with { CrossTenantAccessPolicy = t.CrossTenantAccessPolicy with { Default = after } },
            "Update the company default cross-tenant access setting", "Update", "default", Changes(before, after, patch));
    }

    public void ResetDefault(GraphCaller caller)
    {
        caller.Require(GraphPermission.WriteCrossTenantAccess);
        var before = caller.Tenant.CrossTenantAccessPolicy.Default;
        var after = CrossTenantAccessPolicyConfigurationDefault.ServiceDefault;
        g.Change(caller, Category, t => t with { CrossTenantAccessPolicy = t.CrossTenantAccessPolicy with { Default = after } },
            "Reset the cross-tenant access default setting", "Update", "default", Changes(before, after, null));
    }

    public IReadOnlyList<CrossTenantAccessPolicyConfigurationPartner> Partners(GraphCaller caller) => Policy(caller).Partners;

    public CrossTenantAccessPolicyConfigurationPartner Partner(GraphCaller caller, string tenantId) => Find(Policy(caller), tenantId);

    public CrossTenantAccessPolicyConfigurationPartner AddPartner(GraphCaller caller, JsonObject body)
    {
        caller.Require(GraphPermission.WriteCrossTenantAccess);
        var partner = GraphResources.CrossTenantAccessPolicyConfigurationPartner.Create<CrossTenantAccessPolicyConfigurationPartner>(body);
        if (partner.TenantId == caller.Tenant.Id) throw GraphException.BadRequest("A tenant cannot be configured as a partner of itself.", "tenantId");
        if (g.Directory.FindTenant(partner.TenantId) is null) throw GraphException.BadRequest($"Tenant '{partner.TenantId}' was not found.", "tenantId");
        if (caller.Tenant.CrossTenantAccessPolicy.Partners.Any(p => p.TenantId == partner.TenantId))
            throw new GraphException(409, "Request_MultipleObjectsWithSameKeyValue", $"A partner configuration for tenant '{partner.TenantId}' already exists.") { Property = "tenantId" };
        Check(CrossTenantAccessPolicyRules.Check(partner));
        g.Change(caller, Category, t => t with { CrossTenantAccessPolicy = t.CrossTenantAccessPolicy with { Partners = [.. t.CrossTenantAccessPolicy.Partners, partner] } },
            "Add a partner to cross-tenant access setting", "Add", partner.TenantId.ToString("D"), Changes(null, partner, body));
        return partner;
    }

    public void UpdatePartner(GraphCaller caller, string tenantId, JsonObject patch)
    {
        caller.Require(GraphPermission.WriteCrossTenantAccess);
        var before = Find(caller.Tenant.CrossTenantAccessPolicy, tenantId);
        var after = GraphResources.CrossTenantAccessPolicyConfigurationPartner.Update(before, patch);
        Check(CrossTenantAccessPolicyRules.Check(after));
        g.Change(caller, Category, t => t with
        {
            CrossTenantAccessPolicy = t.CrossTenantAccessPolicy with
            {
                Partners = [.. t.CrossTenantAccessPolicy.Partners.Select(p => p.TenantId == before.TenantId ? after : p)],
            },
        }, "Update a partner cross-tenant access setting", "Update", before.TenantId.ToString("D"), Changes(before, after, patch));
    }

    public void DeletePartner(GraphCaller caller, string tenantId)
    {
        caller.Require(GraphPermission.WriteCrossTenantAccess);
        var before = Find(caller.Tenant.CrossTenantAccessPolicy, tenantId);
        g.Change(caller, Category, t => t with
        {
            CrossTenantAccessPolicy = t.CrossTenantAccessPolicy with { Partners = [.. t.CrossTenantAccessPolicy.Partners.Where(p => p.TenantId != before.TenantId)] },
        }, "Delete partner specific cross-tenant access setting", "Delete", before.TenantId.ToString("D"), Changes(before, null, null));
    }

    private sealed record PolicyRoot(string DisplayName, IReadOnlyList<string> AllowedCloudEndpoints);

    private static CrossTenantAccessPolicyConfigurationPartner Find(CrossTenantAccessPolicy policy, string tenantId) =>
        (Guid.TryParse(tenantId, out var id) ? policy.Partners.FirstOrDefault(p => p.TenantId == id) : null)
        ?? throw GraphException.NotFound($"No partner configuration exists for tenant '{tenantId}'.");

    private static void Check(PolicyProblem? problem)
    {
        if (problem is { } p) throw GraphException.InvalidPolicyValue(p);
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

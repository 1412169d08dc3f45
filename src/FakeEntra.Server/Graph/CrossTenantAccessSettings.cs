using System.Text.Json;
using System.Text.Json.Nodes;
using FakeEntra.Core.CrossTenantAccess;
using FakeEntra.Core.DirectoryObjects;
using FakeEntra.Core.Monitoring;
using FakeEntra.Server.Storage;
using Kinds = FakeEntra.Core.DirectoryObjects.DirectoryObjectKinds;

namespace FakeEntra.Server.Graph;

/// <summary>
/// A tenant's cross-tenant access settings — the policy, its default and its partners — read and changed with Graph's
/// validation, each change in the directory audit log (category CrossTenantAccessSettings, Entra's activity names).
/// The Graph endpoints and the admin console both go through it.
/// </summary>
public sealed class CrossTenantAccessSettings(GraphContext g, StateStore store)
{
    private const string Category = "CrossTenantAccessSettings";

    public CrossTenantAccessPolicy Policy(GraphCaller caller)
    {
        caller.Require(GraphPermission.ReadPolicies);
        return caller.Tenant.CrossTenantAccessPolicy;
    }

    /// <summary>Only the policy's own members: default and partners have their own operations.</summary>
    public Task UpdatePolicyAsync(GraphCaller caller, JsonObject patch, string? ifMatch = null)
    {
        caller.Require(GraphPermission.WriteCrossTenantAccess);
        return g.ChangeAsync(caller, Category, async transaction =>
        {
            var stored = await Stored(transaction, Kinds.CrossTenantAccessPolicy, Kinds.Key(caller.Tenant.CrossTenantAccessPolicy.Id));
            GraphContext.CheckIfMatch(ifMatch, stored);
            var before = stored.Value;
            var root = new PolicyRoot(before.DisplayName, before.AllowedCloudEndpoints);
            var after = GraphResources.CrossTenantAccessPolicy.Update(root, patch);
            transaction.Update(Kinds.CrossTenantAccessPolicy, stored, before with { DisplayName = after.DisplayName, AllowedCloudEndpoints = after.AllowedCloudEndpoints });
            return new AuditEntry("Update a cross-tenant access policy", "Update", before.Id.ToString("D"), Changes(root, after, patch));
        });
    }

    public CrossTenantAccessPolicyConfigurationDefault Default(GraphCaller caller) => Policy(caller).Default;

    public Task UpdateDefaultAsync(GraphCaller caller, JsonObject patch, string? ifMatch = null)
    {
        caller.Require(GraphPermission.WriteCrossTenantAccess);
        return g.ChangeAsync(caller, Category, async transaction =>
        {
            var stored = await Stored(transaction, Kinds.CrossTenantAccessPolicyDefault, "default");
            GraphContext.CheckIfMatch(ifMatch, stored);
            var after = GraphResources.CrossTenantAccessPolicyConfigurationDefault.Update(stored.Value, patch) with { IsServiceDefault = false };
            Check(CrossTenantAccessPolicyRules.Check(after));
            transaction.Update(Kinds.CrossTenantAccessPolicyDefault, stored, after);
            return new AuditEntry("Update the company default cross-tenant access setting", "Update", "default", Changes(stored.Value, after, patch));
        });
    }

    public Task ResetDefaultAsync(GraphCaller caller)
    {
        caller.Require(GraphPermission.WriteCrossTenantAccess);
        return g.ChangeAsync(caller, Category, async transaction =>
        {
            var stored = await Stored(transaction, Kinds.CrossTenantAccessPolicyDefault, "default");
            var after = CrossTenantAccessPolicyConfigurationDefault.ServiceDefault;
            transaction.Update(Kinds.CrossTenantAccessPolicyDefault, stored, after);
            return new AuditEntry("Reset the cross-tenant access default setting", "Update", "default", Changes(stored.Value, after, null));
        });
    }

    public IReadOnlyList<CrossTenantAccessPolicyConfigurationPartner> Partners(GraphCaller caller) => Policy(caller).Partners;

    public CrossTenantAccessPolicyConfigurationPartner Partner(GraphCaller caller, string tenantId) => Find(Policy(caller), tenantId);

    /// <summary>A partner as stored now, with its <c>@odata.etag</c>.</summary>
    public async Task<Stored<CrossTenantAccessPolicyConfigurationPartner>> StoredPartnerAsync(GraphCaller caller, string tenantId)
    {
        caller.Require(GraphPermission.ReadPolicies);
        return await store.ReadAsync(db => Partner(new DirectoryTransaction(db, caller.Tenant.Id), tenantId));
    }

    public async Task<CrossTenantAccessPolicyConfigurationPartner> AddPartnerAsync(GraphCaller caller, JsonObject body)
    {
        caller.Require(GraphPermission.WriteCrossTenantAccess);
        var partner = GraphResources.CrossTenantAccessPolicyConfigurationPartner.Create<CrossTenantAccessPolicyConfigurationPartner>(body);
        if (partner.TenantId == caller.Tenant.Id) throw GraphException.BadRequest("A tenant cannot be configured as a partner of itself.", "tenantId");
        if (g.Directory.FindTenant(partner.TenantId) is null) throw GraphException.BadRequest($"Tenant '{partner.TenantId}' was not found.", "tenantId");
        Check(CrossTenantAccessPolicyRules.Check(partner));
        var exists = GraphException.AlreadyExists($"A partner configuration for tenant '{partner.TenantId}' already exists.", "tenantId");
        await g.ChangeAsync(caller, Category, async transaction =>
        {
            // Checked here for the usual answer; the database's unique key decides between simultaneous creates.
            if (await transaction.ExistsAsync(Kinds.CrossTenantAccessPolicyPartner, Kinds.Key(partner.TenantId))) throw exists;
            transaction.Conflict = () => exists;
            transaction.Add(Kinds.CrossTenantAccessPolicyPartner, partner);
            return new AuditEntry("Add a partner to cross-tenant access setting", "Add", partner.TenantId.ToString("D"), Changes(null, partner, body));
        });
        return partner;
    }

    public Task UpdatePartnerAsync(GraphCaller caller, string tenantId, JsonObject patch, string? ifMatch = null)
    {
        caller.Require(GraphPermission.WriteCrossTenantAccess);
        return g.ChangeAsync(caller, Category, async transaction =>
        {
            var stored = await Partner(transaction, tenantId);
            GraphContext.CheckIfMatch(ifMatch, stored);
            var after = GraphResources.CrossTenantAccessPolicyConfigurationPartner.Update(stored.Value, patch);
            Check(CrossTenantAccessPolicyRules.Check(after));
            transaction.Update(Kinds.CrossTenantAccessPolicyPartner, stored, after);
            return new AuditEntry("Update a partner cross-tenant access setting", "Update", after.TenantId.ToString("D"), Changes(stored.Value, after, patch));
        });
    }

    public Task DeletePartnerAsync(GraphCaller caller, string tenantId, string? ifMatch = null)
    {
        caller.Require(GraphPermission.WriteCrossTenantAccess);
        return g.ChangeAsync(caller, Category, async transaction =>
        {
            var stored = await Partner(transaction, tenantId);
            GraphContext.CheckIfMatch(ifMatch, stored);
            transaction.Delete(Kinds.CrossTenantAccessPolicyPartner, stored);
            return new AuditEntry("Delete partner specific cross-tenant access setting", "Delete", stored.Value.TenantId.ToString("D"), Changes(stored.Value, null, null));
        });
    }

    private static async Task<Stored<CrossTenantAccessPolicyConfigurationPartner>> Partner(DirectoryTransaction transaction, string tenantId) =>
        (Guid.TryParse(tenantId, out var id) ? await transaction.FindAsync(Kinds.CrossTenantAccessPolicyPartner, Kinds.Key(id)) : null)
        ?? throw GraphException.NotFound($"No partner configuration exists for tenant '{tenantId}'.");

    private static async Task<Stored<T>> Stored<T>(DirectoryTransaction transaction, DirectoryObjectKind<T> kind, string key) where T : class =>
        await transaction.FindAsync(kind, key) ?? throw GraphException.NotFound($"The {kind.Name} is not stored.");

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

using FakeEntra.Core.DirectoryObjects;
using FakeEntra.Server.Storage;

namespace FakeEntra.Server.World;

/// <summary>
/// Changes one tenant's directory: writes it to the state file, then swaps in a new snapshot. Changes are serialized so
/// none is lost; readers keep the snapshot they started with.
/// </summary>
public sealed class DirectoryWriter(DirectoryState state, SqliteStore store)
{
    private readonly Lock _gate = new();

    public TenantDirectory Update(Guid tenantId, Func<TenantDirectory, TenantDirectory> change)
    {
        lock (_gate)
        {
            var current = state.Current;
            var tenant = current.FindTenant(tenantId) ?? throw new KeyNotFoundException($"No tenant {tenantId}.");
            var changed = change(tenant);
            store.SaveTenant(changed);
            state.Replace(new DirectorySnapshot(current.Tenants.Select(t => t.Id == tenantId ? changed : t)));
            return changed;
        }
    }
}

using FakeEntra.Core.DirectoryObjects;
using FakeEntra.Server.Storage;
using Microsoft.EntityFrameworkCore;

namespace FakeEntra.Server.World;

/// <summary>
/// Changes one tenant's directory: one transaction that reads the stored objects, writes the changed rows (and the change's
/// audit row), commits, then replays the same edits onto the snapshot before answering. A write that lost a race for a row
/// (another process changed it after it was read) runs again on what is stored then.
/// </summary>
public sealed class DirectoryWriter(DirectoryState state, StateStore store)
{
    private const int Attempts = 5;

    public async Task<T> ChangeAsync<T>(Guid tenantId, Func<DirectoryTransaction, Task<T>> change)
    {
        for (var attempt = 1; ; attempt++)
        {
            DirectoryTransaction? transaction = null;
            try
            {
                return await store.WriteAsync(db =>
                {
                    transaction = new DirectoryTransaction(db, tenantId);
                    return change(transaction);
                }, _ => state.Apply(transaction!.Edits));
            }
            catch (DbUpdateConcurrencyException) when (attempt < Attempts)
            {
                // Read again and re-apply the change to the current row.
            }
            catch (DbUpdateException e) when (StateStore.IsUniqueViolation(e) && transaction?.Conflict is { } conflict)
            {
                throw conflict();
            }
        }
    }

    /// <summary>
    /// A change to a whole tenant at once (tests and tools that edit the world directly): the edits between the tenant as the
    /// snapshot holds it and as <paramref name="change"/> returns it.
    /// </summary>
    public Task UpdateAsync(Guid tenantId, Func<TenantDirectory, TenantDirectory> change) => ChangeAsync(tenantId, async transaction =>
    {
        var tenant = state.Current.FindTenant(tenantId) ?? throw new KeyNotFoundException($"No tenant {tenantId}.");
        await transaction.ApplyAsync(DirectoryDiff.Between(tenant, change(tenant)));
        return true;
    });
}

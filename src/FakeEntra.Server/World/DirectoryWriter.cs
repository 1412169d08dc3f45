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
            var version = 0L;
            try
            {
                return await store.WriteAsync(async db =>
                {
                    transaction = new DirectoryTransaction(db, tenantId);
                    var result = await change(transaction);
                    version = await StateStore.CountDirectoryChangeAsync(db);
                    return result;
                }, _ => state.Apply(transaction!.Edits, version, Load));
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

    /// <summary>Loads the directory again when another process sharing the database changed it (a cheap check when none did).</summary>
    public async Task CatchUpAsync()
    {
        if (store.Sql(StateStore.DirectoryVersion) == state.Version) return;
        await store.WriteAsync(db =>
        {
            var sql = StateSql.Of(db);
            var version = StateStore.DirectoryVersion(sql);
            if (version != state.Version) state.Replace(new DirectorySnapshot(DirectoryTransaction.Load(sql)), version);
            return Task.CompletedTask;
        });
    }

    private DirectorySnapshot Load() => new(store.Sql(DirectoryTransaction.Load));

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

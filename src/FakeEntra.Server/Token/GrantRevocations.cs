using System.Collections.Concurrent;
using FakeEntra.Server.Storage;
using FakeEntra.Server.Storage.Rows;
using Microsoft.EntityFrameworkCore;

namespace FakeEntra.Server.Token;

/// <summary>
/// Authorization grants whose tokens must no longer refresh (a replayed authorization code revokes what it issued).
/// Kept in memory for the token path and in the state file so a restart does not revive them.
/// </summary>
public sealed class GrantRevocations
{
    private readonly StateStore _store;
    private readonly ConcurrentDictionary<Guid, bool> _revoked;

    public GrantRevocations(StateStore store)
    {
        _store = store;
        _revoked = new(store.Sql(sql => sql.Read("""SELECT "GrantId" FROM "GrantRevocations" """, r => KeyValuePair.Create(r.GetGuid(0), true))));
    }

    /// <summary>Revocations another process sharing the database stored.</summary>
    public async Task RefreshAsync()
    {
        foreach (var id in await _store.ReadAsync(db => db.GrantRevocations.AsNoTracking().Select(r => r.GrantId).ToListAsync())) _revoked.TryAdd(id, true);
    }

    public bool IsRevoked(Guid? grantId) => grantId is { } id && _revoked.ContainsKey(id);

    /// <summary>Stored before it returns, so what the caller answers next already holds after a crash.</summary>
    public async Task RevokeAsync(Guid grantId)
    {
        if (!_revoked.TryAdd(grantId, true)) return;
        await _store.WriteAsync(async db =>
        {
            if (await db.GrantRevocations.FindAsync(grantId) is null) db.GrantRevocations.Add(new GrantRevocationRow { GrantId = grantId, Revoked = DateTime.UtcNow });
        });
    }
}

using System.Collections.Concurrent;
using FakeEntra.Server.Storage;

namespace FakeEntra.Server.Token;

/// <summary>
/// Authorization grants whose tokens must no longer refresh (a replayed authorization code revokes what it issued).
/// Kept in memory for the token path and in the state file so a restart does not revive them.
/// </summary>
public sealed class GrantRevocations
{
    private readonly SqliteStore _store;
    private readonly ConcurrentDictionary<Guid, bool> _revoked;

    public GrantRevocations(SqliteStore store)
    {
        _store = store;
        _revoked = new(store.LoadRevokedGrants().Select(id => KeyValuePair.Create(id, true)));
    }

    public bool IsRevoked(Guid? grantId) => grantId is { } id && _revoked.ContainsKey(id);

    public void Revoke(Guid grantId)
    {
        if (_revoked.TryAdd(grantId, true)) _store.AddRevokedGrant(grantId);
    }
}

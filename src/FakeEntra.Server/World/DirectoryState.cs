using FakeEntra.Core.DirectoryObjects;

namespace FakeEntra.Server.World;

/// <summary>
/// The current directory snapshot, read lock-free by requests. Committed writes replay their edits onto it in commit order
/// (the store runs them one after another), so it never lags behind an answered write.
/// </summary>
public sealed class DirectoryState(DirectorySnapshot initial)
{
    private volatile DirectorySnapshot _current = initial;

    public DirectorySnapshot Current => _current;

    public void Apply(IReadOnlyList<DirectoryEdit> edits)
    {
        if (edits.Count > 0) _current = _current.Apply(edits);
    }

    /// <summary>The whole world replaced (seeding).</summary>
    public void Replace(DirectorySnapshot snapshot) => _current = snapshot;
}

using FakeEntra.Core.DirectoryObjects;

namespace FakeEntra.Server.World;

/// <summary>
/// The current directory snapshot, read lock-free by requests, and the count of directory changes it reflects. Committed writes
/// replay their edits onto it in commit order (the store runs them one after another), so it never lags behind an answered
/// write; changes made by another process on a shared database are loaded whole (<see cref="DirectoryWriter.CatchUpAsync"/>).
/// </summary>
public sealed class DirectoryState(DirectorySnapshot initial, long version)
{
    private volatile DirectorySnapshot _current = initial;

    public DirectorySnapshot Current => _current;

    public long Version { get; private set; } = version;

    /// <summary>This process's committed write, the <paramref name="version"/>th change of the directory.</summary>
    public void Apply(IReadOnlyList<DirectoryEdit> edits, long version, Func<DirectorySnapshot> reload)
    {
        // A count that skipped means another process wrote meanwhile: what it changed is read from the database.
        _current = version == Version + 1 ? _current.Apply(edits) : reload();
        Version = version;
    }

    public void Replace(DirectorySnapshot snapshot, long version)
    {
        _current = snapshot;
        Version = version;
    }
}

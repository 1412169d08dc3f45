using FakeEntra.Core.DirectoryObjects;

namespace FakeEntra.Server.World;

/// <summary>The current directory snapshot; replaced whole when the directory changes, read lock-free by requests.</summary>
public sealed class DirectoryState(DirectorySnapshot initial)
{
    private volatile DirectorySnapshot _current = initial;

    public DirectorySnapshot Current => _current;

    public void Replace(DirectorySnapshot snapshot) => _current = snapshot;
}

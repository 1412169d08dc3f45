using Xunit;

namespace FakeEntra.Testing.Xunit;

/// <summary>
/// One FakeEntra for a test class (<c>IClassFixture&lt;FakeEntraFixture&gt;</c>) or a collection
/// (<c>[CollectionDefinition("FakeEntra")] public class FakeEntraCollection : ICollectionFixture&lt;FakeEntraFixture&gt;;</c>).
/// Derive and override <see cref="Options"/> for a world of your own.
/// </summary>
public class FakeEntraFixture : IAsyncLifetime
{
    private FakeEntraServer? _idp;

    /// <summary>The running server.</summary>
    public FakeEntraServer Idp => _idp ?? throw new InvalidOperationException("The fixture has not started yet.");

    /// <summary>How the server starts; the built-in world by default.</summary>
    protected virtual FakeEntraServerOptions Options => new();

    public async Task InitializeAsync() => _idp = await FakeEntraServer.StartAsync(Options);

    public async Task DisposeAsync()
    {
        if (_idp is not null) await _idp.DisposeAsync();
    }
}

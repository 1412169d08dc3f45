namespace SharedChannels.Tests.Infrastructure;

/// <summary>One FakeEntra and one API for a test class (<c>IClassFixture&lt;SharedChannelsFixture&gt;</c>), on the built-in world.</summary>
public class SharedChannelsFixture : IAsyncLifetime
{
    private SharedChannelsHost? _host;

    public SharedChannelsHost Host => _host ?? throw new InvalidOperationException("The fixture has not started yet.");

    public async Task InitializeAsync() => _host = await SharedChannelsHost.StartAsync();

    public async Task DisposeAsync()
    {
        if (_host is not null) await _host.DisposeAsync();
    }
}

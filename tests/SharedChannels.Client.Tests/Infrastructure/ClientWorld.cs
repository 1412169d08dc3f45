using FakeEntra.Testing;
using FakeEntra.Testing.World;

namespace SharedChannels.Client.Tests.Infrastructure;

/// <summary>A FakeEntra of its own for one test, and the client's options that point at it (its CA, a token cache of the test's own).</summary>
public sealed class ClientWorld : IAsyncDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "sharedchannels-client-tests", Guid.NewGuid().ToString("N"));

    private ClientWorld(FakeEntraServer idp) => Idp = idp;

    public FakeEntraServer Idp { get; }

    public string CachePath => Path.Combine(_folder, "cache", "token-cache.json");

    public static async Task<ClientWorld> StartAsync(FakeEntraWorld? world = null) =>
        new(await FakeEntraServer.StartAsync(new FakeEntraServerOptions { World = world }));

    /// <summary>The client's arguments: the command's, then FakeEntra's origin, its CA and this test's cache.</summary>
    public string[] Args(params string[] args) =>
        [.. args, "--fakeentra", Idp.Origin, "--ca", Path.Combine(Idp.DataDirectory, "certs", "ca.crt"), "--cache", CachePath];

    /// <summary>The arguments of a scripted sign-in as <paramref name="user"/>: password and the authenticator's current code.</summary>
    public string[] Password(string user) => ["--user", user, "--password", DefaultWorld.Password, "--otp", Idp.OneTimeCode()];

    public Task<ClientRun> RunAsync(params string[] args) => ClientProcess.RunAsync(Args(args));

    public async ValueTask DisposeAsync()
    {
        await Idp.DisposeAsync();
        if (Directory.Exists(_folder)) Directory.Delete(_folder, recursive: true);
    }
}

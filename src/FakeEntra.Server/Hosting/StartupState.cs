using FakeEntra.Server.Signing;
using FakeEntra.Server.Storage;
using FakeEntra.Server.World;

namespace FakeEntra.Server.Hosting;

/// <summary>
/// What a start reads or makes in the data directory before it can answer: the state store (its schema made or migrated), the
/// world (loaded, or seeded on a first start), the signing key (made on a first start, an RSA key pair, while the world is seeded).
/// </summary>
public sealed record StartupState(StateStore Store, DirectoryState World, SigningKeyRing SigningKeys)
{
    /// <summary>Brings the state up on other threads; a broken scenario surfaces as its <c>ScenarioException</c> when awaited.</summary>
    public static Task<StartupState> StartAsync(FakeEntraOptions options) => Task.Run(async () =>
    {
        var store = new StateStore(options.DataDirectory, options.Database);
        var signingKeys = Task.Run(() => SigningKeyRing.LoadOrCreate(store));
        StateKeyRepository.ImportFolder(store, Path.Combine(options.DataDirectory, "keys"));
        // A console logger costs about 20 ms of a start; it is made only when the world has something to say.
        var loggerFactory = new Lazy<ILoggerFactory>(() => LoggerFactory.Create(l => l.AddSimpleConsole(ConsoleLogging.Format)));
        try
        {
            var world = WorldInitializer.Initialize(store, options, () => loggerFactory.Value.CreateLogger("FakeEntra"));
            return new StartupState(store, world, await signingKeys);
        }
        finally
        {
            // Disposing writes out what it logged.
            if (loggerFactory.IsValueCreated) loggerFactory.Value.Dispose();
        }
    });
}

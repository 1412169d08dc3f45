using FakeEntra.Core.DirectoryObjects;
using FakeEntra.Core.Scenarios;
using FakeEntra.Core.Security;
using FakeEntra.Server.Storage;
using FakeEntra.Server.World;

namespace FakeEntra.Server.StartPage;

/// <summary>
/// The development passwords and client secrets the world was seeded with, for the start page. The store keeps only
/// hashes, so they are read from the scenario again and shown only while they still match (a changed one is not shown).
/// </summary>
public sealed class DevCredentials(StateStore store, ILogger<DevCredentials> logger)
{
    private readonly Lazy<Scenario?> _scenario = new(() => Load(store, logger));

    public string? PasswordOf(User user) =>
        _scenario.Value?.Tenants.SelectMany(t => t.Users).FirstOrDefault(u => u.Id == user.Id)?.PasswordProfile?.Password is { } password
        && user.PasswordHash is { } hash && PasswordHasher.Verify(password, hash)
            ? password
            : null;

    public IEnumerable<string> SecretsOf(Application app) =>
        (_scenario.Value?.Tenants.SelectMany(t => t.Applications).FirstOrDefault(a => a.AppId == app.AppId)?.PasswordCredentials ?? [])
        .Select(c => c.SecretText)
        .OfType<string>()
        .Where(secret => app.PasswordCredentials.Any(c => c.SecretHash is { } hash && SecretHasher.Verify(secret, hash)));

    private static Scenario? Load(StateStore store, ILogger logger)
    {
        var stamp = store.Setting(WorldInitializer.ScenarioSetting);
        var source = stamp?[..stamp.LastIndexOf('#')];
        try
        {
            return source == WorldInitializer.BuiltInSource
                ? ScenarioLoader.Parse(WorldInitializer.BuiltInScenarioJson(), source)
                : source is not null && File.Exists(source) ? ScenarioLoader.LoadFile(source) : null;
        }
        catch (ScenarioException e)
        {
            logger.LogInformation("The start page shows no development credentials: {Problem}", e.Message);
            return null;
        }
    }
}

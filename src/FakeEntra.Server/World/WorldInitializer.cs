using System.Security.Cryptography;
using System.Text;
using FakeEntra.Core.DirectoryObjects;
using FakeEntra.Core.Scenarios;
using FakeEntra.Server.Hosting;
using FakeEntra.Server.Storage;
using Microsoft.EntityFrameworkCore;

namespace FakeEntra.Server.World;

/// <summary>
/// Brings the stored world up at start: seeds it from the scenario on first start or with <c>--reset</c>,
/// otherwise keeps what the data directory holds. A configured scenario is validated at every start, so a broken file stops
/// start-up, unless it is the very text the stored world was seeded from (validated then: parsing a large world again would
/// cost more than loading it).
/// </summary>
public static class WorldInitializer
{
    public const string BuiltInSource = "built-in default world (samples/scenarios/default.json)";
    private const string ResourceName = "FakeEntra.Server.default-scenario.json";

    /// <param name="logger">Called only when there is something to say.</param>
    public static DirectoryState Initialize(StateStore store, FakeEntraOptions options, Func<ILogger> logger)
    {
        var path = options.Scenario;
        var source = path is null ? BuiltInSource : Path.GetFullPath(path);
        var stamp = $"{source}#{(path is null ? EmbeddedResource.Read(ResourceName, Hash) : ScenarioLoader.ReadFile(path, Hash))}";

        IReadOnlyList<TenantDirectory> stored;
        long version;
        // The count first: a change another process makes while this one loads shows as a newer count, and is loaded again.
        (version, stored) = store.Sql(sql => (StateStore.DirectoryVersion(sql), options.Reset ? [] : DirectoryTransaction.Load(sql)));
        if (stored.Count > 0)
        {
            var seededFrom = store.Setting(ScenarioSetting);
            if (seededFrom != stamp)
            {
                if (path is not null) ScenarioLoader.Parse(ScenarioLoader.ReadFile(path), source);
                logger().LogWarning("The data directory holds a world seeded from {SeededFrom}; it differs from {Source}. Start with --reset to re-seed.", seededFrom, source);
            }
            return new DirectoryState(new DirectorySnapshot(stored), version);
        }

        var scenario = ScenarioLoader.Parse(path is null ? BuiltInScenarioJson() : ScenarioLoader.ReadFile(path), source);
        var tenants = ScenarioPreparer.Prepare(scenario);
        version = Seed(store, tenants, stamp, replace: options.Reset);
        logger().LogInformation("Seeded {Count} tenants from {Source}.", tenants.Count, source);
        return new DirectoryState(new DirectorySnapshot(tenants), version);
    }

    /// <summary>The setting naming what the world was seeded from (source and a hash of its text).</summary>
    public const string ScenarioSetting = "scenario";

    /// <summary>
    /// Writes the whole directory in one transaction: on first start into an empty one, with <paramref name="replace"/>
    /// (<c>--reset</c>) in place of what is stored; logs and keys stay.
    /// </summary>
    public static long Seed(StateStore store, IReadOnlyList<TenantDirectory> tenants, string stamp, bool replace) => store.WriteAsync(async db =>
    {
        if (replace)
        {
            await db.GroupMembers.ExecuteDeleteAsync();
            await db.PrivacyConsents.ExecuteDeleteAsync();
            await db.DirectoryObjects.ExecuteDeleteAsync();
        }
        foreach (var tenant in tenants) await new DirectoryTransaction(db, tenant.Id) { NewTenant = true }.ApplyAsync(DirectoryDiff.Between(null, tenant));
        StateStore.SetSetting(db, ScenarioSetting, stamp);
        StateStore.SetSetting(db, "seeded", DateTimeOffset.UtcNow.ToString("O"));
        return await StateStore.CountDirectoryChangeAsync(db);
    }).GetAwaiter().GetResult();

    public static string BuiltInScenarioJson() => EmbeddedResource.ReadText(ResourceName);

    // The first 16 hex digits of SHA-256 of the text as UTF-8, read in pieces: a large world's text is never held whole.
    private static string Hash(TextReader reader)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var encoder = Encoding.UTF8.GetEncoder();
        var chars = new char[16384];
        var bytes = new byte[Encoding.UTF8.GetMaxByteCount(chars.Length)];
        int read;
        do
        {
            read = reader.Read(chars);
            hash.AppendData(bytes, 0, encoder.GetBytes(chars, 0, read, bytes, 0, flush: read == 0));
        }
        while (read > 0);
        return Convert.ToHexString(hash.GetHashAndReset())[..16];
    }
}

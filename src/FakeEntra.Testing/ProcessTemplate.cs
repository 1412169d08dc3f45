using FakeEntra.Server.Certificates;
using FakeEntra.Server.Hosting;
using FakeEntra.Server.Signing;
using FakeEntra.Server.Storage;
using Microsoft.Data.Sqlite;

namespace FakeEntra.Testing;

/// <summary>
/// What every server of a test process starts from: a CA with its HTTPS certificate, and the token signing key in an
/// otherwise empty state file (already migrated). Generating those RSA keys is most of a cold start, so it happens once per process; each
/// server then gets a copy (its world, logs and data protection keys stay its own, and issuers differ by port).
/// </summary>
internal static class ProcessTemplate
{
    private static readonly Lazy<string> Template = new(Create, LazyThreadSafetyMode.ExecutionAndPublication);

    public static void CopyTo(string dataDirectory)
    {
        var template = Template.Value;
        foreach (var file in Directory.EnumerateFiles(template, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(dataDirectory, Path.GetRelativePath(template, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    private static string Create()
    {
        var directory = Path.Combine(Path.GetTempPath(), "fakeentra-testing", $"template-{Guid.NewGuid():N}");
        HttpsCertificate.Resolve(new FakeEntraOptions { DataDirectory = directory }, TextWriter.Null);
        using (var store = new StateStore(directory)) SigningKeyRing.LoadOrCreate(store);
        // Closing the pooled connections checkpoints SQLite's write-ahead log into the file that is copied.
        SqliteConnection.ClearAllPools();
        AppDomain.CurrentDomain.ProcessExit += (_, _) => FakeEntraServer.DeleteDirectory(directory);
        return directory;
    }
}

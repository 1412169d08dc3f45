using System.Text.Json;
using FakeEntra.Server.Tests.Infrastructure;

namespace FakeEntra.Server.Tests;

/// <summary>
/// The data directory holds the token-signing key and the refresh-token keys (both in the state file) and the CA's key: only their
/// owner may read them, whether FakeEntra creates them or finds them left readable by an older version.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public class SecretsAtRestTests
{
    private const UnixFileMode NotOwner = UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.GroupExecute
                                          | UnixFileMode.OtherRead | UnixFileMode.OtherWrite | UnixFileMode.OtherExecute;

    private static string NewDataDirectory() => Path.Combine(Path.GetTempPath(), "fakeentra-tests", Guid.NewGuid().ToString("N"));

    [SkippableFact]
    public async Task A_new_data_directory_and_every_secret_in_it_are_its_owners_only()
    {
        Skip.If(OperatingSystem.IsWindows(), "Unix file modes");
        var data = NewDataDirectory();
        await using var server = new FakeEntraServer { DataDirectory = data };
        await server.InitializeAsync();
        await IssueRefreshToken(server);

        AssertOwnerOnly(data, SecretPaths(data));
    }

    [SkippableFact]
    public async Task Secrets_left_readable_by_others_are_restricted_at_start()
    {
        Skip.If(OperatingSystem.IsWindows(), "Unix file modes");
        var data = NewDataDirectory();
        await using (var first = new FakeEntraServer { DataDirectory = data })
        {
            await first.InitializeAsync();
            await IssueRefreshToken(first);
        }
        // As an older FakeEntra left them, plus a rollback journal as a crashed writer leaves one.
        File.WriteAllBytes(Path.Combine(data, "fakeentra.db-journal"), []);
        foreach (var path in SecretPaths(data).Append(Path.Combine(data, "fakeentra.db-journal")))
            File.SetUnixFileMode(path, Directory.Exists(path) ? (UnixFileMode)0b111_101_101 : (UnixFileMode)0b110_100_100);
        File.SetUnixFileMode(data, (UnixFileMode)0b111_101_101);

        await using var second = new FakeEntraServer { DataDirectory = data };
        await second.InitializeAsync();
        AssertOwnerOnly(data, SecretPaths(data).Append(Path.Combine(data, "fakeentra.db-journal")));
    }

    /// <summary>
    /// Every path that holds a secret: the state file (with the signing and Data Protection keys; no key lies beside it) and its
    /// companions, the certificates' private keys.
    /// </summary>
    private static IEnumerable<string> SecretPaths(string data)
    {
        Assert.False(Directory.Exists(Path.Combine(data, "keys")));
        var stateFiles = Directory.GetFiles(data, "fakeentra.db*");
        Assert.Contains(Path.Combine(data, "fakeentra.db"), stateFiles);
        return [.. stateFiles, Path.Combine(data, "certs", "ca.key"), Path.Combine(data, "certs", "server.pfx")];
    }

    private static void AssertOwnerOnly(string data, IEnumerable<string> paths)
    {
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(data));
        foreach (var path in paths)
        {
            var mode = File.GetUnixFileMode(path);
            Assert.True((mode & NotOwner) == 0, $"{path} is {Convert.ToString((int)mode, 8)}");
            Assert.True(mode.HasFlag(UnixFileMode.UserRead), $"{path} is {Convert.ToString((int)mode, 8)}");
        }
    }

    /// <summary>A password grant with offline_access: the refresh token makes Data Protection write its first key.</summary>
    private static async Task IssueRefreshToken(FakeEntraServer server)
    {
        using var http = server.CreateClient();
        var response = await http.PostAsync($"/{World.Contoso}/oauth2/v2.0/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "password",
            ["client_id"] = World.Client,
            ["username"] = "alice@contoso.com",
            ["password"] = World.Password,
            ["scope"] = "openid offline_access " + World.SharedChannelsScope,
        }));
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.True(body.TryGetProperty("refresh_token", out _), body.GetRawText());
    }
}

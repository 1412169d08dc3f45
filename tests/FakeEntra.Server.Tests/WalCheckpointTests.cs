using System.Net;
using System.Net.Http.Json;
using System.Text;
using FakeEntra.Server.Tests.Infrastructure;

namespace FakeEntra.Server.Tests;

/// <summary>
/// No commit checkpoints SQLite's write-ahead log (that stalled a whole group commit now and then); a background checkpoint
/// copies it into the state file while the server runs.
/// </summary>
public sealed class WalCheckpointTests(FakeEntraServer server) : IClassFixture<FakeEntraServer>
{
    [Fact]
    public async Task A_committed_write_reaches_the_state_file_itself_while_the_server_runs()
    {
        using var admin = server.CreateClient();
        admin.WithBearer(await TokenRequests.ContosoAdminTokenAsync(admin));
        var upn = $"checkpoint-{Guid.NewGuid():N}@contoso.com";
        using var created = await admin.PostAsJsonAsync("/v1.0/users", new
        {
            accountEnabled = true,
            displayName = "Checkpoint",
            mailNickname = "checkpoint",
            userPrincipalName = upn,
            passwordProfile = new { password = "Ch3ckp0int!" },
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);

        // The commit wrote the user to the log only; the state file holds it once a checkpoint has run.
        var stateFile = Path.Combine(server.DataDirectory, "fakeentra.db");
        var marker = Encoding.UTF8.GetBytes(upn);
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (!Contains(await ReadShared(stateFile), marker))
        {
            Assert.True(DateTime.UtcNow < deadline, "The write never reached the state file: the write-ahead log is not checkpointed.");
            await Task.Delay(100);
        }
    }

    private static async Task<byte[]> ReadShared(string path)
    {
        await using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        using var bytes = new MemoryStream();
        await file.CopyToAsync(bytes);
        return bytes.ToArray();
    }

    private static bool Contains(byte[] haystack, byte[] needle) => haystack.AsSpan().IndexOf(needle) >= 0;
}

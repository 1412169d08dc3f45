using System.Net;
using System.Text.Json;
using FakeEntra.Server.Tests.Infrastructure;

namespace FakeEntra.Server.Tests;

/// <summary>
/// Pending sign-ins live in the state file: a code issued and a device code approved before FakeEntra stops (here: killed)
/// redeem after it starts again, once; a replay is refused after the restart as before it.
/// </summary>
public sealed class DurableSignInTests
{
    [Fact]
    public async Task A_code_and_an_approved_device_code_outlive_a_restart_and_redeem_once()
    {
        var data = Path.Combine(Path.GetTempPath(), "fakeentra-tests", Guid.NewGuid().ToString("N"));
        PendingSignIns.Code code;
        string deviceCode;
        await using (var before = await ServerProcess.StartExecutableOnAsync(data))
        {
            using var http = before.CreateClient();
            code = await PendingSignIns.IssueCodeAsync(before);
            deviceCode = await PendingSignIns.ApproveDeviceCodeAsync(before, http);
        }

        await using var after = await ServerProcess.StartExecutableOnAsync(data);
        using var client = after.CreateClient();
        using (var redeemed = await PendingSignIns.RedeemAsync(client, code))
        {
            Assert.Equal(HttpStatusCode.OK, redeemed.StatusCode);
            Assert.True(JsonDocument.Parse(await redeemed.Content.ReadAsStringAsync()).RootElement.TryGetProperty("access_token", out _));
        }
        using (var replayed = await PendingSignIns.RedeemAsync(client, code))
            await ErrorTests.AssertEntraError(replayed, 400, 54005, "invalid_grant", null);

        using (var polled = await PendingSignIns.PollAsync(client, deviceCode)) Assert.Equal(HttpStatusCode.OK, polled.StatusCode);
        using (var again = await PendingSignIns.PollAsync(client, deviceCode)) await ErrorTests.AssertEntraError(again, 400, 90120, "invalid_grant", null);
    }
}

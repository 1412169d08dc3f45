using System.Text.RegularExpressions;
using FakeEntra.Testing.World;
using SharedChannels.Client.Tests.Infrastructure;
using SharedChannels.Tests.Infrastructure;

namespace SharedChannels.Tests;

/// <summary>
/// The README's shared channels walkthrough with the client as a person runs it — a process per command, against FakeEntra and
/// the API as real HTTPS hosts: alice shares a channel with bob@fabrikam.com, bob signs in at Fabrikam only and posts with
/// Contoso tokens the client gets from his home sign-in, alice reads it; dan@northwind.com cannot be added.
/// </summary>
public sealed partial class WalkthroughTests : IAsyncLifetime
{
    private SharedChannelsHost _host = null!;
    private readonly string _cache = Path.Combine(Path.GetTempPath(), "shared-channels-tests", $"cache-{Guid.NewGuid():N}.json");

    public async Task InitializeAsync() => _host = await SharedChannelsHost.StartAsync();

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        File.Delete(_cache);
    }

    [Fact]
    public async Task Alice_shares_a_channel_bob_posts_from_his_home_sign_in_and_alice_reads_it()
    {
        await Ok("signin", "--user", "alice@contoso.com", "--password", DefaultWorld.Password, "--otp", _host.Idp.OneTimeCode());
        var team = Id(await Ok("create-team", "Project Falcon", "--user", "alice@contoso.com"));
        var channel = Id(await Ok("create-channel", team, "Falcon launch", "--user", "alice@contoso.com"));
        Assert.Contains("external, tenant " + DefaultWorld.Fabrikam, (await Ok("add-member", channel, "bob@fabrikam.com", "--user", "alice@contoso.com")).Output);
        var dan = await Run("add-member", channel, "dan@northwind.com", "--user", "alice@contoso.com");
        Assert.Equal(1, dan.ExitCode);
        dan.AssertNoStackTrace();

        await Ok("signin", "--user", "bob@fabrikam.com", "--password", DefaultWorld.Password, "--otp", _host.Idp.OneTimeCode());
        // bob's first Contoso token asks him to accept Contoso's privacy statement: the client says so and signs him in there.
        var first = await Ok("post", channel, "Hello from Fabrikam", "--user", "bob@fabrikam.com", "--password", DefaultWorld.Password,
            "--otp", _host.Idp.OneTimeCode(), "--accept-privacy-statement");
        Assert.Contains("AADSTS65001", first.Error + first.Output);
        // From now on no password: Contoso's tokens come silently from the home sign-in.
        var channels = await Ok("channels", "--user", "bob@fabrikam.com");
        Assert.Contains("Falcon launch", channels.Output);
        Assert.Single(channels.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries), l => l.Contains("(shared", StringComparison.Ordinal));
        var token = await Ok("token", "--user", "bob@fabrikam.com", "--show-token");
        Assert.Contains(DefaultWorld.Bob, token.Output);
        Assert.Contains($"https://sts.windows.net/{DefaultWorld.Fabrikam}/", token.Output);

        var read = await Ok("messages", channel, "--user", "alice@contoso.com");
        Assert.Matches($@"Bob Brown \(tenant {DefaultWorld.Fabrikam}\): Hello from Fabrikam", read.Output);
    }

    private Task<ClientRun> Run(params string[] args) =>
        ClientProcess.RunAsync([.. args, "--fakeentra", _host.IdpOrigin, "--api", _host.ApiOrigin, "--ca", _host.CaCertificatePath, "--cache", _cache]);

    private async Task<ClientRun> Ok(params string[] args)
    {
        var run = await Run(args);
        Assert.True(run.ExitCode == 0, $"{string.Join(' ', args)}:\n{run}");
        run.AssertNoStackTrace();
        return run;
    }

    /// <summary>The id a create command prints first on its line.</summary>
    private static string Id(ClientRun run) => CreatedLine().Match(run.Output) is { Success: true } m ? m.Groups[1].Value : throw new InvalidOperationException(run.ToString());

    [GeneratedRegex(@"^(\S+)  .*created", RegexOptions.Multiline)]
    private static partial Regex CreatedLine();
}

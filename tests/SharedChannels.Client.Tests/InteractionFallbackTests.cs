using FakeEntra.Testing.World;
using SharedChannels.Client.Tests.Infrastructure;

namespace SharedChannels.Client.Tests;

/// <summary>
/// bob's first visit to Contoso: silent acquisition cannot go on until he accepts Contoso's privacy statement, so MSAL
/// asks for interaction; the client says why (the AADSTS code and FakeEntra's reason) and signs him in at Contoso.
/// </summary>
public sealed class InteractionFallbackTests
{
    private const string Why = "contoso.com did not issue a token silently, so you must sign in there: AADSTS65001 (invalid_grant): The user has not accepted the privacy statement of 'Contoso'";

    [Fact]
    public async Task First_visit_says_why_and_with_the_scripted_acceptance_signs_in_at_Contoso_after_which_tokens_are_silent()
    {
        await using var world = await ClientWorld.StartAsync();

        var declined = await world.RunAsync(["token", .. world.Password("bob@fabrikam.com")]);

        Assert.Equal(1, declined.ExitCode);
        Assert.Contains(Why, declined.Error);
        Assert.Contains($"Signing in at {world.Idp.Origin}/{DefaultWorld.Contoso} with your home password (password grant).", declined.Error);
        Assert.Contains("Refused: AADSTS65001 (invalid_grant)", declined.Error);
        Assert.Contains("run again with --accept-privacy-statement", declined.Error);
        declined.AssertNoStackTrace();

        var accepted = await world.RunAsync(["token", "--accept-privacy-statement", .. world.Password("bob@fabrikam.com")]);

        Assert.True(accepted.ExitCode == 0, accepted.ToString());
        Assert.Contains(Why, accepted.Error);
        Assert.Contains("(password grant, accepting its privacy statement)", accepted.Error);
        Assert.Contains($"Token of contoso.com ({DefaultWorld.Contoso}) for bob@fabrikam.com, by signing in at contoso.com", accepted.Error);
        Assert.Contains($"Access token of contoso.com ({DefaultWorld.Contoso}) for bob@fabrikam.com", accepted.Output);

        // The acceptance is kept on bob's home account: a new home sign-in (another machine) gets Contoso's token silently.
        File.Delete(world.CachePath);
        Assert.Equal(0, (await world.RunAsync(["signin", .. world.Password("bob@fabrikam.com")])).ExitCode);
        var silent = await world.RunAsync("token");
        Assert.True(silent.ExitCode == 0, silent.ToString());
        Assert.Contains("silently: by redeeming your home sign-in's refresh token at contoso.com.", silent.Error);
        Assert.DoesNotContain("AADSTS", silent.Error);
    }

    [Fact]
    public async Task Without_a_password_the_fallback_is_a_device_code_sign_in_at_Contoso()
    {
        await using var world = await ClientWorld.StartAsync();
        Assert.Equal(0, (await world.RunAsync(["signin", .. world.Password("bob@fabrikam.com")])).ExitCode);

        await using var client = ClientProcess.Start(world.Args("token"));

        var instruction = await client.LineAsync(l => l.Contains("/devicelogin", StringComparison.Ordinal));
        Assert.Contains($"{world.Idp.Origin}/devicelogin", instruction);
        var run = await client.LineAsync(l => l.StartsWith("Signing in at", StringComparison.Ordinal));
        Assert.Equal($"Signing in at {world.Idp.Origin}/{DefaultWorld.Contoso} with a device code; the pages ask what contoso.com needs (e.g. to accept its privacy statement).", run);
        Assert.NotNull(await client.LineAsync(l => l.StartsWith(Why, StringComparison.Ordinal)));
        // The person would now open the page at Contoso's authority; the test stops here and ends the waiting client.
    }
}

using System.Text.RegularExpressions;
using FakeEntra.Testing.World;
using SharedChannels.Client.Tests.Infrastructure;

namespace SharedChannels.Client.Tests;

/// <summary>The seed's experience: bob signs in once at Fabrikam; Contoso's tokens then come without signing in there.</summary>
public sealed class SilentResourceTokenTests
{
    [Fact]
    public async Task Bob_signs_in_at_Fabrikam_once_then_gets_a_Contoso_token_silently_and_show_token_explains_it()
    {
        // bob accepted Contoso's privacy statement earlier, so nothing needs him at Contoso.
        await using var world = await ClientWorld.StartAsync(FakeEntraWorld.Default().AcceptPrivacyStatement("bob@fabrikam.com", DefaultWorld.Contoso));

        var signIn = await world.RunAsync(["signin", .. world.Password("bob@fabrikam.com")]);
        Assert.True(signIn.ExitCode == 0, signIn.ToString());
        Assert.Contains($"Signed in as bob@fabrikam.com at your home organization (tenant {DefaultWorld.Fabrikam}).", signIn.Error);

        // No password now: the token comes from the home account in the cache file.
        var token = await world.RunAsync("token", "--show-token");

        Assert.True(token.ExitCode == 0, token.ToString());
        Assert.Contains("silently: by redeeming your home sign-in's refresh token at contoso.com.", token.Error);
        Assert.DoesNotContain("sign in there", token.Error);
        Assert.Equal(DefaultWorld.Contoso, Claim(token, "tid"));
        Assert.Equal($"{world.Idp.Origin}/{DefaultWorld.Contoso}/v2.0", Claim(token, "iss"));
        Assert.Equal(DefaultWorld.Bob, Claim(token, "oid"));
        Assert.Equal($"https://sts.windows.net/{DefaultWorld.Fabrikam}/", Claim(token, "idp"));
        Assert.Equal("1", Claim(token, "acct"));
        Assert.Equal(DefaultWorld.SharedChannelsApi, Claim(token, "aud"));
        Assert.Equal("Channels.ReadWrite", Claim(token, "scp"));
        Assert.Contains("Here: contoso.com issued this token: the resource tenant, not your home tenant.", token.Output);
        Assert.Contains($"Here: your object id in your home tenant {DefaultWorld.Fabrikam} (fabrikam.com): B2B direct connect gives you no object in contoso.com.", token.Output);
        Assert.Contains($"Here: your home tenant {DefaultWorld.Fabrikam} (fabrikam.com) authenticated you; contoso.com only issued the token.", token.Output);
        Assert.Contains("Audience: the app (client id or App ID URI) the token is for", token.Output);
        Assert.Contains("exp - iat = 3600 s: the token lives exactly one hour", token.Output);
        var iat = long.Parse(Claim(token, "iat").Split(' ')[0]);
        var exp = long.Parse(Claim(token, "exp").Split(' ')[0]);
        Assert.Equal(3600, exp - iat);

        // Contoso decided the silent request as a B2B direct connect refresh, and logged it without interaction.
        var rows = await world.Idp.SignInsAsync(DefaultWorld.Contoso);
        Assert.Contains(rows, r => r.UserId == Guid.Parse(DefaultWorld.Bob) && r.CrossTenantAccessType == "b2bDirectConnect"
                                   && !r.IsInteractive && r.Status.ErrorCode == 0 && r.ResourceTenantId == Guid.Parse(DefaultWorld.Contoso));

        var again = await world.RunAsync("token");
        Assert.True(again.ExitCode == 0, again.ToString());
        Assert.Contains("silently: from the token cache.", again.Error);
    }

    [Fact]
    public async Task Alice_a_Contoso_member_gets_a_token_of_her_own_tenant_with_no_idp()
    {
        await using var world = await ClientWorld.StartAsync();

        var token = await world.RunAsync(["token", "--show-token", .. world.Password("alice@contoso.com")]);

        Assert.True(token.ExitCode == 0, token.ToString());
        Assert.Equal(DefaultWorld.Contoso, Claim(token, "tid"));
        Assert.Equal(DefaultWorld.Alice, Claim(token, "oid"));
        Assert.Equal("0", Claim(token, "acct"));
        Assert.DoesNotMatch(@"(?m)^  idp ", token.Output);
        Assert.Contains("Here: your object in contoso.com, where you are a member.", token.Output);
    }

    /// <summary>The value printed for a claim: its line is the claim's name, padded, then the value.</summary>
    private static string Claim(ClientRun run, string name) =>
        Regex.Match(run.Output, $@"(?m)^  {name} +(?<value>\S[^\r\n]*)$") is { Success: true } m ? m.Groups["value"].Value : throw new Xunit.Sdk.XunitException($"no claim {name}:\n{run}");
}

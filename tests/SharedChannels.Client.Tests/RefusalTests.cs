using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using FakeEntra.Testing.World;
using SharedChannels.Client.Tests.Infrastructure;

namespace SharedChannels.Client.Tests;

/// <summary>Refusals are the AADSTS code and FakeEntra's reason, or a sentence about the connection: exit 1, no stack trace.</summary>
public sealed class RefusalTests
{
    [Theory]
    // Northwind allows Contoso, but Contoso never agreed: its inbound setting refuses.
    [InlineData("dan@northwind.com", "AADSTS500213 (invalid_grant): The resource tenant's cross-tenant access policy does not allow this user to access this tenant.")]
    // Litware's default outbound setting blocks everyone.
    [InlineData("eve@litware.com", "AADSTS500212 (invalid_grant): The user's administrator has set an outbound access policy that does not allow access to the resource tenant.")]
    public async Task A_user_the_cross_tenant_settings_refuse_gets_the_AADSTS_code_and_reason(string user, string refusal)
    {
        await using var world = await ClientWorld.StartAsync();

        var run = await world.RunAsync(["token", "--accept-privacy-statement", .. world.Password(user)]);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains($"Signed in as {user} at your home organization", run.Error);
        Assert.EndsWith($"Refused: {refusal}", run.Error.TrimEnd());
        Assert.Equal("", run.Output);
        run.AssertNoStackTrace();
    }

    [Fact]
    public async Task A_wrong_password_at_home_is_AADSTS50126()
    {
        await using var world = await ClientWorld.StartAsync();

        var run = await world.RunAsync("signin", "--user", "bob@fabrikam.com", "--password", "not-his", "--otp", world.Idp.OneTimeCode());

        Assert.Equal(1, run.ExitCode);
        Assert.StartsWith("Refused: AADSTS50126 (invalid_grant): ", run.Error);
        run.AssertNoStackTrace();
    }

    [Fact]
    public async Task No_sign_in_yet_is_said_plainly()
    {
        await using var world = await ClientWorld.StartAsync();

        var run = await world.RunAsync("token");

        Assert.Equal(1, run.ExitCode);
        Assert.StartsWith("Not signed in. Run `signin` first", run.Error);
        run.AssertNoStackTrace();
    }

    [Fact]
    public async Task A_FakeEntra_whose_CA_is_not_trusted_is_refused_with_advice()
    {
        await using var world = await ClientWorld.StartAsync();
        // Another CA than the one that issued FakeEntra's certificate (test servers share theirs).
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=Not FakeEntra's CA", key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(certificateAuthority: true, false, 0, critical: true));
        using var otherCa = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
        var otherCaPath = Path.Combine(world.Idp.DataDirectory, "other-ca.crt");
        await File.WriteAllTextAsync(otherCaPath, otherCa.ExportCertificatePem());

        var run = await ClientProcess.RunAsync(["signin", .. world.Password("bob@fabrikam.com"), "--fakeentra", world.Idp.Origin, "--ca", otherCaPath, "--cache", world.CachePath]);

        Assert.Equal(1, run.ExitCode);
        Assert.StartsWith("Cannot connect securely: ", run.Error);
        Assert.Contains("give --ca with the CA that issued it", run.Error);
        run.AssertNoStackTrace();
    }

    [Fact]
    public async Task An_unreachable_API_is_said_after_the_token_was_obtained()
    {
        await using var world = await ClientWorld.StartAsync(FakeEntraWorld.Default().AcceptPrivacyStatement("bob@fabrikam.com", DefaultWorld.Contoso));
        // Port 1 on loopback: nothing listens there.
        var run = await world.RunAsync(["channels", "--api", "https://127.0.0.1:1", .. world.Password("bob@fabrikam.com")]);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("silently: by redeeming your home sign-in's refresh token at contoso.com.", run.Error);
        Assert.StartsWith("Cannot reach the server: ", run.Error.TrimEnd().Split('\n')[^1]);
        run.AssertNoStackTrace();
    }
}

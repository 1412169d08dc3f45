using System.Diagnostics;
using FakeEntra.Core.DirectoryObjects;
using FakeEntra.Testing.Tokens;
using FakeEntra.Testing.World;
using Microsoft.Identity.Client;
using Xunit.Abstractions;

namespace FakeEntra.Testing.Sample;

#pragma warning disable CS0618 // AcquireTokenByUsernamePassword

/// <summary>Worlds built in C# for one test, each on a server of its own.</summary>
public sealed class CustomWorldTests(ITestOutputHelper output)
{
    private static readonly Guid Zoe = Guid.Parse("5d2f7c1a-3b4e-4f60-9a1b-2c3d4e5f6a7b");
    private const string ZoePassword = "Zoe~Passw0rd!";
    private const string Reporter = "7a6b5c4d-3e2f-4a1b-8c9d-0e1f2a3b4c5d";
    private const string ReporterSecret = "Reporter~Secret~0001";

    private static FakeEntraWorld WithZoeAndReporter() => FakeEntraWorld.Default()
        .AddUser(DefaultWorld.Contoso, new User
        {
            Id = Zoe,
            UserPrincipalName = "zoe@contoso.com",
            DisplayName = "Zoe Zhang",
            PasswordProfile = new PasswordProfile { Password = ZoePassword },
        })
        .AddApplication(DefaultWorld.Contoso, new Application
        {
            Id = Guid.Parse("1f2e3d4c-5b6a-4978-8a9b-0c1d2e3f4a5b"),
            AppId = Guid.Parse(Reporter),
            DisplayName = "Contoso Reporter",
            PasswordCredentials = [new PasswordCredential { DisplayName = "Reporter secret", SecretText = ReporterSecret }],
        })
        .AddServicePrincipal(DefaultWorld.Contoso, new ServicePrincipal
        {
            Id = Guid.Parse("2a3b4c5d-6e7f-4a8b-9c0d-1e2f3a4b5c6d"),
            AppId = Guid.Parse(Reporter),
            DisplayName = "Contoso Reporter",
            // Channels.Read.All on the Shared Channels API's service principal.
            AppRoleAssignments = [new AppRoleAssignment { ResourceId = Guid.Parse("03790a5d-d85a-4467-b548-6e7be72b552c"), AppRoleId = Guid.Parse("6b1f9d5e-3c57-4a8e-9d1e-2f7a0c4b8e11") }],
        });

    [Fact]
    public async Task A_user_and_an_app_added_in_csharp_get_tokens_through_the_flows()
    {
        await using var idp = await FakeEntraServer.StartAsync(new FakeEntraServerOptions { World = WithZoeAndReporter() });

        var zoe = await idp.PublicClient(DefaultWorld.Client, DefaultWorld.Contoso).Build()
            .AcquireTokenByUsernamePassword([DefaultWorld.SharedChannelsScope], "zoe@contoso.com", ZoePassword).ExecuteAsync();
        Assert.Equal(Zoe.ToString(), zoe.ClaimsPrincipal?.FindFirst("oid")?.Value ?? new IssuedToken(zoe.AccessToken, null, null).Read().GetClaim("oid").Value);

        var reporter = await idp.ConfidentialClient(Reporter, ReporterSecret, DefaultWorld.Contoso).Build()
            .AcquireTokenForClient([DefaultWorld.SharedChannelsDefault]).ExecuteAsync();
        Assert.Equal("Channels.Read.All", new IssuedToken(reporter.AccessToken, null, null).Read().GetClaim("roles").Value);
    }

    [Fact]
    public async Task A_world_the_server_refuses_fails_the_start_with_where_and_why()
    {
        var broken = FakeEntraWorld.Default().AddUser(DefaultWorld.Contoso, new User { Id = Guid.NewGuid(), UserPrincipalName = "x@contoso.net" });
        var refused = await Assert.ThrowsAnyAsync<Exception>(() => FakeEntraServer.StartAsync(new FakeEntraServerOptions { World = broken }));
        Assert.Contains("contoso.net", refused.Message);
    }

    [Fact]
    public async Task A_second_server_in_the_process_starts_quickly_and_cleans_up()
    {
        await using (await FakeEntraServer.StartAsync()) { }
        var watch = Stopwatch.StartNew();
        string dataDirectory;
        await using (var idp = await FakeEntraServer.StartAsync())
        {
            watch.Stop();
            output.WriteLine($"Second start: {watch.ElapsedMilliseconds} ms");
            dataDirectory = idp.DataDirectory;
            Assert.True(Directory.Exists(dataDirectory));
        }
        Assert.False(Directory.Exists(dataDirectory));
        // The issue asks for well under a second; 2 s leaves room for a busy two-core CI machine (typically ~150 ms).
        Assert.InRange(watch.Elapsed, TimeSpan.Zero, TimeSpan.FromSeconds(2));
    }
}

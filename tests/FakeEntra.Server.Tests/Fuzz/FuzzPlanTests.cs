namespace FakeEntra.Server.Tests.Fuzz;

/// <summary>A seed replays a run only if generation depends on nothing but the seed: no shared randomness, clocks or new GUIDs.</summary>
[Trait("Category", "Fuzz")]
public sealed class FuzzPlanTests
{
    private static readonly FuzzArtifacts Artifacts = new()
    {
        AdminGraphTokens = ["eyJhbGciOiJSUzI1NiJ9.eyJhdWQiOiJ4In0.c2ln", "a.b.c"],
        UserGraphToken = "eyJhbGciOiJSUzI1NiJ9.eyJ0aWQiOiJ5In0.c2ln",
        OtherTokens = ["x.y.z"],
        IdToken = "eyJhbGciOiJSUzI1NiJ9.eyJhdWQiOiJ6In0.c2ln",
        RefreshToken = "refresh",
        Code = "code",
        CodeVerifier = "verifier",
        DeviceCode = "device",
        UserCode = "ABCDEFGHJ",
        SignInPages = [new(World.Contoso, "password", "ctx", new("token", "fakeentra.antiforgery=1"))],
        SessionCookie = "session=1",
        DeviceLoginForm = new("token", "fakeentra.antiforgery=2"),
    };

    [Fact]
    public void The_same_seed_generates_the_same_requests_and_another_seed_others()
    {
        var first = Requests(42);
        Assert.Equal(first, Requests(42));
        Assert.NotEqual(first, Requests(43));
    }

    private static List<string> Requests(int seed) =>
        [.. FuzzPlan.Generate(seed, 1_000, FuzzPlan.Families(Artifacts)).Select(Describe)];

    private static string Describe(FuzzCase c) =>
        $"{c.Id} {c.Method} {c.Target} {c.Route} {c.Input} {string.Join('|', c.Headers)} {c.ContentType} {Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(c.Body ?? []))} {(c.Then is null ? "" : Describe(c.Then))}";
}

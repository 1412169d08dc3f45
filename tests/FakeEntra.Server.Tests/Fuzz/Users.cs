namespace FakeEntra.Server.Tests.Fuzz;

/// <summary>Sign-in names: the world's users, the guest, and the users the run itself creates through Graph (so a broken one gets signed in too).</summary>
public static class Users
{
    public const int Created = 24;

    private static readonly string[] World =
    [
        "alice@contoso.com", "bob@fabrikam.com", "carol@fabrikam.com", "dan@northwind.com", "eve@litware.com", "grace@northwind.com",
        "grace_northwind.com#EXT#@contoso.onmicrosoft.com", "admin@fabrikam.com", "nobody@contoso.com", "ALICE@CONTOSO.COM",
    ];

    /// <summary>The name of the n-th user the run creates in Contoso.</summary>
    public static string CreatedName(int n) => $"fuzz{n}@contoso.com";

    public static IReadOnlyList<string> AllCreated { get; } = [.. Enumerable.Range(0, Created).Select(CreatedName)];

    public static string Pick(Random random) => random.Chance(0.3) ? random.Pick(AllCreated) : random.Pick(World);
}

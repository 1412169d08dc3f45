namespace FakeEntra.Server.Tests.Fuzz;

/// <summary>The <c>{tenant}</c> path segment: mostly ones that name a tenant (so requests get further), the rest odd. Already escaped.</summary>
public static class TenantSegments
{
    private static readonly string[] Valid =
    [
        World.Contoso, World.Fabrikam, World.Northwind, "common", "organizations", "contoso.com", "contoso.onmicrosoft.com", "fabrikam.com", World.Contoso.ToUpperInvariant(),
    ];

    private static readonly string[] Odd =
    [
        "consumers", "%00", "..", "%2e%2e", "%2F", "a%2Fb", "%ZZ", "con%00toso", "%C4%87ontoso", "contoso.com.", "CONTOSO.COM", ".well-known", "v2.0",
        "00000000-0000-0000-0000-000000000000", "%7B" + World.Contoso + "%7D", World.Contoso + "x", "%27%20or%201%3D1", "%FF%FE", "%ED%A0%80", "common%20",
        "9188040d-6c67-4c5b-b112-36a304b66dad", "localhost", "127.0.0.1", "tenant%3Bx", "~", "%20", "-",
    ];

    public static (string Kind, string Segment) Pick(Random random)
    {
        if (random.Chance(0.75)) return ("tenant", random.Pick(Valid));
        if (random.Chance(0.1)) return ("overlong tenant", new string('t', random.Next(300, 9_000)));
        var odd = random.Pick(Odd);
        return ($"tenant '{odd}'", odd);
    }
}

namespace FakeEntra.Server.Tests.Fuzz;

/// <summary>A run's requests: cases drawn from the families by weight, all from one seeded <see cref="Random"/>.</summary>
public static class FuzzPlan
{
    public static IReadOnlyList<IFuzzFamily> Families(FuzzArtifacts artifacts) =>
    [
        new TokenFamily(artifacts), new AuthorizeFamily(artifacts), new SignInFormFamily(artifacts), new DeviceCodeFamily(artifacts),
        new LogoutFamily(artifacts), new MetadataFamily(artifacts), new GraphFamily(artifacts),
    ];

    /// <summary>
    /// <paramref name="count"/> cases (and the requests that follow some of them, with ids of their own). The same seed gives the same cases, in the same order (the harvested credentials differ per run; where they go does not).
    /// Lazy, so that sending starts while later cases are still being made.
    /// </summary>
    public static IEnumerable<FuzzCase> Generate(int seed, int count, IReadOnlyList<IFuzzFamily> families)
    {
        var random = new Random(seed);
        var weights = families.Select(f => f.Weight).ToArray();
        var id = 0;
        for (var i = 0; i < count; i++)
        {
            var next = KestrelLimits.Fit(families[random.Weighted(weights)].Next(random)) with { Id = id++ };
            yield return next.Then is { } then ? next with { Then = then with { Id = id++ } } : next;
        }
    }
}

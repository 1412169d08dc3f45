namespace FakeEntra.Server.Tests.Fuzz;

/// <summary>Choices drawn from the run's seeded <see cref="Random"/>, so the same seed generates the same requests.</summary>
public static class RandomPicks
{
    public static T Pick<T>(this Random random, IReadOnlyList<T> items) => items[random.Next(items.Count)];

    public static bool Chance(this Random random, double probability) => random.NextDouble() < probability;

    public static Guid NextGuid(this Random random)
    {
        var bytes = new byte[16];
        random.NextBytes(bytes);
        return new Guid(bytes);
    }

    /// <summary>Index into <paramref name="weights"/>, each chosen in proportion to its weight.</summary>
    public static int Weighted(this Random random, IReadOnlyList<int> weights)
    {
        var roll = random.Next(weights.Sum());
        for (var i = 0; i < weights.Count; i++)
        {
            if (roll < weights[i]) return i;
            roll -= weights[i];
        }
        throw new InvalidOperationException("Weights must be positive.");
    }
}

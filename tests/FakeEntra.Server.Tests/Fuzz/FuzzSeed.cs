namespace FakeEntra.Server.Tests.Fuzz;

/// <summary>The run's seed: <c>FAKEENTRA_FUZZ_SEED</c> to replay a run, otherwise a fresh one each run.</summary>
public static class FuzzSeed
{
    public const string Variable = "FAKEENTRA_FUZZ_SEED";

    public static int Choose() =>
        int.TryParse(Environment.GetEnvironmentVariable(Variable), System.Globalization.CultureInfo.InvariantCulture, out var seed) ? seed : Random.Shared.Next();
}

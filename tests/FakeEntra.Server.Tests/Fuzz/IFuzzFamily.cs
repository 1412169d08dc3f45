namespace FakeEntra.Server.Tests.Fuzz;

/// <summary>The requests of one endpoint family; <see cref="Weight"/> is its share of a run.</summary>
public interface IFuzzFamily
{
    string Name { get; }
    int Weight { get; }
    FuzzCase Next(Random random);
}

using FakeEntra.Testing.World;
using FakeEntra.Testing.Xunit;

namespace FakeEntra.Testing.Sample;

/// <summary>The built-in world where bob (Fabrikam) already accepted Contoso's privacy statement, shared by a collection.</summary>
public sealed class PartnerWorld : FakeEntraFixture
{
    public const string Collection = "FakeEntra partner world";

    protected override FakeEntraServerOptions Options => new()
    {
        World = FakeEntraWorld.Default().AcceptPrivacyStatement("bob@fabrikam.com", DefaultWorld.Contoso),
    };
}

[CollectionDefinition(PartnerWorld.Collection)]
public sealed class PartnerWorldCollection : ICollectionFixture<PartnerWorld>;

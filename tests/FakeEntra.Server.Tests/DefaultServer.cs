using FakeEntra.Server.Tests.Infrastructure;

namespace FakeEntra.Server.Tests;

/// <summary>One server on the default world, shared by the test classes that do not change it.</summary>
[CollectionDefinition(Name)]
public sealed class DefaultServer : ICollectionFixture<FakeEntraServer>
{
    public const string Name = "default server";
}

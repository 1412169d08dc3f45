using FakeEntra.Core.DirectoryObjects;
using Kinds = FakeEntra.Core.DirectoryObjects.DirectoryObjectKinds;

namespace FakeEntra.Core.Tests;

/// <summary>A kind keyed by an id finds objects by comparing ids, with exactly the answers its keys' text gives.</summary>
public class DirectoryObjectKindTests
{
    private static readonly User[] Users = [.. Enumerable.Range(0, 5).Select(i => new User { Id = Guid.NewGuid(), UserPrincipalName = $"u{i}@contoso.com" })];

    private static readonly TenantDirectory Tenant = new()
    {
        Organization = new Organization { Id = Guid.NewGuid(), DisplayName = "Contoso" },
        Users = Users,
    };

    public static TheoryData<string, int> Keys => new()
    {
        { Kinds.Key(Users[0].Id), 0 },
        { Kinds.Key(Users[4].Id), 4 },
        // Only a key's exact text finds its object, as comparing keys as text does.
        { Kinds.Key(Users[2].Id).ToUpperInvariant(), -1 },
        { Users[2].Id.ToString("N"), -1 },
        { Kinds.Key(Guid.NewGuid()), -1 },
        { "u1@contoso.com", -1 },
        { "", -1 },
    };

    [Theory]
    [MemberData(nameof(Keys))]
    public void Finds_the_object_whose_key_is_the_text(string key, int expected)
    {
        Assert.Same(expected < 0 ? null : Users[expected], Kinds.User.Find(Tenant, key));
        var removed = Kinds.User.With(Tenant, key, null);
        Assert.Equal(expected < 0 ? Users : Users.Where((_, i) => i != expected), removed.Users);
    }

    [Fact]
    public void Saving_replaces_the_object_of_the_same_key_and_adds_a_new_one_at_the_end()
    {
        var renamed = Users[3] with { DisplayName = "Renamed" };
        Assert.Equal("Renamed", Kinds.User.With(Tenant, Kinds.Key(renamed.Id), renamed).Users[3].DisplayName);
        var added = new User { Id = Guid.NewGuid(), UserPrincipalName = "new@contoso.com" };
        var withAdded = Kinds.User.With(Tenant, Kinds.Key(added.Id), added).Users;
        Assert.Equal([.. Users.Select(u => u.Id), added.Id], withAdded.Select(u => u.Id));
    }
}

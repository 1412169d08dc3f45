using FakeEntra.Core.DirectoryObjects;

namespace FakeEntra.Core.Tests;

public class PartitionedIndexTests
{
    // Enough keys that many parts hold several.
    private static readonly string[] Keys = [.. Enumerable.Range(0, 20000).Select(i => $"user{i}@scale.example.com")];

    private static PartitionedIndex<string, int> Filled()
    {
        var builder = PartitionedIndex<string, int>.Empty(StringComparer.OrdinalIgnoreCase).ToBuilder();
        for (var i = 0; i < Keys.Length; i++) builder[Keys[i]] = i;
        return builder.ToImmutable();
    }

    [Fact]
    public void Finds_every_key_with_the_index_comparer()
    {
        var index = Filled();
        for (var i = 0; i < Keys.Length; i++) Assert.Equal(i, index[Keys[i].ToUpperInvariant()]);
        Assert.False(index.TryGetValue("nobody@scale.example.com", out _));
        Assert.Equal(0, index.GetValueOrDefault("nobody@scale.example.com"));
        Assert.Throws<KeyNotFoundException>(() => index["nobody@scale.example.com"]);
    }

    [Fact]
    public void A_change_leaves_the_index_it_came_from_as_it_was()
    {
        var before = Filled();
        var builder = before.ToBuilder();
        builder.Remove(Keys[0]);
        builder[Keys[1]] = -1;
        builder["new@scale.example.com"] = -2;
        var after = builder.ToImmutable();

        Assert.Equal(0, before[Keys[0]]);
        Assert.Equal(1, before[Keys[1]]);
        Assert.False(before.TryGetValue("new@scale.example.com", out _));
        Assert.False(after.TryGetValue(Keys[0], out _));
        Assert.Equal(-1, after[Keys[1]]);
        Assert.Equal(-2, after["new@scale.example.com"]);
        for (var i = 2; i < Keys.Length; i++) Assert.Equal(i, after[Keys[i]]);
    }

    [Fact]
    public void A_builder_changed_after_it_published_leaves_the_published_index_as_it_was()
    {
        var builder = Filled().ToBuilder();
        builder[Keys[2]] = -3;
        var published = builder.ToImmutable();
        builder[Keys[2]] = -4;
        builder.Remove(Keys[3]);

        Assert.Equal(-3, published[Keys[2]]);
        Assert.Equal(3, published[Keys[3]]);
        Assert.True(builder.TryGetValue(Keys[2], out var now) && now == -4);
        Assert.False(builder.ContainsKey(Keys[3]));
    }
}

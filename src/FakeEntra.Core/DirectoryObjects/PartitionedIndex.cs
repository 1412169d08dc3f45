using System.Diagnostics.CodeAnalysis;

namespace FakeEntra.Core.DirectoryObjects;

/// <summary>
/// An immutable lookup that, like an immutable dictionary, shares with its next version what a change did not touch, but is
/// built in one pass and read in one hash lookup: its entries are spread by hash over 64 × 64 plain dictionaries, never
/// changed once published. A change copies only what it touches: the root and one branch (64 references each) and one part
/// (about a 4,096th of the entries). Measured on a world of 100,000 users: the snapshot's indexes built in about half the
/// time <see cref="System.Collections.Immutable.ImmutableDictionary{TKey, TValue}"/> took, in about the same memory, and a
/// write's <c>Apply</c> costs the same.
/// </summary>
internal sealed class PartitionedIndex<TKey, TValue> where TKey : notnull
{
    private const int Fanout = 64;

    private readonly Dictionary<TKey, TValue>?[]?[] _root;
    private readonly IEqualityComparer<TKey> _comparer;

    private PartitionedIndex(Dictionary<TKey, TValue>?[]?[] root, IEqualityComparer<TKey> comparer)
    {
        _root = root;
        _comparer = comparer;
    }

    public static PartitionedIndex<TKey, TValue> Empty(IEqualityComparer<TKey>? comparer = null) =>
        new(new Dictionary<TKey, TValue>?[]?[Fanout], comparer ?? EqualityComparer<TKey>.Default);

    public bool TryGetValue(TKey key, [MaybeNullWhen(false)] out TValue value) => Find(_root, _comparer, key, out value);

    public TValue? GetValueOrDefault(TKey key) => TryGetValue(key, out var value) ? value : default;

    public TValue this[TKey key] => TryGetValue(key, out var value) ? value : throw new KeyNotFoundException($"No entry for {key}.");

    public Builder ToBuilder() => new(this);

    private static (int Branch, int Part) PartOf(TKey key, IEqualityComparer<TKey> comparer)
    {
        var hash = (uint)comparer.GetHashCode(key);
        return ((int)(hash % Fanout), (int)(hash / Fanout % Fanout));
    }

    private static bool Find(Dictionary<TKey, TValue>?[]?[] root, IEqualityComparer<TKey> comparer, TKey key, [MaybeNullWhen(false)] out TValue value)
    {
        var (branch, part) = PartOf(key, comparer);
        if (root[branch]?[part] is { } entries) return entries.TryGetValue(key, out value);
        value = default;
        return false;
    }

    /// <summary>A copy opened for change: what a change touches is copied the first time (nothing is, for an index left alone).</summary>
    public sealed class Builder(PartitionedIndex<TKey, TValue> from)
    {
        private PartitionedIndex<TKey, TValue> _published = from;
        private Dictionary<TKey, TValue>?[]?[] _root = from._root;
        // The arrays and dictionaries this builder made since it last published: changed in place until then.
        private HashSet<object>? _own;

        public bool TryGetValue(TKey key, [MaybeNullWhen(false)] out TValue value) => Find(_root, _published._comparer, key, out value);

        public bool ContainsKey(TKey key) => TryGetValue(key, out _);

        public TValue this[TKey key]
        {
            set => Writable(key)[key] = value;
        }

        public void Remove(TKey key)
        {
            if (ContainsKey(key)) Writable(key).Remove(key);
        }

        /// <summary>The index as it is now; later changes to the builder copy what they touch again.</summary>
        public PartitionedIndex<TKey, TValue> ToImmutable()
        {
            if (_own is not null) _published = new(_root, _published._comparer);
            _root = _published._root;
            _own = null;
            return _published;
        }

        private Dictionary<TKey, TValue> Writable(TKey key)
        {
            var comparer = _published._comparer;
            if (_own is null)
            {
                _root = (Dictionary<TKey, TValue>?[]?[])_root.Clone();
                _own = new HashSet<object>(ReferenceEqualityComparer.Instance);
            }
            var (b, p) = PartOf(key, comparer);
            var branch = _root[b];
            if (branch is null || !_own.Contains(branch))
            {
                branch = branch is null ? new Dictionary<TKey, TValue>?[Fanout] : (Dictionary<TKey, TValue>?[])branch.Clone();
                _root[b] = branch;
                _own.Add(branch);
            }
            var part = branch[p];
            if (part is null || !_own.Contains(part))
            {
                part = part is null ? new Dictionary<TKey, TValue>(comparer) : new Dictionary<TKey, TValue>(part, comparer);
                branch[p] = part;
                _own.Add(part);
            }
            return part;
        }
    }
}

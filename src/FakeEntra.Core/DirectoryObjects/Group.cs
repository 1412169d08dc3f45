namespace FakeEntra.Core.DirectoryObjects;

public sealed record Group
{
    public required Guid Id { get; init; }
    public required string DisplayName { get; init; }
    public string? Description { get; init; }
    public string? MailNickname { get; init; }
    public bool SecurityEnabled { get; init; } = true;
    public bool MailEnabled { get; init; }
    public IReadOnlyList<string> GroupTypes { get; init; } = [];
    /// <summary>Object ids of member users and groups (nested groups count transitively).</summary>
    public IReadOnlyList<Guid> Members { get; init; } = [];
}

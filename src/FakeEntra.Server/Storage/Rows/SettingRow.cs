namespace FakeEntra.Server.Storage.Rows;

/// <summary>A fact about the stored world, such as the scenario it was seeded from.</summary>
public sealed class SettingRow
{
    public required string Key { get; set; }
    public required string Value { get; set; }
}

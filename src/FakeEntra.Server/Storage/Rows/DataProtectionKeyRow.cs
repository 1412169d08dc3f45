namespace FakeEntra.Server.Storage.Rows;

/// <summary>An ASP.NET Data Protection key (it encrypts refresh tokens, sessions and page state), as the XML the key manager writes.</summary>
public sealed class DataProtectionKeyRow
{
    public long Id { get; set; }
    public string? FriendlyName { get; set; }
    public required string Xml { get; set; }
}

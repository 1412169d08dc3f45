using FakeEntra.Core.DirectoryObjects;

namespace FakeEntra.Server.Token;

/// <summary>What minting a token needs from the moment: the directory as it is, the public origin and the clock reading.</summary>
public sealed record Issuance(DirectorySnapshot Directory, string Origin, DateTimeOffset Now)
{
    public string IssuerOf(Guid tenantId) => $"{Origin}/{tenantId:D}/v2.0";
}

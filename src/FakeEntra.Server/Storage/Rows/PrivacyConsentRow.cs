namespace FakeEntra.Server.Storage.Rows;

/// <summary>A user's acceptance of a resource organization's privacy statement, on the home account.</summary>
public sealed class PrivacyConsentRow
{
    public long Sequence { get; set; }
    public Guid TenantId { get; set; }
    public Guid UserId { get; set; }
    public Guid ResourceTenantId { get; set; }
}

namespace FakeEntra.Server.Storage.Rows;

/// <summary>A <c>directoryAudit</c>, written in the transaction of the change it records.</summary>
public sealed class DirectoryAuditRow
{
    public long Sequence { get; set; }
    public Guid TenantId { get; set; }
    public Guid Id { get; set; }
    /// <summary>UTC.</summary>
    public DateTime Created { get; set; }
    public Guid CorrelationId { get; set; }
    public required string Json { get; set; }
}

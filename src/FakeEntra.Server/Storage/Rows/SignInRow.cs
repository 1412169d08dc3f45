namespace FakeEntra.Server.Storage.Rows;

/// <summary>A <c>signIn</c> in one tenant's log, with the columns Graph's <c>$filter</c> reads.</summary>
public sealed class SignInRow
{
    public long Sequence { get; set; }
    public Guid TenantId { get; set; }
    public Guid Id { get; set; }
    /// <summary>UTC.</summary>
    public DateTime Created { get; set; }
    public Guid CorrelationId { get; set; }
    public required string UserPrincipalName { get; set; }
    /// <summary>Lower-case <c>D</c> format, as Graph's filter compares it.</summary>
    public required string AppId { get; set; }
    public required string CrossTenantAccessType { get; set; }
    public int ErrorCode { get; set; }
    public required string Json { get; set; }
}

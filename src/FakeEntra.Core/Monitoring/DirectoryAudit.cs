namespace FakeEntra.Core.Monitoring;

/// <summary>An audit log row in Graph's <c>directoryAudit</c> shape.</summary>
public sealed record DirectoryAudit
{
    public required Guid Id { get; init; }
    public required string Category { get; init; }
    public required Guid CorrelationId { get; init; }
    public string Result { get; init; } = "success";
    public string ResultReason { get; init; } = "";
    public required string ActivityDisplayName { get; init; }
    public required DateTimeOffset ActivityDateTime { get; init; }
    public string LoggedByService { get; init; } = "Core Directory";
    /// <summary><c>Add</c>, <c>Update</c> or <c>Delete</c>.</summary>
    public required string OperationType { get; init; }
    public required AuditActivityInitiator InitiatedBy { get; init; }
    public IReadOnlyList<TargetResource> TargetResources { get; init; } = [];
    public IReadOnlyList<KeyValue> AdditionalDetails { get; init; } = [];
}

public sealed record AuditActivityInitiator(AuditUserIdentity? User = null, AuditAppIdentity? App = null);

public sealed record AuditUserIdentity(string Id, string? DisplayName = null, string? UserPrincipalName = null, string? IpAddress = null);

public sealed record AuditAppIdentity(string AppId, string? DisplayName = null, string? ServicePrincipalId = null, string? ServicePrincipalName = null);

public sealed record TargetResource(string Id, string Type, IReadOnlyList<ModifiedProperty> ModifiedProperties, string? DisplayName = null);

public sealed record ModifiedProperty(string DisplayName, string? OldValue = null, string? NewValue = null);

public sealed record KeyValue(string Key, string Value);

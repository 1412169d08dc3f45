using FakeEntra.Core.CrossTenantAccess;

namespace FakeEntra.Core.Monitoring;

/// <summary>A sign-in log row in Graph's <c>signIn</c> shape, kept by the tenant it was logged in, plus FakeEntra's decision trace.</summary>
public sealed record SignIn
{
    public required Guid Id { get; init; }
    public required DateTimeOffset CreatedDateTime { get; init; }
    public required Guid CorrelationId { get; init; }
    /// <summary>For B2B direct connect: the external user's home object id.</summary>
    public required Guid UserId { get; init; }
    public required string UserPrincipalName { get; init; }
    public string? UserDisplayName { get; init; }
    /// <summary><c>member</c> or <c>guest</c>.</summary>
    public required string UserType { get; init; }
    public required Guid AppId { get; init; }
    /// <summary>Client-app details: in the home tenant's row only for cross-tenant sign-ins.</summary>
    public string? AppDisplayName { get; init; }
    public string? ClientAppUsed { get; init; }
    public required Guid ResourceId { get; init; }
    public string? ResourceDisplayName { get; init; }
    public required Guid HomeTenantId { get; init; }
    public string HomeTenantName { get; init; } = "";
    public required Guid ResourceTenantId { get; init; }
    public required string CrossTenantAccessType { get; init; }
    public required bool IsInteractive { get; init; }
    public IReadOnlyList<string> SignInEventTypes { get; init; } = [];
    public required string AuthenticationRequirement { get; init; }
    public required string ConditionalAccessStatus { get; init; }
    /// <summary>In the resource tenant's row only.</summary>
    public IReadOnlyList<AppliedConditionalAccessPolicy> AppliedConditionalAccessPolicies { get; init; } = [];
    public required SignInStatus Status { get; init; }
    public DeviceDetail? DeviceDetail { get; init; }
    public bool IsTenantRestricted { get; init; }
    public IReadOnlyList<string> FakeEntraDecisionTrace { get; init; } = [];
}

public sealed record SignInStatus(int ErrorCode, string? FailureReason = null, string? AdditionalDetails = null);

public sealed record DeviceDetail(string DeviceId, string? DisplayName = null, bool IsCompliant = false, string? TrustType = null);

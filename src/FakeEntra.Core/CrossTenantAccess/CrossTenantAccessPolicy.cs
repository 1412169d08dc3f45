namespace FakeEntra.Core.CrossTenantAccess;

/// <summary>A tenant's cross-tenant access settings, in Graph's <c>crossTenantAccessPolicy</c> shape.</summary>
public sealed record CrossTenantAccessPolicy
{
    /// <summary>Object id; tenant restrictions v2 headers name it as the policy id.</summary>
    public Guid Id { get; init; }
    public string DisplayName { get; init; } = "CrossTenantAccessPolicy";
    public IReadOnlyList<string> AllowedCloudEndpoints { get; init; } = [];
    public CrossTenantAccessPolicyConfigurationDefault Default { get; init; } = CrossTenantAccessPolicyConfigurationDefault.ServiceDefault;
    public IReadOnlyList<CrossTenantAccessPolicyConfigurationPartner> Partners { get; init; } = [];
}

/// <summary>The tenant-wide default; every member is set (the service default until an admin changes it).</summary>
public sealed record CrossTenantAccessPolicyConfigurationDefault
{
    public bool IsServiceDefault { get; init; }
    public CrossTenantAccessPolicyInboundTrust InboundTrust { get; init; } = new();
    public CrossTenantAccessPolicyB2BSetting B2bCollaborationInbound { get; init; } = CrossTenantAccessPolicyB2BSetting.AllowAll;
    public CrossTenantAccessPolicyB2BSetting B2bCollaborationOutbound { get; init; } = CrossTenantAccessPolicyB2BSetting.AllowAll;
    public CrossTenantAccessPolicyB2BSetting B2bDirectConnectInbound { get; init; } = CrossTenantAccessPolicyB2BSetting.BlockAll;
    public CrossTenantAccessPolicyB2BSetting B2bDirectConnectOutbound { get; init; } = CrossTenantAccessPolicyB2BSetting.BlockAll;
    /// <summary>Not enforced until configured (the service value is not documented; FakeEntra assumes allow-all).</summary>
    public CrossTenantAccessPolicyB2BSetting TenantRestrictions { get; init; } = CrossTenantAccessPolicyB2BSetting.AllowAll;
    public InboundOutboundPolicyConfiguration AutomaticUserConsentSettings { get; init; } = new();

    public static CrossTenantAccessPolicyConfigurationDefault ServiceDefault { get; } = new() { IsServiceDefault = true };
}

/// <summary>Settings for one partner organization; a <c>null</c> member inherits the default's.</summary>
public sealed record CrossTenantAccessPolicyConfigurationPartner
{
    public required Guid TenantId { get; init; }
    public bool IsServiceProvider { get; init; }
    public bool IsInMultiTenantOrganization { get; init; }
    public CrossTenantAccessPolicyInboundTrust? InboundTrust { get; init; }
    public CrossTenantAccessPolicyB2BSetting? B2bCollaborationInbound { get; init; }
    public CrossTenantAccessPolicyB2BSetting? B2bCollaborationOutbound { get; init; }
    public CrossTenantAccessPolicyB2BSetting? B2bDirectConnectInbound { get; init; }
    public CrossTenantAccessPolicyB2BSetting? B2bDirectConnectOutbound { get; init; }
    public CrossTenantAccessPolicyB2BSetting? TenantRestrictions { get; init; }
    public InboundOutboundPolicyConfiguration? AutomaticUserConsentSettings { get; init; }
}

public sealed record CrossTenantAccessPolicyInboundTrust
{
    public bool IsMfaAccepted { get; init; }
    public bool IsCompliantDeviceAccepted { get; init; }
    public bool IsHybridAzureADJoinedDeviceAccepted { get; init; }
}

public sealed record InboundOutboundPolicyConfiguration
{
    public bool InboundAllowed { get; init; }
    public bool OutboundAllowed { get; init; }
}

/// <summary>Who (users and groups) and what (applications) a setting allows or blocks.</summary>
public sealed record CrossTenantAccessPolicyB2BSetting
{
    public required CrossTenantAccessPolicyTargetConfiguration UsersAndGroups { get; init; }
    public required CrossTenantAccessPolicyTargetConfiguration Applications { get; init; }

    public static CrossTenantAccessPolicyB2BSetting AllowAll { get; } = All(CrossTenantAccessTypes.Allowed);
    public static CrossTenantAccessPolicyB2BSetting BlockAll { get; } = All(CrossTenantAccessTypes.Blocked);

    private static CrossTenantAccessPolicyB2BSetting All(string accessType) => new()
    {
        UsersAndGroups = new() { AccessType = accessType, Targets = [new() { Target = CrossTenantAccessTargets.AllUsers, TargetType = CrossTenantAccessTargetTypes.User }] },
        Applications = new() { AccessType = accessType, Targets = [new() { Target = CrossTenantAccessTargets.AllApplications, TargetType = CrossTenantAccessTargetTypes.Application }] },
    };
}

public sealed record CrossTenantAccessPolicyTargetConfiguration
{
    /// <summary><c>allowed</c> or <c>blocked</c>.</summary>
    public required string AccessType { get; init; }
    public IReadOnlyList<CrossTenantAccessPolicyTarget> Targets { get; init; } = [];
}

public sealed record CrossTenantAccessPolicyTarget
{
    /// <summary>An object id, an app id, or a keyword such as <c>AllUsers</c>.</summary>
    public required string Target { get; init; }
    /// <summary><c>user</c>, <c>group</c> or <c>application</c>.</summary>
    public required string TargetType { get; init; }
}

public static class CrossTenantAccessTypes
{
    public const string Allowed = "allowed";
    public const string Blocked = "blocked";
    public static readonly IReadOnlyList<string> All = [Allowed, Blocked];
}

public static class CrossTenantAccessTargetTypes
{
    public const string User = "user";
    public const string Group = "group";
    public const string Application = "application";
    public static readonly IReadOnlyList<string> All = [User, Group, Application];
}

public static class CrossTenantAccessTargets
{
    public const string AllUsers = "AllUsers";
    public const string AllApplications = "AllApplications";
    public const string AllMicrosoftApps = "AllMicrosoftApps";
    public const string Office365 = "Office365";
}

using System.Text.Json.Serialization;

namespace FakeEntra.Core.ConditionalAccess;

/// <summary>A Conditional Access policy, in Graph's shape, limited to what FakeEntra evaluates.</summary>
public sealed record ConditionalAccessPolicy
{
    public required Guid Id { get; init; }
    public required string DisplayName { get; init; }
    /// <summary><c>enabled</c>, <c>disabled</c> or <c>enabledForReportingButNotEnforced</c>.</summary>
    public string State { get; init; } = ConditionalAccessPolicyStates.Enabled;
    public DateTimeOffset? CreatedDateTime { get; init; }
    public DateTimeOffset? ModifiedDateTime { get; init; }
    public required ConditionalAccessConditionSet Conditions { get; init; }
    public ConditionalAccessGrantControls? GrantControls { get; init; }
}

public static class ConditionalAccessPolicyStates
{
    public const string Enabled = "enabled";
    public const string Disabled = "disabled";
    public const string ReportOnly = "enabledForReportingButNotEnforced";
    public static readonly IReadOnlyList<string> All = [Enabled, Disabled, ReportOnly];
}

public sealed record ConditionalAccessConditionSet
{
    public required ConditionalAccessUsers Users { get; init; }
    public required ConditionalAccessApplications Applications { get; init; }
    public IReadOnlyList<string> ClientAppTypes { get; init; } = ["all"];
}

public sealed record ConditionalAccessUsers
{
    /// <summary>Object ids or <c>All</c>, <c>None</c>, <c>GuestsOrExternalUsers</c>.</summary>
    public IReadOnlyList<string> IncludeUsers { get; init; } = [];
    public IReadOnlyList<string> ExcludeUsers { get; init; } = [];
    public IReadOnlyList<string> IncludeGroups { get; init; } = [];
    public IReadOnlyList<string> ExcludeGroups { get; init; } = [];
    public IReadOnlyList<string> IncludeRoles { get; init; } = [];
    public IReadOnlyList<string> ExcludeRoles { get; init; } = [];
    public ConditionalAccessGuestsOrExternalUsers? IncludeGuestsOrExternalUsers { get; init; }
    public ConditionalAccessGuestsOrExternalUsers? ExcludeGuestsOrExternalUsers { get; init; }
}

public sealed record ConditionalAccessGuestsOrExternalUsers
{
    /// <summary>One comma-separated string of flags, e.g. <c>b2bCollaborationGuest,b2bDirectConnectUser</c>.</summary>
    public required string GuestOrExternalUserTypes { get; init; }
    public ConditionalAccessExternalTenants? ExternalTenants { get; init; }

    public IEnumerable<string> Types => GuestOrExternalUserTypes.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}

public static class GuestOrExternalUserTypes
{
    public static readonly IReadOnlyList<string> All =
    [
        "none", "internalGuest", "b2bCollaborationGuest", "b2bCollaborationMember",
        "b2bDirectConnectUser", "otherExternalUser", "serviceProvider", "unknownFutureValue",
    ];
}

/// <summary>Either all external tenants or an enumerated list (Graph distinguishes them by <c>@odata.type</c>).</summary>
public sealed record ConditionalAccessExternalTenants
{
    [JsonPropertyName("@odata.type")]
    public string? ODataType { get; init; }
    /// <summary><c>all</c> or <c>enumerated</c>.</summary>
    public required string MembershipKind { get; init; }
    public IReadOnlyList<string> Members { get; init; } = [];
}

public sealed record ConditionalAccessApplications
{
    /// <summary>App ids or <c>All</c>, <c>None</c>, <c>Office365</c>.</summary>
    public IReadOnlyList<string> IncludeApplications { get; init; } = [];
    public IReadOnlyList<string> ExcludeApplications { get; init; } = [];
}

public sealed record ConditionalAccessGrantControls
{
    /// <summary><c>AND</c> or <c>OR</c>.</summary>
    public string Operator { get; init; } = "OR";
    public IReadOnlyList<string> BuiltInControls { get; init; } = [];
}

public static class ConditionalAccessGrantControlNames
{
    public const string Block = "block";
    public const string Mfa = "mfa";
    public const string CompliantDevice = "compliantDevice";
    public const string DomainJoinedDevice = "domainJoinedDevice";
    public static readonly IReadOnlyList<string> All = [Block, Mfa, CompliantDevice, DomainJoinedDevice];
}

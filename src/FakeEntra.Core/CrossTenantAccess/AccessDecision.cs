using FakeEntra.Core.Errors;

namespace FakeEntra.Core.CrossTenantAccess;

/// <summary>Graph's <c>crossTenantAccessType</c> of a sign-in.</summary>
public static class CrossTenantAccessTypeValues
{
    public const string None = "none";
    public const string B2BCollaboration = "b2bCollaboration";
    public const string B2BDirectConnect = "b2bDirectConnect";
}

/// <summary>What a person must still do before the decision can be to allow.</summary>
public enum SignInChallenge
{
    None,
    /// <summary>Say which device this is (a Conditional Access device control applies).</summary>
    Device,
    /// <summary>Complete MFA in the home tenant (trusted by the resource tenant, or the user's own).</summary>
    MfaAtHome,
    /// <summary>Complete MFA in the resource tenant (a B2B collaboration guest whose home MFA is not trusted).</summary>
    MfaAtResource,
    /// <summary>Accept the resource organization's privacy statement (a first B2B direct connect sign-in).</summary>
    PrivacyConsent,
}

/// <summary>Graph's <c>appliedConditionalAccessPolicy</c>.</summary>
public sealed record AppliedConditionalAccessPolicy(Guid Id, string DisplayName, IReadOnlyList<string> EnforcedGrantControls, string Result);

/// <summary>The answer to a sign-in: allowed, a challenge to meet, or refused with Entra's error; with every rule consulted.</summary>
public sealed record AccessDecision
{
    public required string CrossTenantAccessType { get; init; }
    public AadError? Error { get; init; }
    public SignInChallenge Challenge { get; init; }
    /// <summary><c>member</c> or <c>guest</c>, as sign-in logs say.</summary>
    public required string UserType { get; init; }
    public IReadOnlyList<AppliedConditionalAccessPolicy> AppliedConditionalAccessPolicies { get; init; } = [];
    /// <summary><c>success</c>, <c>failure</c> or <c>notApplied</c>.</summary>
    public string ConditionalAccessStatus { get; init; } = "notApplied";
    public bool IsTenantRestricted { get; init; }
    public required IReadOnlyList<string> Trace { get; init; }

    public bool Allowed => Error is null && Challenge == SignInChallenge.None;
}

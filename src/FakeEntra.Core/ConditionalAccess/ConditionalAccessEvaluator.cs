using FakeEntra.Core.CrossTenantAccess;
using FakeEntra.Core.DirectoryObjects;
using FakeEntra.Core.Errors;

namespace FakeEntra.Core.ConditionalAccess;

/// <summary>The outcome of the resource tenant's Conditional Access for one sign-in.</summary>
public sealed record ConditionalAccessOutcome(AadError? Error, SignInChallenge Challenge, IReadOnlyList<AppliedConditionalAccessPolicy> Applied, string Status);

/// <summary>
/// Evaluates the resource tenant's Conditional Access policies (the subset FakeEntra models). An external user satisfies
/// MFA and device controls only with claims the resource tenant trusts; a B2B direct connect user cannot satisfy MFA without
/// that trust at all, while a B2B collaboration guest is asked for MFA in the resource tenant instead.
/// </summary>
public static class ConditionalAccessEvaluator
{
    private readonly record struct ControlResult(AadError? Error, SignInChallenge Challenge)
    {
        public bool Satisfied => Error is null && Challenge == SignInChallenge.None;
        public static ControlResult Ok => new(null, SignInChallenge.None);
    }

    public static ConditionalAccessOutcome Evaluate(SignInFacts facts, string accessType, CrossTenantAccessPolicyInboundTrust trust, List<string> trace)
    {
        var applied = new List<AppliedConditionalAccessPolicy>();
        AadError? error = null;
        var challenge = SignInChallenge.None;
        foreach (var policy in facts.ResourceTenant.ConditionalAccessPolicies)
        {
            var controls = policy.GrantControls?.BuiltInControls ?? [];
            var names = controls.Select(ControlName).ToList();
            if (policy.State == ConditionalAccessPolicyStates.Disabled)
            {
                applied.Add(new(policy.Id, policy.DisplayName, names, "notEnabled"));
                continue;
            }
            var reportOnly = policy.State == ConditionalAccessPolicyStates.ReportOnly;
            if (!AppliesTo(policy, facts, accessType))
            {
                applied.Add(new(policy.Id, policy.DisplayName, names, reportOnly ? "reportOnlyNotApplied" : "notApplied"));
                trace.Add($"Conditional Access '{policy.DisplayName}': does not apply.");
                continue;
            }
            var result = Grant(policy.GrantControls!, facts, accessType, trust);
            var outcome = result.Satisfied ? "success" : "failure";
            trace.Add($"Conditional Access '{policy.DisplayName}' ({policy.GrantControls!.Operator} of {string.Join(", ", controls)}){(reportOnly ? " [report-only]" : "")}: " +
                      (result.Satisfied ? "satisfied." : result.Error is { } e ? $"not satisfied (AADSTS{e.Code})." : $"needs {result.Challenge}."));
            applied.Add(new(policy.Id, policy.DisplayName, names, reportOnly ? (result.Satisfied ? "reportOnlySuccess" : "reportOnlyFailure") : outcome));
            if (reportOnly || result.Satisfied) continue;
            if (result.Error is not null) error ??= result.Error;
            else if (challenge == SignInChallenge.None || result.Challenge == SignInChallenge.Device) challenge = result.Challenge;
        }
        var enforced = applied.Where(a => a.Result is "success" or "failure").ToList();
        var status = enforced.Count == 0 ? "notApplied" : error is null && challenge == SignInChallenge.None ? "success" : "failure";
        return new(error, challenge, applied, status);
    }

    private static bool AppliesTo(ConditionalAccessPolicy policy, SignInFacts facts, string accessType)
    {
        var users = policy.Conditions.Users;
        var local = facts.GuestUser?.Id ?? (accessType == CrossTenantAccessTypeValues.None ? facts.HomeUser.Id : (Guid?)null);
        var userType = accessType switch
        {
            CrossTenantAccessTypeValues.B2BDirectConnect => "b2bDirectConnectUser",
            CrossTenantAccessTypeValues.B2BCollaboration => "b2bCollaborationGuest",
            _ => null,
        };
        bool Names(IReadOnlyList<string> userIds, IReadOnlyList<string> groupIds, IReadOnlyList<string> roleIds, ConditionalAccessGuestsOrExternalUsers? guests) =>
            userIds.Contains("All")
            || (userType is not null && userIds.Contains("GuestsOrExternalUsers"))
            || (local is { } id && userIds.Contains(id.ToString("D"), StringComparer.OrdinalIgnoreCase))
            || groupIds.Any(g => Guid.TryParse(g, out var gid) && facts.ResourceGroups.Contains(gid))
            || roleIds.Any(r => Guid.TryParse(r, out var rid) && facts.ResourceRoles.Contains(rid))
            || (guests is not null && userType is not null && guests.Types.Contains(userType) && InTenants(guests.ExternalTenants, facts.HomeTenant.Id));
        if (!Names(users.IncludeUsers, users.IncludeGroups, users.IncludeRoles, users.IncludeGuestsOrExternalUsers)) return false;
        if (Names(users.ExcludeUsers, users.ExcludeGroups, users.ExcludeRoles, users.ExcludeGuestsOrExternalUsers)) return false;

        var apps = policy.Conditions.Applications;
        var appId = facts.ResourceApp.AppId.ToString("D");
        bool NamesApp(IReadOnlyList<string> ids) => ids.Contains("All") || ids.Contains(appId, StringComparer.OrdinalIgnoreCase)
                                                    || (ids.Contains("Office365") && FirstPartyApplications.All.Any(a => a.AppId == facts.ResourceApp.AppId));
        return NamesApp(apps.IncludeApplications) && !NamesApp(apps.ExcludeApplications);
    }

    private static bool InTenants(ConditionalAccessExternalTenants? tenants, Guid homeTenantId) =>
        tenants is null || tenants.MembershipKind == "all" || tenants.Members.Contains(homeTenantId.ToString("D"), StringComparer.OrdinalIgnoreCase);

    private static ControlResult Grant(ConditionalAccessGrantControls grant, SignInFacts facts, string accessType, CrossTenantAccessPolicyInboundTrust trust)
    {
        var results = grant.BuiltInControls.Select(c => Control(c, facts, accessType, trust)).ToList();
        if (grant.BuiltInControls.Contains(ConditionalAccessGrantControlNames.Block)) return new(AadErrors.ConditionalAccessBlocks(), SignInChallenge.None);
        if (grant.Operator == "AND")
        {
            if (results.All(r => r.Satisfied)) return ControlResult.Ok;
            return results.FirstOrDefault(r => r.Error is not null) is { Error: not null } failed ? failed : results.First(r => !r.Satisfied);
        }
        if (results.Any(r => r.Satisfied)) return ControlResult.Ok;
        // OR: a control the person can still meet is a challenge; otherwise the first failure (a device failure is reported as 53000).
        return results.FirstOrDefault(r => r.Error is null) is { Challenge: not SignInChallenge.None } open ? open : results[0];
    }

    private static ControlResult Control(string control, SignInFacts facts, string accessType, CrossTenantAccessPolicyInboundTrust trust)
    {
        var member = accessType == CrossTenantAccessTypeValues.None;
        switch (control)
        {
            case ConditionalAccessGrantControlNames.Mfa:
                if (accessType == CrossTenantAccessTypeValues.B2BDirectConnect && !trust.IsMfaAccepted)
                    return new(AadErrors.ExternalUserCannotSatisfyMfa(), SignInChallenge.None);
                if (accessType == CrossTenantAccessTypeValues.B2BCollaboration && !trust.IsMfaAccepted)
                    return facts.MfaAtResource ? ControlResult.Ok : Challenge(facts, SignInChallenge.MfaAtResource);
                return facts.MfaAtHome || (accessType == CrossTenantAccessTypeValues.B2BCollaboration && facts.MfaAtResource)
                    ? ControlResult.Ok
                    : Challenge(facts, SignInChallenge.MfaAtHome);
            case ConditionalAccessGrantControlNames.CompliantDevice:
                if (facts.Device is { IsCompliant: true } && (member || trust.IsCompliantDeviceAccepted)) return ControlResult.Ok;
                return facts.Interactive && !facts.DeviceKnown ? new(null, SignInChallenge.Device) : new(AadErrors.DeviceMustBeCompliant(), SignInChallenge.None);
            case ConditionalAccessGrantControlNames.DomainJoinedDevice:
                if (facts.Device is { TrustType: DeviceTrustTypes.ServerAd } && (member || trust.IsHybridAzureADJoinedDeviceAccepted)) return ControlResult.Ok;
                return facts.Interactive && !facts.DeviceKnown ? new(null, SignInChallenge.Device) : new(AadErrors.DeviceMustBeDomainJoined(), SignInChallenge.None);
            default:
                return new(AadErrors.ConditionalAccessBlocks(), SignInChallenge.None);
        }
    }

    // MFA that can still be done: asked of a person at a browser who has a method; otherwise Entra's errors.
    private static ControlResult Challenge(SignInFacts facts, SignInChallenge challenge) =>
        !facts.HasMfaMethod ? new(AadErrors.MfaEnrollmentNeeded(facts.ResourceApp.AppId), SignInChallenge.None)
        : facts.Interactive ? new(null, challenge)
        : new(AadErrors.MfaNeeded(facts.ResourceApp.AppId), SignInChallenge.None);

    /// <summary>Sign-in logs name grant controls in words, not by their enum names.</summary>
    public static string ControlName(string control) => control switch
    {
        ConditionalAccessGrantControlNames.Mfa => "Require multifactor authentication",
        ConditionalAccessGrantControlNames.CompliantDevice => "Require device to be marked as compliant",
        ConditionalAccessGrantControlNames.DomainJoinedDevice => "Require Hybrid Azure AD joined device",
        ConditionalAccessGrantControlNames.Block => "Block",
        _ => control,
    };
}

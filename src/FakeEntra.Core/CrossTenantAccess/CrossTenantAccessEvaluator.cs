using FakeEntra.Core.ConditionalAccess;
using FakeEntra.Core.DirectoryObjects;
using FakeEntra.Core.Errors;

namespace FakeEntra.Core.CrossTenantAccess;

/// <summary>
/// Decides whether the resource tenant may issue a token for a sign-in, as Entra does, in Entra's order: the enforcing
/// tenant's tenant restrictions, the home tenant's outbound settings, the resource tenant's inbound settings, then the
/// resource tenant's Conditional Access, satisfied for external users only through its inbound trust. Pure: the same facts
/// always give the same decision.
/// </summary>
public static class CrossTenantAccessEvaluator
{
    public static AccessDecision Evaluate(SignInFacts facts)
    {
        var trace = new List<string>();
        var home = facts.HomeTenant;
        var resource = facts.ResourceTenant;
        var accessType = !facts.IsCrossTenant ? CrossTenantAccessTypeValues.None
            : facts.GuestUser is not null ? CrossTenantAccessTypeValues.B2BCollaboration
            : CrossTenantAccessTypeValues.B2BDirectConnect;
        var userType = accessType == CrossTenantAccessTypeValues.None ? "member" : "guest";
        trace.Add($"{facts.HomeUser.UserPrincipalName} (home {home.Organization.DisplayName}) signs in to {facts.ResourceApp.DisplayName} in {resource.Organization.DisplayName}: crossTenantAccessType {accessType}.");
        AccessDecision Refuse(AadError error, bool restricted = false)
        {
            trace.Add($"Refused: {error}");
            return new() { CrossTenantAccessType = accessType, UserType = userType, Error = error, IsTenantRestricted = restricted, Trace = trace };
        }

        // 1. Tenant restrictions v2 restrict accounts of other tenants used on the enforcing tenant's devices and networks.
        var restricted = false;
        if (facts.EnforcingTenant is { } enforcing)
        {
            if (enforcing.Id == home.Id)
                trace.Add($"Tenant restrictions of {enforcing.Organization.DisplayName}: the account is its own, so they do not apply.");
            else
            {
                restricted = true;
                var (setting, source) = EffectivePolicy.Toward(enforcing.CrossTenantAccessPolicy, home.Id).TenantRestrictions;
                var admits = TargetMatching.Admits(setting, facts.HomeUser.Id, facts.HomeGroups, facts.ResourceApp);
                trace.Add($"Tenant restrictions of {enforcing.Organization.DisplayName} toward {home.Organization.DisplayName} ({source}): users {TargetMatching.Describe(setting.UsersAndGroups)}, applications {TargetMatching.Describe(setting.Applications)}: {(admits ? "allowed" : "blocked")}.");
                if (!admits) return Refuse(AadErrors.TenantRestrictionsBlock(resource.Organization.DefaultDomain), restricted: true);
            }
        }

        if (accessType == CrossTenantAccessTypeValues.None)
            trace.Add("Same tenant: no cross-tenant access settings apply.");
        else
        {
            if (accessType == CrossTenantAccessTypeValues.B2BDirectConnect && !facts.ResourceApp.Tags.Contains(ApplicationTags.B2BDirectConnect))
            {
                trace.Add($"{facts.ResourceApp.DisplayName} is not enabled for B2B direct connect and the user has no guest account in {resource.Organization.DisplayName}.");
                return Refuse(AadErrors.UserNotInTenant(facts.HomeUser.UserPrincipalName, $"https://sts.windows.net/{home.Id:D}/",
                    resource.Organization.DisplayName, facts.ResourceApp.AppId, facts.ResourceApp.DisplayName));
            }
            var direct = accessType == CrossTenantAccessTypeValues.B2BDirectConnect;
            var kind = direct ? "B2B direct connect" : "B2B collaboration";

            // 2. The home tenant's outbound settings toward the resource tenant.
            var outbound = EffectivePolicy.Toward(home.CrossTenantAccessPolicy, resource.Id);
            var (outSetting, outSource) = direct ? outbound.B2bDirectConnectOutbound : outbound.B2bCollaborationOutbound;
            var outAdmits = TargetMatching.Admits(outSetting, facts.HomeUser.Id, facts.HomeGroups, facts.ResourceApp);
            trace.Add($"{home.Organization.DisplayName} outbound {kind} toward {resource.Organization.DisplayName} ({outSource}): users {TargetMatching.Describe(outSetting.UsersAndGroups)}, applications {TargetMatching.Describe(outSetting.Applications)}: {(outAdmits ? "allowed" : "blocked")}.");
            if (!outAdmits) return Refuse(AadErrors.OutboundPolicyBlocks(), restricted);

            // 3. The resource tenant's inbound settings toward the home tenant.
            var inbound = EffectivePolicy.Toward(resource.CrossTenantAccessPolicy, home.Id);
            var (inSetting, inSource) = direct ? inbound.B2bDirectConnectInbound : inbound.B2bCollaborationInbound;
            var inAdmits = TargetMatching.Admits(inSetting, facts.HomeUser.Id, facts.HomeGroups, facts.ResourceApp);
            trace.Add($"{resource.Organization.DisplayName} inbound {kind} from {home.Organization.DisplayName} ({inSource}): users {TargetMatching.Describe(inSetting.UsersAndGroups)}, applications {TargetMatching.Describe(inSetting.Applications)}: {(inAdmits ? "allowed" : "blocked")}.");
            if (!inAdmits) return Refuse(AadErrors.InboundPolicyBlocks(), restricted);
        }

        // 4. The resource tenant's Conditional Access, with its trust in the home tenant's claims.
        var (trust, trustSource) = EffectivePolicy.Toward(resource.CrossTenantAccessPolicy, home.Id).InboundTrust;
        if (facts.IsCrossTenant)
            trace.Add($"{resource.Organization.DisplayName} inbound trust for {home.Organization.DisplayName} ({trustSource}): MFA {(trust.IsMfaAccepted ? "accepted" : "not accepted")}, compliant device {(trust.IsCompliantDeviceAccepted ? "accepted" : "not accepted")}, hybrid joined device {(trust.IsHybridAzureADJoinedDeviceAccepted ? "accepted" : "not accepted")}.");
        var ca = ConditionalAccessEvaluator.Evaluate(facts, accessType, trust, trace);

        // 5. A B2B direct connect user shares their profile with the resource organization only after accepting its privacy statement.
        if (ca.Error is null && ca.Challenge == SignInChallenge.None && accessType == CrossTenantAccessTypeValues.B2BDirectConnect && !facts.PrivacyConsentGiven)
        {
            trace.Add($"{facts.HomeUser.UserPrincipalName} has not accepted {resource.Organization.DisplayName}'s privacy statement.");
            ca = facts.Interactive
                ? ca with { Challenge = SignInChallenge.PrivacyConsent }
                : ca with { Error = AadErrors.PrivacyConsentMissing(resource.Organization.DisplayName) };
        }
        return new()
        {
            CrossTenantAccessType = accessType,
            UserType = userType,
            Error = ca.Error,
            Challenge = ca.Error is null ? ca.Challenge : SignInChallenge.None,
            AppliedConditionalAccessPolicies = ca.Applied,
            ConditionalAccessStatus = ca.Status,
            IsTenantRestricted = restricted,
            Trace = ca.Error is null ? [.. trace, ca.Challenge == SignInChallenge.None ? "Allowed." : $"Needs: {ca.Challenge}."] : [.. trace, $"Refused: {ca.Error}"],
        };
    }
}

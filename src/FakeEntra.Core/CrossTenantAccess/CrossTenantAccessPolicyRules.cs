namespace FakeEntra.Core.CrossTenantAccess;

/// <summary>A policy member that breaks a rule, and why (member is a JSON path relative to the configuration).</summary>
public readonly record struct PolicyProblem(string Member, string Problem);

/// <summary>What Graph refuses in cross-tenant access settings: unknown values and users/applications settings that conflict.</summary>
public static class CrossTenantAccessPolicyRules
{
    public static PolicyProblem? Check(CrossTenantAccessPolicyConfigurationDefault configuration) =>
        Check("b2bCollaborationInbound", configuration.B2bCollaborationInbound)
        ?? Check("b2bCollaborationOutbound", configuration.B2bCollaborationOutbound)
        ?? Check("b2bDirectConnectInbound", configuration.B2bDirectConnectInbound)
        ?? Check("b2bDirectConnectOutbound", configuration.B2bDirectConnectOutbound)
        ?? Check("tenantRestrictions", configuration.TenantRestrictions);

    public static PolicyProblem? Check(CrossTenantAccessPolicyConfigurationPartner configuration) =>
        Check("b2bCollaborationInbound", configuration.B2bCollaborationInbound)
        ?? Check("b2bCollaborationOutbound", configuration.B2bCollaborationOutbound)
        ?? Check("b2bDirectConnectInbound", configuration.B2bDirectConnectInbound)
        ?? Check("b2bDirectConnectOutbound", configuration.B2bDirectConnectOutbound)
        ?? Check("tenantRestrictions", configuration.TenantRestrictions);

    public static PolicyProblem? Check(string member, CrossTenantAccessPolicyB2BSetting? setting)
    {
        if (setting is null) return null;
        var problem = CheckTargets($"{member}.usersAndGroups", setting.UsersAndGroups, isApplications: false)
                      ?? CheckTargets($"{member}.applications", setting.Applications, isApplications: true);
        if (problem is not null) return problem;

        var allUsersBlocked = BlocksEverything(setting.UsersAndGroups, CrossTenantAccessTargets.AllUsers);
        var allAppsBlocked = BlocksEverything(setting.Applications, CrossTenantAccessTargets.AllApplications);
        if (allUsersBlocked != allAppsBlocked)
            return new(member, allUsersBlocked
                ? "usersAndGroups blocks all users, so applications must block all applications too"
                : "applications blocks all applications, so usersAndGroups must block all users too");
        return null;
    }

    private static bool BlocksEverything(CrossTenantAccessPolicyTargetConfiguration configuration, string keyword) =>
        configuration.AccessType == CrossTenantAccessTypes.Blocked && configuration.Targets.Any(t => t.Target == keyword);

    private static PolicyProblem? CheckTargets(string member, CrossTenantAccessPolicyTargetConfiguration configuration, bool isApplications)
    {
        if (!CrossTenantAccessTypes.All.Contains(configuration.AccessType))
            return new($"{member}.accessType", $"'{configuration.AccessType}' is not a valid accessType; use allowed or blocked");
        if (configuration.Targets.Count == 0)
            return new($"{member}.targets", "at least one target is required");
        for (var i = 0; i < configuration.Targets.Count; i++)
        {
            var target = configuration.Targets[i];
            var at = $"{member}.targets[{i}]";
            if (!CrossTenantAccessTargetTypes.All.Contains(target.TargetType))
                return new($"{at}.targetType", $"'{target.TargetType}' is not one of {string.Join(", ", CrossTenantAccessTargetTypes.All)}");
            if (isApplications != (target.TargetType == CrossTenantAccessTargetTypes.Application))
                return new($"{at}.targetType", isApplications ? "applications targets must have targetType application" : "usersAndGroups targets must have targetType user or group");
            var keywordOk = isApplications
                ? target.Target is CrossTenantAccessTargets.AllApplications or CrossTenantAccessTargets.AllMicrosoftApps or CrossTenantAccessTargets.Office365
                : target.Target == CrossTenantAccessTargets.AllUsers && target.TargetType == CrossTenantAccessTargetTypes.User;
            if (!keywordOk && !Guid.TryParse(target.Target, out _))
                return new($"{at}.target", $"'{target.Target}' is neither an object id nor a keyword ({(isApplications ? "AllApplications, AllMicrosoftApps, Office365" : "AllUsers")})");
        }
        return null;
    }
}

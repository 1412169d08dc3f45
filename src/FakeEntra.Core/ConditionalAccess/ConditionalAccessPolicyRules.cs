using FakeEntra.Core.CrossTenantAccess;

namespace FakeEntra.Core.ConditionalAccess;

/// <summary>What FakeEntra refuses in a Conditional Access policy: unknown values and policies that target nothing.</summary>
public static class ConditionalAccessPolicyRules
{
    private static readonly string[] UserKeywords = ["All", "None", "GuestsOrExternalUsers"];
    private static readonly string[] ApplicationKeywords = ["All", "None", "Office365"];

    public static PolicyProblem? Check(ConditionalAccessPolicy policy)
    {
        if (!ConditionalAccessPolicyStates.All.Contains(policy.State))
            return new("state", $"'{policy.State}' is not one of {string.Join(", ", ConditionalAccessPolicyStates.All)}");

        var users = policy.Conditions.Users;
        if (users.IncludeUsers.Count + users.IncludeGroups.Count + users.IncludeRoles.Count == 0 && users.IncludeGuestsOrExternalUsers is null)
            return new("conditions.users", "the policy must include users, groups, roles or guests and external users");
        var problem = Ids("conditions.users.includeUsers", users.IncludeUsers, UserKeywords)
                      ?? Ids("conditions.users.excludeUsers", users.ExcludeUsers, UserKeywords)
                      ?? Ids("conditions.users.includeGroups", users.IncludeGroups, [])
                      ?? Ids("conditions.users.excludeGroups", users.ExcludeGroups, [])
                      ?? Ids("conditions.users.includeRoles", users.IncludeRoles, [])
                      ?? Ids("conditions.users.excludeRoles", users.ExcludeRoles, [])
                      ?? Guests("conditions.users.includeGuestsOrExternalUsers", users.IncludeGuestsOrExternalUsers)
                      ?? Guests("conditions.users.excludeGuestsOrExternalUsers", users.ExcludeGuestsOrExternalUsers);
        if (problem is not null) return problem;

        var applications = policy.Conditions.Applications;
        if (applications.IncludeApplications.Count == 0)
            return new("conditions.applications.includeApplications", "the policy must include at least one application, All or Office365");
        problem = Ids("conditions.applications.includeApplications", applications.IncludeApplications, ApplicationKeywords)
                  ?? Ids("conditions.applications.excludeApplications", applications.ExcludeApplications, ApplicationKeywords);
        if (problem is not null) return problem;

        if (policy.GrantControls is not { } grant || grant.BuiltInControls.Count == 0)
            return new("grantControls", "the policy needs grantControls with at least one built-in control");
        if (grant.Operator is not ("AND" or "OR"))
            return new("grantControls.operator", $"'{grant.Operator}' is not AND or OR");
        for (var i = 0; i < grant.BuiltInControls.Count; i++)
            if (!ConditionalAccessGrantControlNames.All.Contains(grant.BuiltInControls[i]))
                return new($"grantControls.builtInControls[{i}]", $"'{grant.BuiltInControls[i]}' is not supported; use {string.Join(", ", ConditionalAccessGrantControlNames.All)}");
        return null;
    }

    private static PolicyProblem? Ids(string member, IReadOnlyList<string> values, string[] keywords)
    {
        for (var i = 0; i < values.Count; i++)
            if (!keywords.Contains(values[i]) && !Guid.TryParse(values[i], out _))
                return new($"{member}[{i}]", keywords.Length == 0
                    ? $"'{values[i]}' is not an object id"
                    : $"'{values[i]}' is neither an object id nor one of {string.Join(", ", keywords)}");
        return null;
    }

    private static PolicyProblem? Guests(string member, ConditionalAccessGuestsOrExternalUsers? guests)
    {
        if (guests is null) return null;
        foreach (var type in guests.Types)
            if (!GuestOrExternalUserTypes.All.Contains(type))
                return new($"{member}.guestOrExternalUserTypes", $"'{type}' is not one of {string.Join(", ", GuestOrExternalUserTypes.All)}");
        if (guests.ExternalTenants is { } tenants)
        {
            if (tenants.MembershipKind is not ("all" or "enumerated"))
                return new($"{member}.externalTenants.membershipKind", $"'{tenants.MembershipKind}' is not all or enumerated");
            if (tenants.MembershipKind == "enumerated" && (tenants.Members.Count == 0 || tenants.Members.Any(m => !Guid.TryParse(m, out _))))
                return new($"{member}.externalTenants.members", "an enumerated list needs one or more tenant ids");
        }
        return null;
    }
}

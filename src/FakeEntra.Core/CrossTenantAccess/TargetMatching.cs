using FakeEntra.Core.DirectoryObjects;

namespace FakeEntra.Core.CrossTenantAccess;

/// <summary>
/// How a setting's targets decide: <c>allowed</c> with targets admits only what they name; <c>blocked</c> with targets refuses
/// what they name and admits the rest. Both the users-and-groups half and the applications half must admit.
/// </summary>
public static class TargetMatching
{
    public static bool AdmitsUser(CrossTenantAccessPolicyTargetConfiguration configuration, Guid userId, IReadOnlySet<Guid> groups) =>
        Admits(configuration, t => t.Target == CrossTenantAccessTargets.AllUsers
                                   || (Guid.TryParse(t.Target, out var id) && (t.TargetType == CrossTenantAccessTargetTypes.User ? id == userId : groups.Contains(id))));

    public static bool AdmitsApplication(CrossTenantAccessPolicyTargetConfiguration configuration, Application app) =>
        Admits(configuration, t => t.Target == CrossTenantAccessTargets.AllApplications
                                   || (t.Target is CrossTenantAccessTargets.AllMicrosoftApps or CrossTenantAccessTargets.Office365 && FirstPartyApplications.All.Any(a => a.AppId == app.AppId))
                                   || (Guid.TryParse(t.Target, out var appId) && appId == app.AppId));

    public static bool Admits(CrossTenantAccessPolicyB2BSetting setting, Guid userId, IReadOnlySet<Guid> groups, Application app) =>
        AdmitsUser(setting.UsersAndGroups, userId, groups) && AdmitsApplication(setting.Applications, app);

    public static string Describe(CrossTenantAccessPolicyTargetConfiguration configuration) =>
        $"{configuration.AccessType} for {string.Join(", ", configuration.Targets.Select(t => t.Target))}";

    private static bool Admits(CrossTenantAccessPolicyTargetConfiguration configuration, Func<CrossTenantAccessPolicyTarget, bool> names)
    {
        var named = configuration.Targets.Any(names);
        return configuration.AccessType == CrossTenantAccessTypes.Allowed ? named : !named;
    }
}

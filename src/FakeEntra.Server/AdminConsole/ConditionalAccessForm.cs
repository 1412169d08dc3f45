using System.Text.Json.Nodes;
using FakeEntra.Core.ConditionalAccess;
using static FakeEntra.Server.AdminConsole.ConsoleHtml;
using static FakeEntra.Server.SignInPages.Html;

namespace FakeEntra.Server.AdminConsole;

/// <summary>
/// A Conditional Access policy as a form, limited to what FakeEntra evaluates: users (with guests and external users by
/// type and tenant), applications, and the grant controls. Field names are the policy's Graph JSON paths; what the form does
/// not show (client app types, excluded guests) is kept as it is.
/// </summary>
public static class ConditionalAccessForm
{
    private const string Users = "conditions.users";
    private const string Guests = Users + ".includeGuestsOrExternalUsers";
    private const string Applications = "conditions.applications";

    private static readonly (string Name, string Label, string Hint)[] UserLists =
    [
        ("includeUsers", "Include users", "Object ids, one a line; or All, None, GuestsOrExternalUsers."),
        ("excludeUsers", "Exclude users", "Object ids, one a line."),
        ("includeGroups", "Include groups", "Group object ids, one a line."),
        ("excludeGroups", "Exclude groups", "Group object ids, one a line."),
        ("includeRoles", "Include directory roles", "Role template ids, one a line."),
        ("excludeRoles", "Exclude directory roles", "Role template ids, one a line."),
    ];

    private static readonly (string Name, string Label)[] GuestTypes =
    [
        ("b2bCollaborationGuest", "B2B collaboration guest users"),
        ("b2bCollaborationMember", "B2B collaboration member users"),
        ("b2bDirectConnectUser", "B2B direct connect users"),
        ("internalGuest", "Local guest users"),
        ("otherExternalUser", "Other external users"),
        ("serviceProvider", "Service provider users"),
    ];

    private static readonly (string Name, string Label)[] Controls =
    [
        (ConditionalAccessGrantControlNames.Block, "Block access"),
        (ConditionalAccessGrantControlNames.Mfa, "Require multifactor authentication"),
        (ConditionalAccessGrantControlNames.CompliantDevice, "Require device to be marked as compliant"),
        (ConditionalAccessGrantControlNames.DomainJoinedDevice, "Require Microsoft Entra hybrid joined device"),
    ];

    /// <summary>A new policy's JSON before the form fills it: on, for no one yet.</summary>
    public static JsonObject Template => new()
    {
        ["displayName"] = "",
        ["state"] = ConditionalAccessPolicyStates.Enabled,
        ["conditions"] = new JsonObject
        {
            ["users"] = new JsonObject(),
            ["applications"] = new JsonObject(),
        },
        ["grantControls"] = new JsonObject { ["operator"] = "OR", ["builtInControls"] = new JsonArray() },
    };

    /// <summary>The policy as a request body may carry it: without what FakeEntra's JSON computes (a guests condition's <c>types</c>).</summary>
    public static JsonObject Writable(JsonObject policy)
    {
        var copy = (JsonObject)policy.DeepClone();
        if (copy["conditions"]?["users"] is JsonObject users)
            foreach (var name in new[] { "includeGuestsOrExternalUsers", "excludeGuestsOrExternalUsers" })
                (users[name] as JsonObject)?.Remove("types");
        return copy;
    }

    public static IEnumerable<string> Fields =>
        new[] { "displayName", "state", Users, $"{Guests}.guestOrExternalUserTypes", $"{Guests}.externalTenants.membershipKind", $"{Guests}.externalTenants.members", Guests,
            $"{Applications}.includeApplications", $"{Applications}.excludeApplications", "grantControls", "grantControls.operator", "grantControls.builtInControls" }
            .Concat(UserLists.Select(l => $"{Users}.{l.Name}"));

    public static string Render(JsonObject policy, FieldErrors errors)
    {
        var users = policy["conditions"]?["users"] as JsonObject ?? [];
        var guests = users["includeGuestsOrExternalUsers"] as JsonObject;
        var guestTypes = (guests?["guestOrExternalUserTypes"]?.GetValue<string>() ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        var tenants = guests?["externalTenants"] as JsonObject;
        var applications = policy["conditions"]?["applications"] as JsonObject ?? [];
        var grant = policy["grantControls"] as JsonObject;
        var controls = Strings(grant?["builtInControls"]);
        return $"""
            {ConsoleHtml.Text("displayName", "Name", policy["displayName"]?.GetValue<string>(), errors.For("displayName"))}
            {Radios("state", "Enable policy", [(ConditionalAccessPolicyStates.Enabled, "On"), (ConditionalAccessPolicyStates.ReportOnly, "Report-only"), (ConditionalAccessPolicyStates.Disabled, "Off")],
                policy["state"]?.GetValue<string>(), errors.For("state"))}
            <fieldset class="setting"><legend>Users</legend>
            {ErrorFor(Users, errors.For(Users))}
            {string.Concat(UserLists.Select(l => Lines($"{Users}.{l.Name}", l.Label, Strings(users[l.Name]), errors.For($"{Users}.{l.Name}"), l.Hint)))}
            <fieldset class="half"><legend>Include guests or external users</legend>
            {ErrorFor(Guests, errors.For(Guests))}
            {string.Concat(GuestTypes.Select(t => Checkbox($"{Guests}.guestOrExternalUserTypes", t.Label, guestTypes.Contains(t.Name), t.Name)))}
            {ErrorFor($"{Guests}.guestOrExternalUserTypes", errors.For($"{Guests}.guestOrExternalUserTypes"))}
            {Radios($"{Guests}.externalTenants.membershipKind", "External Microsoft Entra organizations", [("all", "All"), ("enumerated", "Selected")],
                tenants?["membershipKind"]?.GetValue<string>() ?? "all", errors.For($"{Guests}.externalTenants.membershipKind"))}
            {Lines($"{Guests}.externalTenants.members", "Selected organizations", Strings(tenants?["members"]), errors.For($"{Guests}.externalTenants.members"), "Tenant ids, one a line.")}
            </fieldset>
            </fieldset>
            <fieldset class="setting"><legend>Target resources</legend>
            {Lines($"{Applications}.includeApplications", "Include applications", Strings(applications["includeApplications"]), errors.For($"{Applications}.includeApplications"), "Application ids, one a line; or All, None, Office365.")}
            {Lines($"{Applications}.excludeApplications", "Exclude applications", Strings(applications["excludeApplications"]), errors.For($"{Applications}.excludeApplications"), "Application ids, one a line.")}
            </fieldset>
            <fieldset class="setting"><legend>Grant</legend>
            {ErrorFor("grantControls", errors.For("grantControls"))}
            {string.Concat(Controls.Select(c => Checkbox("grantControls.builtInControls", c.Label, controls.Contains(c.Name), c.Name)))}
            {ErrorFor("grantControls.builtInControls", errors.For("grantControls.builtInControls"))}
            {Radios("grantControls.operator", "For multiple controls", [("AND", "Require all the selected controls"), ("OR", "Require one of the selected controls")],
                grant?["operator"]?.GetValue<string>() ?? "OR", errors.For("grantControls.operator"))}
            </fieldset>
            """;
    }

    /// <summary>The policy the form describes: <paramref name="current"/> with every member the form holds replaced.</summary>
    public static JsonObject Read(IFormCollection form, JsonObject current)
    {
        var policy = (JsonObject)current.DeepClone();
        policy["displayName"] = form["displayName"].ToString().Trim();
        policy["state"] = form["state"].ToString();
        var conditions = policy["conditions"] as JsonObject ?? [];
        policy["conditions"] = conditions;
        var users = conditions["users"] as JsonObject ?? [];
        conditions["users"] = users;
        foreach (var (name, _, _) in UserLists) users[name] = Array(form, $"{Users}.{name}");
        var types = form[$"{Guests}.guestOrExternalUserTypes"].Where(t => t is { Length: > 0 }).ToList();
        var kind = form[$"{Guests}.externalTenants.membershipKind"].ToString();
        users["includeGuestsOrExternalUsers"] = types.Count == 0 ? null : new JsonObject
        {
            ["guestOrExternalUserTypes"] = string.Join(',', types),
            ["externalTenants"] = new JsonObject
            {
                ["@odata.type"] = kind == "enumerated" ? "#microsoft.graph.conditionalAccessEnumeratedExternalTenants" : "#microsoft.graph.conditionalAccessAllExternalTenants",
                ["membershipKind"] = kind,
                ["members"] = kind == "enumerated" ? Array(form, $"{Guests}.externalTenants.members") : new JsonArray(),
            },
        };
        var applications = conditions["applications"] as JsonObject ?? [];
        conditions["applications"] = applications;
        applications["includeApplications"] = Array(form, $"{Applications}.includeApplications");
        applications["excludeApplications"] = Array(form, $"{Applications}.excludeApplications");
        policy["grantControls"] = new JsonObject
        {
            ["operator"] = form["grantControls.operator"].ToString(),
            ["builtInControls"] = new JsonArray([.. form["grantControls.builtInControls"].Where(c => c is { Length: > 0 }).Select(c => (JsonNode)JsonValue.Create(c)!)]),
        };
        return policy;
    }

    private static JsonArray Array(IFormCollection form, string name) =>
        new([.. form[name].ToString().Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Select(v => (JsonNode)JsonValue.Create(v))]);

    private static string[] Strings(JsonNode? node) => node is JsonArray array ? [.. array.Select(v => v?.GetValue<string>() ?? "")] : [];
}

using System.Text.Json.Nodes;
using FakeEntra.Core.CrossTenantAccess;
using static FakeEntra.Server.AdminConsole.ConsoleHtml;
using static FakeEntra.Server.SignInPages.Html;

namespace FakeEntra.Server.AdminConsole;

/// <summary>
/// One cross-tenant access configuration (the default, or one partner's) as a form, grouped as Entra's portal groups it:
/// inbound access (B2B collaboration, B2B direct connect, trust settings), outbound access (B2B collaboration, B2B direct
/// connect) and tenant restrictions; each B2B setting has its users-and-groups half and its applications half. Field names
/// are the Graph JSON paths they fill. The form only maps fields to JSON; Graph's validation (the service's) judges the result.
/// </summary>
public static class CrossTenantSettingsForm
{
    private sealed record Setting(string Member, string Title, Half Users, Half Applications);

    /// <summary>A half's legend, its two choices ("all" and "select") and how to name targets.</summary>
    private sealed record Half(string Legend, string All, string Select, string Hint);

    private static readonly Half ExternalUsers = new("External users and groups", "All external users and groups", "Select external users and groups", PartnerUsers);
    private static readonly Half OwnApplications = new("Applications", "All applications", "Select applications", Apps);
    private static readonly Half OwnUsersHalf = new("Users and groups", "All users and groups", "Select users and groups", OwnUsers);
    private static readonly Half ExternalApplications = new("External applications", "All external applications", "Select external applications", Apps);

    private const string PartnerUsers = "One per line: group <object id> or user <object id>, of the partner's directory; or AllUsers.";
    private const string OwnUsers = "One per line: group <object id> or user <object id>, of this directory; or AllUsers.";
    private const string Apps = "One application id a line; or AllApplications, AllMicrosoftApps, Office365.";

    private static readonly (string Heading, Setting[] Settings, bool Trust)[] Groups =
    [
        ("Inbound access",
        [
            new("b2bCollaborationInbound", "B2B collaboration", ExternalUsers, OwnApplications),
            new("b2bDirectConnectInbound", "B2B direct connect", ExternalUsers, OwnApplications),
        ], true),
        ("Outbound access",
        [
            new("b2bCollaborationOutbound", "B2B collaboration", OwnUsersHalf, ExternalApplications),
            new("b2bDirectConnectOutbound", "B2B direct connect", OwnUsersHalf, ExternalApplications),
        ], false),
        ("Tenant restrictions",
        [
            new("tenantRestrictions", "Tenant restrictions", OwnUsersHalf, ExternalApplications),
        ], false),
    ];

    private static readonly (string Name, string Label)[] TrustSettings =
    [
        ("isMfaAccepted", "Trust multifactor authentication from Microsoft Entra tenants"),
        ("isCompliantDeviceAccepted", "Trust compliant devices"),
        ("isHybridAzureADJoinedDeviceAccepted", "Trust Microsoft Entra hybrid joined devices"),
    ];

    private const string Trust = "inboundTrust";
    private const string Mode = "mode";

    /// <summary>Every field name, for placing Graph's refusals.</summary>
    public static IEnumerable<string> Fields =>
        Groups.SelectMany(g => g.Settings).SelectMany(s => new[]
        {
            s.Member, $"{s.Member}.{Mode}", $"{s.Member}.usersAndGroups.accessType", $"{s.Member}.usersAndGroups.targets",
            $"{s.Member}.applications.accessType", $"{s.Member}.applications.targets",
        }).Concat([Trust, $"{Trust}.{Mode}"]).Concat(TrustSettings.Select(t => $"{Trust}.{t.Name}"));

    /// <summary>
    /// The form for <paramref name="configuration"/> (Graph JSON). A partner's member that is null inherits: it shows the
    /// default's values from <paramref name="inherited"/>, ready to be customized.
    /// </summary>
    public static string Render(JsonObject configuration, JsonObject? inherited, FieldErrors errors)
    {
        var html = new System.Text.StringBuilder();
        foreach (var (heading, settings, trust) in Groups)
        {
            html.Append($"<section class=\"settings-group\" aria-labelledby=\"{Id(heading)}\"><h2 id=\"{Id(heading)}\">{E(heading)}</h2>");
            foreach (var setting in settings) html.Append(RenderSetting(setting, configuration, inherited, errors));
            if (trust) html.Append(RenderTrust(configuration, inherited, errors));
            html.Append("</section>");
        }
        return html.ToString();
    }

    /// <summary>The configuration the form describes: <paramref name="current"/> with every member the form holds replaced.</summary>
    public static JsonObject Read(IFormCollection form, JsonObject current, bool partner)
    {
        var result = (JsonObject)current.DeepClone();
        foreach (var setting in Groups.SelectMany(g => g.Settings))
            result[setting.Member] = partner && form[$"{setting.Member}.{Mode}"] == "default" ? null : new JsonObject
            {
                ["usersAndGroups"] = ReadTargets(form, $"{setting.Member}.usersAndGroups", CrossTenantAccessTargets.AllUsers, CrossTenantAccessTargetTypes.User),
                ["applications"] = ReadTargets(form, $"{setting.Member}.applications", CrossTenantAccessTargets.AllApplications, CrossTenantAccessTargetTypes.Application),
            };
        result[Trust] = partner && form[$"{Trust}.{Mode}"] == "default"
            ? null
            : new JsonObject(TrustSettings.Select(t => KeyValuePair.Create(t.Name, (JsonNode?)JsonValue.Create(form[$"{Trust}.{t.Name}"] == "true"))));
        return result;
    }

    /// <summary>A PATCH body with only the members that differ, as a portal sends it.</summary>
    public static JsonObject Patch(JsonObject current, JsonObject after) =>
        new(after.Where(p => !JsonNode.DeepEquals(current[p.Key], p.Value)).Select(p => KeyValuePair.Create(p.Key, p.Value?.DeepClone())));

    private static string RenderSetting(Setting setting, JsonObject configuration, JsonObject? inherited, FieldErrors errors)
    {
        var own = configuration[setting.Member] as JsonObject;
        var shown = own ?? inherited?[setting.Member] as JsonObject;
        return $"""
            <fieldset class="setting"><legend>{E(setting.Title)}</legend>
            {ErrorFor(setting.Member, errors.For(setting.Member))}
            {(inherited is null ? "" : ModeChoice(setting.Member, own is not null, errors))}
            <div class="halves">
            {RenderHalf($"{setting.Member}.usersAndGroups", setting.Users, shown?["usersAndGroups"], CrossTenantAccessTargets.AllUsers, errors)}
            {RenderHalf($"{setting.Member}.applications", setting.Applications, shown?["applications"], CrossTenantAccessTargets.AllApplications, errors)}
            </div>
            </fieldset>
            """;
    }

    private static string RenderTrust(JsonObject configuration, JsonObject? inherited, FieldErrors errors)
    {
        var own = configuration[Trust] as JsonObject;
        var shown = own ?? inherited?[Trust] as JsonObject;
        return $"""
            <fieldset class="setting"><legend>Trust settings</legend>
            <p class="hint">What this organization's Conditional Access accepts from the other organization's sign-ins.</p>
            {ErrorFor(Trust, errors.For(Trust))}
            {(inherited is null ? "" : ModeChoice(Trust, own is not null, errors))}
            {string.Concat(TrustSettings.Select(t => Checkbox($"{Trust}.{t.Name}", t.Label, shown?[t.Name]?.GetValue<bool>() == true)))}
            </fieldset>
            """;
    }

    private static string ModeChoice(string member, bool customized, FieldErrors errors) =>
        Radios($"{member}.{Mode}", "Settings", [("default", "Default settings"), ("custom", "Customize settings")], customized ? "custom" : "default", errors.For($"{member}.{Mode}"));

    private static string RenderHalf(string path, Half half, JsonNode? node, string keyword, FieldErrors errors)
    {
        var accessType = node?["accessType"]?.GetValue<string>();
        var targets = node?["targets"] as JsonArray ?? [];
        var everyone = targets.Count == 1 && targets[0]?["target"]?.GetValue<string>() == keyword;
        var lines = everyone ? [] : targets.Select(t => Line(t, keyword == CrossTenantAccessTargets.AllApplications));
        return $"""
            <fieldset class="half"><legend>{E(half.Legend)}</legend>
            {Radios($"{path}.accessType", "Access status", [(CrossTenantAccessTypes.Allowed, "Allow access"), (CrossTenantAccessTypes.Blocked, "Block access")], accessType, errors.For($"{path}.accessType"))}
            {Radios($"{path}.appliesTo", "Applies to", [("all", half.All), ("selected", half.Select)], everyone ? "all" : "selected")}
            {Lines($"{path}.targets", $"Selected {half.Legend.ToLowerInvariant()}", lines, errors.For($"{path}.targets"), half.Hint)}
            </fieldset>
            """;
    }

    private static string Line(JsonNode? target, bool applications)
    {
        var value = target?["target"]?.GetValue<string>() ?? "";
        var type = target?["targetType"]?.GetValue<string>() ?? "";
        return applications && type == CrossTenantAccessTargetTypes.Application ? value : $"{type} {value}";
    }

    /// <summary>"All" is the keyword target; "selected" reads a line each: <c>group &lt;id&gt;</c>, <c>user &lt;id&gt;</c>, or a bare target of the half's own type.</summary>
    private static JsonObject ReadTargets(IFormCollection form, string path, string keyword, string defaultType)
    {
        var targets = form[$"{path}.appliesTo"] == "all"
            ? [new JsonObject { ["target"] = keyword, ["targetType"] = defaultType }]
            : form[$"{path}.targets"].ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(line =>
            {
                var parts = line.Split([' ', '\t', ':'], 2, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
                return parts.Length == 2
                    ? new JsonObject { ["target"] = parts[1], ["targetType"] = parts[0] }
                    : new JsonObject { ["target"] = parts[0], ["targetType"] = defaultType };
            }).ToList();
        return new JsonObject
        {
            ["accessType"] = form[$"{path}.accessType"].ToString(),
            ["targets"] = new JsonArray([.. targets]),
        };
    }
}

using System.Text.Json;
using System.Text.Json.Nodes;
using FakeEntra.Core.CrossTenantAccess;
using FakeEntra.Server.Graph;
using static FakeEntra.Server.AdminConsole.ConsoleHtml;
using static FakeEntra.Server.SignInPages.Html;

namespace FakeEntra.Server.AdminConsole;

/// <summary>
/// <c>/admin/crossTenantAccess</c>: the default and each partner organization's settings, listed as Entra's portal lists them,
/// each editable on its own page beside the Graph JSON it reads and the PATCH it sends. Every change goes through
/// <see cref="CrossTenantAccessSettings"/>, so it is validated and audited exactly as a Graph call is.
/// </summary>
public static class CrossTenantAccessPages
{
    public const string Base = ConsoleLayout.Root + "/crossTenantAccess";
    private const string GraphRoot = "/v1.0/policies/crossTenantAccessPolicy";
    private const string Saved = "Saved. The change is in the audit log, with its old and new values.";

    public static ConsoleView List(HttpContext http, GraphCaller caller, CrossTenantAccessSettings settings, DirectoryReads reads, FieldErrors? errors = null, string? typed = null)
    {
        var policy = settings.Policy(caller);
        var defaults = Table("Default settings: apply to every organization not listed below", ["", "Inbound access", "Outbound access"],
        [
            ["B2B collaboration", E(Summary(policy.Default.B2bCollaborationInbound)), E(Summary(policy.Default.B2bCollaborationOutbound))],
            ["B2B direct connect", E(Summary(policy.Default.B2bDirectConnectInbound)), E(Summary(policy.Default.B2bDirectConnectOutbound))],
            ["Tenant restrictions", "", E(Summary(policy.Default.TenantRestrictions))],
        ]);
        var partners = Table("Organizational settings", ["Organization", "Tenant id", "Inbound B2B direct connect", "Outbound B2B direct connect", "Inbound B2B collaboration", "Outbound B2B collaboration"],
            policy.Partners.Select(p => new[]
            {
                $"<a href=\"{Base}/partners/{p.TenantId:D}\">{E(reads.TenantById(caller, p.TenantId)?.DisplayName ?? p.TenantId.ToString("D"))}</a>",
                $"<code>{p.TenantId:D}</code>", E(Summary(p.B2bDirectConnectInbound)), E(Summary(p.B2bDirectConnectOutbound)),
                E(Summary(p.B2bCollaborationInbound)), E(Summary(p.B2bCollaborationOutbound)),
            }));
        errors ??= FieldErrors.None;
        var add = Form(http, $"{Base}/partners", $"""
            {FormError(errors.Form)}
            {ConsoleHtml.Text("tenantId", "Tenant id or domain name", typed, errors.For("tenantId"), "The organization's tenant id, or one of its verified domains (fabrikam.com).")}
            <div class="actions"><button type="submit">Add organization</button></div>
            """);
        var body = $"""
            <p>How this organization works with other Microsoft Entra organizations: who may come in (inbound), where its users may go
            (outbound), which outside accounts may be used on its devices and network (tenant restrictions), and which of the other
            organizations' claims its Conditional Access trusts. B2B direct connect needs both organizations to allow it.</p>
            {defaults}
            <p><a href="{Base}/default">Edit default settings</a></p>
            {partners}
            <h2>Add an organization</h2>
            {add}
            """;
        return new("Cross-tenant access settings", body, errors.Any ? StatusCodes.Status400BadRequest : StatusCodes.Status200OK);
    }

    public static ConsoleView Default(HttpContext http, GraphCaller caller, CrossTenantAccessSettings settings, string? notice)
    {
        var stored = Json(settings.Default(caller));
        return Editor(http, "Cross-tenant access settings: default", $"{Base}/default", $"{GraphRoot}/default", stored, stored, null, FieldErrors.None, notice, null,
            Form(http, $"{Base}/default/reset", "<div class=\"actions\"><button type=\"submit\" class=\"secondary\">Reset to the service default</button></div>"));
    }

    public static ConsoleView Partner(HttpContext http, GraphCaller caller, CrossTenantAccessSettings settings, DirectoryReads reads, string tenantId, string? notice)
    {
        var partner = Json(settings.Partner(caller, tenantId));
        return Editor(http, PartnerTitle(caller, reads, tenantId), $"{Base}/partners/{tenantId}", $"{GraphRoot}/partners/{tenantId}", partner, partner,
            Json(settings.Default(caller)), FieldErrors.None, notice, null,
            Form(http, $"{Base}/partners/{tenantId}/delete", "<div class=\"actions\"><button type=\"submit\" class=\"secondary\">Remove this organization</button></div>"));
    }

    public static Task<ConsoleAnswer> SaveDefaultAsync(HttpContext http, GraphCaller caller, CrossTenantAccessSettings settings, IFormCollection form)
    {
        var current = Json(settings.Default(caller));
        return Save(http, "Cross-tenant access settings: default", $"{Base}/default", $"{GraphRoot}/default", current, null, form,
            patch => settings.UpdateDefaultAsync(caller, patch));
    }

    public static Task<ConsoleAnswer> SavePartnerAsync(HttpContext http, GraphCaller caller, CrossTenantAccessSettings settings, DirectoryReads reads, string tenantId, IFormCollection form)
    {
        var current = Json(settings.Partner(caller, tenantId));
        return Save(http, PartnerTitle(caller, reads, tenantId), $"{Base}/partners/{tenantId}", $"{GraphRoot}/partners/{tenantId}", current, Json(settings.Default(caller)), form,
            patch => settings.UpdatePartnerAsync(caller, tenantId, patch));
    }

    public static async Task<ConsoleAnswer> ResetDefaultAsync(GraphCaller caller, CrossTenantAccessSettings settings)
    {
        await settings.ResetDefaultAsync(caller);
        return ConsoleAnswer.Redirect($"{Base}/default?saved=1");
    }

    /// <summary>Adds a partner by tenant id or domain: <c>POST …/partners {"tenantId": …}</c>; its settings start inherited from the default.</summary>
    public static async Task<ConsoleAnswer> AddPartnerAsync(HttpContext http, GraphCaller caller, CrossTenantAccessSettings settings, DirectoryReads reads, IFormCollection form)
    {
        var typed = form["tenantId"].ToString().Trim();
        try
        {
            var tenantId = Guid.TryParse(typed, out var id) ? id : typed.Length == 0
                ? throw GraphException.ValueRequired("tenantId", GraphResources.CrossTenantAccessPolicyConfigurationPartner.Name)
                : reads.TenantByDomain(caller, typed).TenantId;
            var partner = await settings.AddPartnerAsync(caller, new JsonObject { ["tenantId"] = tenantId.ToString("D") });
            return ConsoleAnswer.Redirect($"{Base}/partners/{partner.TenantId:D}?saved=1");
        }
        catch (GraphException e) when (e.Status is StatusCodes.Status400BadRequest or StatusCodes.Status404NotFound or StatusCodes.Status409Conflict)
        {
            var refusal = e.Status == StatusCodes.Status400BadRequest ? e : GraphException.BadRequest(e.Message, "tenantId");
            return List(http, caller, settings, reads, FieldErrors.From(refusal, ["tenantId"]), typed);
        }
    }

    public static async Task<ConsoleAnswer> DeletePartnerAsync(GraphCaller caller, CrossTenantAccessSettings settings, string tenantId)
    {
        await settings.DeletePartnerAsync(caller, tenantId);
        return ConsoleAnswer.Redirect(Base);
    }

    public static string? SavedNotice(HttpContext http) => http.Request.Query.ContainsKey("saved") ? Saved : null;

    /// <summary>Reads the form into the configuration it describes and sends only what changed; a refusal shows the form as posted, the error beside its field.</summary>
    private static async Task<ConsoleAnswer> Save(HttpContext http, string title, string action, string graphPath, JsonObject current, JsonObject? inherited, IFormCollection form,
        Func<JsonObject, Task> update)
    {
        var after = CrossTenantSettingsForm.Read(form, current, partner: inherited is not null);
        var patch = CrossTenantSettingsForm.Patch(current, after);
        if (patch.Count == 0) return Editor(http, title, action, graphPath, current, current, inherited, FieldErrors.None, "Nothing changed, so nothing was sent.", null, "");
        try
        {
            await update((JsonObject)patch.DeepClone());
        }
        catch (GraphException e) when (e.Status == StatusCodes.Status400BadRequest)
        {
            return Editor(http, title, action, graphPath, current, after, inherited, FieldErrors.From(e, CrossTenantSettingsForm.Fields), null, patch, "") with { Status = e.Status };
        }
        return ConsoleAnswer.Redirect($"{action}?saved=1");
    }

    /// <summary>The form (showing <paramref name="shown"/>: the stored configuration, or the one a refused post described) beside the stored Graph JSON.</summary>
    private static ConsoleView Editor(HttpContext http, string title, string action, string graphPath, JsonObject stored, JsonObject shown, JsonObject? inherited, FieldErrors errors,
        string? notice, JsonObject? refusedPatch, string extraForms)
    {
        var form = Form(http, action, $"""
            {FormError(errors.Form)}
            {CrossTenantSettingsForm.Render(shown, inherited, errors)}
            <div class="actions"><button type="submit">Save</button></div>
            """);
        var request = refusedPatch is null ? "" : ConsoleHtml.Json("Refused Graph request", $"PATCH {graphPath}", refusedPatch);
        var body = $"""
            <p><a href="{Base}">All cross-tenant access settings</a></p>
            {Notice(notice)}
            <div class="split"><div>{form}{extraForms}</div>
            <div>{request}{ConsoleHtml.Json(refusedPatch is null ? "Graph" : "Graph (unchanged)", $"GET {graphPath}", stored)}</div></div>
            """;
        return new(title, body);
    }

    private static string PartnerTitle(GraphCaller caller, DirectoryReads reads, string tenantId) =>
        $"Cross-tenant access settings: {(Guid.TryParse(tenantId, out var id) ? reads.TenantById(caller, id)?.DisplayName : null) ?? tenantId}";

    private static JsonObject Json<T>(T value) => JsonSerializer.SerializeToNode(value, GraphJson.Output)!.AsObject();

    private static string Summary(CrossTenantAccessPolicyB2BSetting? setting) =>
        setting is null ? "Inherited from the default"
            : $"{Describe(setting.UsersAndGroups, CrossTenantAccessTargets.AllUsers, "users")}; {Describe(setting.Applications, CrossTenantAccessTargets.AllApplications, "applications")}";

    private static string Describe(CrossTenantAccessPolicyTargetConfiguration configuration, string keyword, string noun) =>
        $"{(configuration.AccessType == CrossTenantAccessTypes.Allowed ? "allowed" : "blocked")} for " +
        (configuration.Targets.Any(t => t.Target == keyword) ? $"all {noun}" : $"{configuration.Targets.Count} selected");
}

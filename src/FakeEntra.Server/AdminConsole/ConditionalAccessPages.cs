using System.Text.Json;
using System.Text.Json.Nodes;
using FakeEntra.Core.ConditionalAccess;
using FakeEntra.Server.Graph;
using static FakeEntra.Server.AdminConsole.ConsoleHtml;
using static FakeEntra.Server.SignInPages.Html;

namespace FakeEntra.Server.AdminConsole;

/// <summary>
/// <c>/admin/conditionalAccess</c>: the tenant's Conditional Access policies (the subset FakeEntra evaluates), each viewed and
/// edited beside its Graph JSON, created and deleted — all through <see cref="ConditionalAccessPolicies"/>.
/// </summary>
public static class ConditionalAccessPages
{
    public const string Base = ConsoleLayout.Root + "/conditionalAccess";
    private const string GraphRoot = "/v1.0/identity/conditionalAccess/policies";

    public static ConsoleView List(GraphCaller caller, ConditionalAccessPolicies policies) =>
        new("Conditional Access policies", $"""
            <p>FakeEntra evaluates users (by id, group, role, or guests and external users by type and tenant), target applications and
            the grant controls block, MFA, compliant device and hybrid joined device. External users meet MFA and device controls only
            with claims this organization trusts (cross-tenant access trust settings).</p>
            {Table("Policies", ["Name", "State", "Grant"], policies.List(caller).Select(p => new[]
            {
                $"<a href=\"{Base}/{p.Id:D}\">{E(p.DisplayName)}</a>", E(p.State),
                E(p.GrantControls is { } g ? string.Join($" {g.Operator} ", g.BuiltInControls) : ""),
            }))}
            <p><a href="{Base}/new">New policy</a></p>
            """);

    public static ConsoleView Edit(HttpContext http, GraphCaller caller, ConditionalAccessPolicies policies, string id)
    {
        var stored = Json(policies.Get(caller, id));
        return Editor(http, stored["displayName"]?.GetValue<string>() ?? id, $"{Base}/{id}", $"PATCH {GraphRoot}/{id}", stored, stored, FieldErrors.None,
            http.Request.Query.ContainsKey("saved") ? "Saved. The change is in the audit log, with the policy before and after." : null, null,
            Form(http, $"{Base}/{id}/delete", "<div class=\"actions\"><button type=\"submit\" class=\"secondary\">Delete this policy</button></div>"));
    }

    /// <summary>The empty form, for those who may read the policies (saving asks for the right to change them).</summary>
    public static ConsoleView New(HttpContext http, GraphCaller caller, ConditionalAccessPolicies policies)
    {
        policies.List(caller);
        return Editor(http, "New Conditional Access policy", $"{Base}/new", $"POST {GraphRoot}", null, ConditionalAccessForm.Template, FieldErrors.None, null, null, "");
    }

    public static async Task<ConsoleAnswer> SaveAsync(HttpContext http, GraphCaller caller, ConditionalAccessPolicies policies, string id, IFormCollection form)
    {
        var stored = Json(policies.Get(caller, id));
        var writable = ConditionalAccessForm.Writable(stored);
        var after = ConditionalAccessForm.Read(form, writable);
        var patch = new JsonObject(after.Where(p => !JsonNode.DeepEquals(writable[p.Key], p.Value)).Select(p => KeyValuePair.Create(p.Key, p.Value?.DeepClone())));
        var title = stored["displayName"]?.GetValue<string>() ?? id;
        if (patch.Count == 0) return Editor(http, title, $"{Base}/{id}", $"PATCH {GraphRoot}/{id}", stored, stored, FieldErrors.None, "Nothing changed, so nothing was sent.", null, "");
        try
        {
            await policies.UpdateAsync(caller, id, (JsonObject)patch.DeepClone());
        }
        catch (GraphException e) when (e.Status == StatusCodes.Status400BadRequest)
        {
            return Editor(http, title, $"{Base}/{id}", $"PATCH {GraphRoot}/{id}", stored, after, FieldErrors.From(e, ConditionalAccessForm.Fields), null, patch, "") with { Status = e.Status };
        }
        return ConsoleAnswer.Redirect($"{Base}/{id}?saved=1");
    }

    public static async Task<ConsoleAnswer> CreateAsync(HttpContext http, GraphCaller caller, ConditionalAccessPolicies policies, IFormCollection form)
    {
        var body = ConditionalAccessForm.Read(form, ConditionalAccessForm.Template);
        try
        {
            var policy = await policies.CreateAsync(caller, (JsonObject)body.DeepClone());
            return ConsoleAnswer.Redirect($"{Base}/{policy.Id:D}?saved=1");
        }
        catch (GraphException e) when (e.Status == StatusCodes.Status400BadRequest)
        {
            return Editor(http, "New Conditional Access policy", $"{Base}/new", $"POST {GraphRoot}", null, body, FieldErrors.From(e, ConditionalAccessForm.Fields), null, body, "")
                with
            { Status = e.Status };
        }
    }

    public static async Task<ConsoleAnswer> DeleteAsync(GraphCaller caller, ConditionalAccessPolicies policies, string id)
    {
        await policies.DeleteAsync(caller, id);
        return ConsoleAnswer.Redirect(Base);
    }

    /// <summary>The form (showing <paramref name="shown"/>) beside the stored policy's Graph JSON, and the refused request if there was one.</summary>
    private static ConsoleView Editor(HttpContext http, string title, string action, string call, JsonObject? stored, JsonObject shown, FieldErrors errors, string? notice,
        JsonObject? refused, string extraForms)
    {
        var form = Form(http, action, $"""
            {FormError(errors.Form)}
            {ConditionalAccessForm.Render(shown, errors)}
            <div class="actions"><button type="submit">Save</button></div>
            """);
        var side = (refused is null ? "" : ConsoleHtml.Json("Refused Graph request", call, refused))
                   + (stored is null ? "" : ConsoleHtml.Json(refused is null ? "Graph" : "Graph (unchanged)", $"GET {GraphRoot}/{stored["id"]}", stored));
        return new(title, $"""
            <p><a href="{Base}">All Conditional Access policies</a></p>
            {Notice(notice)}
            <div class="split"><div>{form}{extraForms}</div><div>{side}</div></div>
            """);
    }

    private static JsonObject Json(ConditionalAccessPolicy policy) => JsonSerializer.SerializeToNode(policy, GraphJson.Output)!.AsObject();
}

using System.Text.Json;
using System.Text.Json.Nodes;
using FakeEntra.Server.Graph;
using static FakeEntra.Server.AdminConsole.ConsoleHtml;
using static FakeEntra.Server.SignInPages.Html;

namespace FakeEntra.Server.AdminConsole;

/// <summary>
/// <c>/admin/whatIf</c>: "could bob@fabrikam.com use the Shared Channels API with MFA done on FAB-LAPTOP-01?" — the decision a
/// sign-in to this tenant would get, with its trace, from <see cref="WhatIf"/> (the code behind <c>POST /fakeentra/whatIf</c>);
/// nobody is signed in and nothing is logged.
/// </summary>
public static class WhatIfPage
{
    public const string Path = ConsoleLayout.Root + "/whatIf";

    private static readonly string[] Fields = ["userPrincipalName", "resourceAppId", "clientAppId", "mfaDone", "deviceId", "tenantRestrictionsPolicy", "interactive"];

    public static ConsoleView Render(HttpContext http, GraphCaller caller)
    {
        caller.Require(WhatIf.Permission);
        return View(http, caller, new JsonObject { ["interactive"] = true }, null, null, FieldErrors.None);
    }

    public static ConsoleView Ask(HttpContext http, GraphCaller caller, WhatIf whatIf, IFormCollection form)
    {
        var body = new JsonObject
        {
            ["userPrincipalName"] = form["userPrincipalName"].ToString().Trim(),
            ["resourceAppId"] = form["resourceAppId"].ToString(),
            ["mfaDone"] = form["mfaDone"] == "true",
            ["interactive"] = form["interactive"] == "true",
        };
        foreach (var optional in new[] { "clientAppId", "deviceId", "tenantRestrictionsPolicy" })
            if (form[optional].ToString().Trim() is { Length: > 0 } value) body[optional] = value;
        try
        {
            var result = whatIf.Decide(caller, (JsonObject)body.DeepClone());
            return View(http, caller, body, result, JsonSerializer.SerializeToNode(result, GraphJson.Output), FieldErrors.None);
        }
        catch (GraphException e) when (e.Status == StatusCodes.Status400BadRequest)
        {
            return View(http, caller, body, null, null, FieldErrors.From(e, Fields)) with { Status = e.Status };
        }
    }

    private static ConsoleView View(HttpContext http, GraphCaller caller, JsonObject asked, WhatIfResult? result, JsonNode? resultJson, FieldErrors errors)
    {
        var apps = caller.Tenant.ServicePrincipals.Select(sp => (sp.AppId.ToString("D"), sp.DisplayName ?? sp.AppId.ToString("D"))).ToList();
        var text = (string name) => asked[name]?.GetValue<string>();
        var form = Form(http, Path, $"""
            {FormError(errors.Form)}
            {ConsoleHtml.Text("userPrincipalName", "User", text("userPrincipalName"), errors.For("userPrincipalName"), "A member of any organization of this world, e.g. bob@fabrikam.com.")}
            {Select("resourceAppId", "Application signed in to", apps, text("resourceAppId"), errors.For("resourceAppId"))}
            {Select("clientAppId", "Client application", [("", "The application itself"), .. apps], text("clientAppId"), errors.For("clientAppId"))}
            <fieldset class="setting"><legend>What the sign-in proves</legend>
            {Checkbox("mfaDone", "Multifactor authentication done", asked["mfaDone"]?.GetValue<bool>() == true)}
            {ConsoleHtml.Text("deviceId", "Device id", text("deviceId"), errors.For("deviceId"), "The deviceId of a device registered in the user's home organization (FAB-LAPTOP-01: ac900416-06e0-4805-8c85-ad88f36a98e4).")}
            {ConsoleHtml.Text("tenantRestrictionsPolicy", "Tenant restrictions header", text("tenantRestrictionsPolicy"), errors.For("tenantRestrictionsPolicy"), "{tenantId}:{policyId}, as a device or network adds it.")}
            {Checkbox("interactive", "Interactive (sign-in pages, which can ask for MFA or a device)", asked["interactive"]?.GetValue<bool>() == true)}
            </fieldset>
            <div class="actions"><button type="submit">Evaluate</button></div>
            """);
        var outcome = result is null ? "" : $"""
            <section class="verdict" aria-labelledby="outcome"><h2 id="outcome">{(result.Allowed ? "<span class=\"good\">Allowed</span>" : result.Error is { } error
                ? $"<span class=\"bad\">Refused: {E(error.Code)}</span>" : $"<span class=\"bad\">Not yet: {E(result.Challenge)}</span>")}</h2>
            {(result.Error is { } refusal ? $"<p>{E(refusal.Message)}</p>" : "")}
            <p>Cross-tenant access type {E(result.CrossTenantAccessType)} · user type {E(result.UserType)} · Conditional Access {E(result.ConditionalAccessStatus)}</p>
            <h3>Decision trace</h3>
            <ol class="trace">{string.Concat(result.Trace.Select(t => $"<li>{E(t)}</li>"))}</ol>
            </section>
            """;
        var side = ConsoleHtml.Json("Graph request", "POST /fakeentra/whatIf", asked) + (resultJson is null ? "" : ConsoleHtml.Json("Graph answer", "200 OK", resultJson));
        return new("What if", $"""
            <p>The decision a sign-in to {E(caller.Tenant.Organization.DisplayName)} would get now, with every rule consulted. Nobody is signed in and nothing is logged.</p>
            <div class="split"><div>{form}{outcome}</div><div>{side}</div></div>
            """);
    }
}

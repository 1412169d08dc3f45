using System.Text.Json;
using FakeEntra.Core.Scenarios;
using FakeEntra.Core.Tokens;
using FakeEntra.Server.Hosting;
using FakeEntra.Server.SignInLogs;
using FakeEntra.Server.Token;
using FakeEntra.Server.World;
using static FakeEntra.Server.SignInPages.Html;

namespace FakeEntra.Server.Inspector;

/// <summary>
/// <c>/inspect</c>: a token inspector. The page decodes tokens in the browser (script <c>/inspect/inspector.js</c>, no inline
/// script); only a token whose <c>iss</c> is this FakeEntra is sent to <c>/inspect/verify</c>. As a redirect URI it takes
/// tokens in the fragment (<c>response_mode=fragment</c>) or posted (<c>form_post</c>).
/// </summary>
public static class InspectorEndpoints
{
    private const string ScriptResource = "FakeEntra.Server.inspector.js";
    private static readonly string[] PostedFields = ["id_token", "access_token", "code", "state", "error", "error_description"];

    // Tokens are shown on this page: scripts only from this origin, requests only to it, nothing framed or sent elsewhere.
    private const string ContentSecurityPolicy =
        "default-src 'none'; script-src 'self'; connect-src 'self'; style-src 'unsafe-inline'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

    public static IEndpointRouteBuilder MapInspector(this IEndpointRouteBuilder app)
    {
        app.MapGet("/inspect", (HttpContext http, PublicOrigin origin) => Page(http, origin.Value, null));
        app.MapPost("/inspect", async (HttpContext http, PublicOrigin origin) =>
        {
            var form = await Parameters.ReadFormAsync(http.Request);
            var posted = PostedFields.Where(f => form.ContainsKey(f)).ToDictionary(f => f, f => form[f].ToString());
            return Page(http, origin.Value, posted);
        });
        app.MapPost("/inspect/verify", async (HttpContext http, IssuedTokenReader reader, AioCodec aio, SignInLogStore store, SignInLogWriter writer,
            DirectoryState directory, PublicOrigin origin, TimeProvider clock) =>
        {
            var form = await Parameters.ReadFormAsync(http.Request);
            var issuance = new Issuance(directory.Current, origin.Value, clock.GetUtcNow());
            var verdict = await TokenVerdict.JudgeAsync(form["token"].ToString(), issuance, reader, aio, store, writer);
            return Results.Json(verdict, DirectoryJson.Options);
        });
        var script = ReadScript();
        app.MapGet("/inspect/inspector.js", () => Results.Text(script, "text/javascript; charset=utf-8"));
        return app;
    }

    private static IResult Page(HttpContext http, string origin, Dictionary<string, string>? posted)
    {
        http.Response.Headers.ContentSecurityPolicy = ContentSecurityPolicy;
        http.Response.Headers["Referrer-Policy"] = "no-referrer";
        http.Response.Headers.CacheControl = "no-store";
        // A JSON data block is not executed, so the policy allows it; the encoder escapes '<', so no value can end the element.
        var data = JsonSerializer.Serialize(new { origin, header = ClaimMeanings.Header, claims = ClaimMeanings.Claims, posted });
        var html = $$"""
            <!doctype html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>Token inspector · FakeEntra</title>
            <style>
              body { font-family: "Segoe UI", system-ui, sans-serif; margin: 0; color: #1b1b1b; background: #f2f2f2; }
              main { max-width: 1100px; margin: 24px auto; background: #fff; padding: 24px 32px; box-shadow: 0 2px 6px rgba(0,0,0,.2); }
              textarea { width: 100%; box-sizing: border-box; font-family: monospace; font-size: .85rem; }
              button { font-size: 1rem; padding: 6px 24px; border: none; background: #0067b8; color: #fff; cursor: pointer; margin-top: 8px; }
              table { border-collapse: collapse; width: 100%; font-size: .85rem; margin-bottom: 16px; }
              th, td { text-align: left; border-bottom: 1px solid #ddd; padding: 4px 6px; vertical-align: top; }
              td.value { font-family: monospace; word-break: break-all; }
              .verdict { padding: 8px 12px; margin: 8px 0; background: #f6f6f6; border-left: 4px solid #0067b8; }
              .verdict .bad { color: #a80000; font-weight: 600; }
              .verdict .good { color: #107c10; font-weight: 600; }
              .error { color: #a80000; }
              ol.trace { font-family: monospace; font-size: .8rem; }
            </style>
            <script type="application/json" id="inspector-data">{{data}}</script>
            <script src="/inspect/inspector.js" defer></script>
            </head>
            <body>
            <main>
            <h1>Token inspector</h1>
            <p>Paste a token to see its header and claims, each with what it means. Tokens issued elsewhere are decoded in this page only
            and never sent anywhere; a token whose issuer is this FakeEntra (<code>{{E(origin)}}</code>) is checked by it: signature,
            lifetime, tenants, and the decision trace of the sign-in that produced it. Register <code>{{E(origin)}}/inspect</code> as an
            app's redirect URI to inspect the tokens of a sign-in (<code>response_mode=fragment</code> or <code>form_post</code>).</p>
            <label for="token">Token</label>
            <textarea id="token" rows="6" spellcheck="false"></textarea>
            <button id="inspect" type="button">Inspect</button>
            <div id="result" aria-live="polite"></div>
            </main>
            </body>
            </html>
            """;
        return Results.Content(html, "text/html; charset=utf-8");
    }

    private static string ReadScript()
    {
        using var stream = typeof(InspectorEndpoints).Assembly.GetManifestResourceStream(ScriptResource)
                           ?? throw new InvalidOperationException($"The embedded resource {ScriptResource} is missing.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}

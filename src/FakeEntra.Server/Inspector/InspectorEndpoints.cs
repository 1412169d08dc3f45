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
    private static readonly string[] PostedFields = ["id_token", "access_token", "code", "state", "error", "error_description"];

    public static IEndpointRouteBuilder MapInspector(this IEndpointRouteBuilder app)
    {
        app.MapGet("/inspect", (PublicOrigin origin) => Page(origin.Value, null));
        app.MapPost("/inspect", async (HttpContext http, PublicOrigin origin) =>
        {
            var form = await Parameters.ReadFormAsync(http.Request);
            var posted = PostedFields.Where(f => form.ContainsKey(f)).ToDictionary(f => f, f => form[f].ToString());
            return Page(origin.Value, posted);
        });
        app.MapPost("/inspect/verify", async (HttpContext http, IssuedTokenReader reader, AioCodec aio, SignInLogStore store, SignInLogWriter writer,
            DirectoryState directory, PublicOrigin origin, TimeProvider clock) =>
        {
            var form = await Parameters.ReadFormAsync(http.Request);
            var issuance = new Issuance(directory.Current, origin.Value, clock.GetUtcNow());
            var verdict = await TokenVerdict.JudgeAsync(form["token"].ToString(), issuance, reader, aio, store, writer);
            return Results.Json(verdict, DirectoryJson.Options);
        });
        app.MapEmbeddedAsset("/inspect/inspector.js", "FakeEntra.Server.inspector.js", "text/javascript; charset=utf-8");
        return app;
    }

    // Tokens are shown on this page: SecurityHeaders' policy lets scripts come and requests go only to this origin.
    private static IResult Page(string origin, Dictionary<string, string>? posted)
    {
        // A JSON data block is not executed, so the policy allows it; the encoder escapes '<', so no value can end the element.
        var data = JsonSerializer.Serialize(new { origin, header = ClaimMeanings.Header, claims = ClaimMeanings.Claims, posted });
        var html = $$"""
            <!doctype html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>Token inspector · FakeEntra</title>
            <link rel="stylesheet" href="{{StylesheetPath}}">
            <script type="application/json" id="inspector-data">{{data}}</script>
            <script src="/inspect/inspector.js" defer></script>
            </head>
            <body>
            <main class="wide inspector">
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
}

using FakeEntra.Server.Graph;
using static FakeEntra.Server.SignInPages.Html;

namespace FakeEntra.Server.AdminConsole;

/// <summary>What a console page shows: its title (the <c>h1</c>), its markup, and the status it answers with.</summary>
public sealed record ConsoleView(string Title, string Body, int Status = StatusCodes.Status200OK);

/// <summary>
/// The console's frame: the tenant and the signed-in administrator, sign-out, the navigation (Entra's admin center's
/// sections) and the page. Server-rendered, no script, styles from FakeEntra's stylesheet only.
/// </summary>
public static class ConsoleLayout
{
    public const string Root = "/admin";

    private static readonly (string Path, string Name)[] Sections =
    [
        (Root, "Overview"),
        ($"{Root}/users", "Users"),
        ($"{Root}/groups", "Groups"),
        ($"{Root}/applications", "Applications"),
        ($"{Root}/devices", "Devices"),
        ($"{Root}/crossTenantAccess", "Cross-tenant access"),
        ($"{Root}/conditionalAccess", "Conditional Access"),
        ($"{Root}/signIns", "Sign-in logs"),
        ($"{Root}/audit", "Audit logs"),
        ($"{Root}/whatIf", "What if"),
    ];

    public static IResult Page(HttpContext http, GraphCaller caller, ConsoleView view)
    {
        var current = Sections.Where(s => http.Request.Path.StartsWithSegments(s.Path)).MaxBy(s => s.Path.Length).Path;
        var nav = string.Concat(Sections.Select(s =>
            $"<li><a href=\"{s.Path}\"{(s.Path == current ? " aria-current=\"page\"" : "")}>{E(s.Name)}</a></li>"));
        var who = caller.Initiator.User is { } user ? user.UserPrincipalName ?? user.Id : caller.Initiator.App?.DisplayName;
        var signOut = Form(http, $"{Root}/signout", "<button type=\"submit\" class=\"secondary\">Sign out</button>");
        var html = $$"""
            <!doctype html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>{{E(view.Title)}} · {{E(caller.Tenant.Organization.DisplayName)}} · FakeEntra admin console</title>
            <link rel="stylesheet" href="{{StylesheetPath}}">
            </head>
            <body class="console">
            <header class="console-header">
            <p><strong>FakeEntra admin console</strong> · <span class="tenant">{{E(caller.Tenant.Organization.DisplayName)}}</span></p>
            <p class="who">Signed in as <span id="signed-in-as">{{E(who)}}</span></p>
            {{signOut}}
            </header>
            <div class="console-frame">
            <nav aria-label="Admin console"><ul>{{nav}}</ul></nav>
            <main>
            <h1>{{E(view.Title)}}</h1>
            {{view.Body}}
            </main>
            </div>
            <footer>FakeEntra — a local emulator of Microsoft Entra ID. Not a Microsoft service.</footer>
            </body>
            </html>
            """;
        return Results.Content(html, "text/html; charset=utf-8", statusCode: view.Status);
    }

    /// <summary>A refusal the console cannot put in its frame (no one is signed in): FakeEntra's plain page.</summary>
    public static IResult SignedOutPage(string title, string message, int status) =>
        Plain(title, $"<p id=\"console-error\" role=\"alert\">{E(message)}</p>", status);

    /// <summary>An error of FakeEntra's catalog (a forged post: 90100) on the plain page, with its code.</summary>
    public static IResult SignedOutPage(string title, Core.Errors.AadError error) =>
        Plain(title, $"<p id=\"error-code\" role=\"alert\" data-error-code=\"{error.Code}\">{E(error.ToString())}</p>", error.HttpStatus);

    private static IResult Plain(string title, string message, int status) =>
        Results.Content(SignInPages.Html.Page($"{title} · FakeEntra admin console", null, $"<h1>{E(title)}</h1>{message}<p><a href=\"{Root}\">Open the admin console</a></p>"),
            "text/html; charset=utf-8", statusCode: status);

    /// <summary>What a Graph refusal looks like in the frame: the page's own error, with what it means for this administrator.</summary>
    public static ConsoleView Refusal(GraphException e) => e.Status switch
    {
        StatusCodes.Status403Forbidden => new("Access denied",
            $"<p id=\"console-error\" role=\"alert\">Your directory role does not allow this. The admin console can do what your role allows in Microsoft Graph, no more: {E(e.Message)}</p>",
            e.Status),
        StatusCodes.Status404NotFound => new("Not found", $"<p id=\"console-error\" role=\"alert\">{E(e.Message)}</p>", e.Status),
        _ => new("Request refused", $"<p id=\"console-error\" role=\"alert\">{E(e.Code)}: {E(e.Message)}</p>", e.Status),
    };
}

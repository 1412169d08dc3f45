using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Antiforgery;

namespace FakeEntra.Server.SignInPages;

/// <summary>The pages' markup: a small Entra-like layout, accessible and usable without JavaScript.</summary>
public static class Html
{
    public const string StylesheetPath = "/static/fakeentra.css";
    public const string FormPostScriptPath = "/static/form-post.js";

    public static string E(string? value) => HtmlEncoder.Default.Encode(value ?? "");

    /// <summary>A page. <paramref name="brand"/> names the organization whose sign-in this is; <paramref name="wide"/> is for tables.</summary>
    public static string Page(string title, string? brand, string body, bool wide = false) => $$"""
        <!doctype html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>{{E(title)}}</title>
        <link rel="stylesheet" href="{{StylesheetPath}}">
        </head>
        <body>
        <main{{(wide ? " class=\"wide\"" : "")}}>
        {{(brand is null ? "" : $"<div class=\"brand\">{brand}</div>")}}
        {{body}}
        </main>
        <footer>FakeEntra — a local emulator of Microsoft Entra ID. Not a Microsoft service.</footer>
        </body>
        </html>
        """;

    /// <summary>
    /// A form that posts back to FakeEntra, with this browser's anti-forgery token (its endpoint checks it with
    /// <see cref="FakeEntra.Server.Hosting.FormProtection"/>). Browsers' own validation is off: the server's messages are the ones shown.
    /// </summary>
    public static string Form(HttpContext http, string action, string fields)
    {
        var tokens = http.RequestServices.GetRequiredService<IAntiforgery>().GetAndStoreTokens(http);
        return $"""
            <form method="post" action="{E(action)}" novalidate>
            {Hidden(tokens.FormFieldName, tokens.RequestToken)}
            {fields}
            </form>
            """;
    }

    /// <summary>The message of a refused post, announced to screen readers as it appears.</summary>
    public static string Error(string? message) =>
        message is null ? "" : $"<p class=\"error\" id=\"error\" role=\"alert\">{E(message)}</p>";

    /// <summary>Attributes of the field a refused post was about: marked invalid and described by the message.</summary>
    public static string Invalid(string? message) => message is null ? "" : " aria-invalid=\"true\" aria-describedby=\"error\"";

    public static string Hidden(string name, string? value) => $"<input type=\"hidden\" name=\"{E(name)}\" value=\"{E(value)}\">";
}

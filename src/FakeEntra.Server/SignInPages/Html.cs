using System.Text.Encodings.Web;

namespace FakeEntra.Server.SignInPages;

/// <summary>The pages' markup: a small Entra-like layout, accessible and usable without JavaScript.</summary>
public static class Html
{
    public static string E(string? value) => HtmlEncoder.Default.Encode(value ?? "");

    /// <summary>A page. <paramref name="brand"/> names the organization whose sign-in this is.</summary>
    public static string Page(string title, string? brand, string body) => $$"""
        <!doctype html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>{{E(title)}}</title>
        <style>
          body { font-family: "Segoe UI", system-ui, sans-serif; background: #f2f2f2; margin: 0; color: #1b1b1b; }
          main { max-width: 440px; margin: 8vh auto; background: #fff; padding: 44px; box-shadow: 0 2px 6px rgba(0,0,0,.2); }
          .brand { font-weight: 600; color: #5e5e5e; margin-bottom: 16px; }
          .brand small { display: block; font-weight: 400; }
          h1 { font-size: 1.5rem; font-weight: 600; margin: 0 0 16px; }
          label { display: block; margin: 12px 0 4px; }
          input[type=email], input[type=password], input[type=text] { width: 100%; box-sizing: border-box; padding: 8px 4px; font-size: 1rem;
            border: none; border-bottom: 1px solid #666; }
          input:focus, button:focus { outline: 2px solid #0067b8; outline-offset: 2px; }
          .actions { display: flex; gap: 8px; justify-content: flex-end; margin-top: 24px; }
          button { font-size: 1rem; padding: 6px 24px; border: none; background: #0067b8; color: #fff; cursor: pointer; }
          button.secondary { background: #ccc; color: #1b1b1b; }
          .error { color: #e81123; margin: 8px 0; }
          .identity { margin-bottom: 8px; }
          .accounts button { display: block; width: 100%; text-align: left; background: #fff; color: #1b1b1b; border-bottom: 1px solid #ddd; padding: 12px 4px; }
          .details { font-size: .8rem; color: #5e5e5e; word-break: break-all; }
          table { border-collapse: collapse; width: 100%; font-size: .85rem; margin-bottom: 16px; }
          th, td { text-align: left; border-bottom: 1px solid #ddd; padding: 4px 6px; vertical-align: top; }
          pre { background: #f6f6f6; padding: 8px; overflow-x: auto; font-size: .8rem; }
          footer { text-align: center; font-size: .75rem; color: #5e5e5e; }
        </style>
        </head>
        <body>
        <main>
        {{(brand is null ? "" : $"<div class=\"brand\">{brand}</div>")}}
        {{body}}
        </main>
        <footer>FakeEntra — a local emulator of Microsoft Entra ID. Not a Microsoft service.</footer>
        </body>
        </html>
        """;

    public static string Error(string? message) =>
        message is null ? "" : $"<p class=\"error\" id=\"error\" role=\"alert\">{E(message)}</p>";

    public static string Hidden(string name, string? value) => $"<input type=\"hidden\" name=\"{E(name)}\" value=\"{E(value)}\">";
}

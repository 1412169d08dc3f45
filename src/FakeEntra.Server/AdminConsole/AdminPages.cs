using FakeEntra.Core.Errors;
using FakeEntra.Server.Graph;
using FakeEntra.Server.Hosting;

namespace FakeEntra.Server.AdminConsole;

/// <summary>
/// Runs a console page as the signed-in administrator: the session's Graph token makes the caller exactly as a bearer header
/// would (so a page can do what the administrator's role allows in Graph, in their tenant only), and a Graph refusal becomes
/// the page's answer. Without a current session the browser is sent to sign in and brought back. Posts must carry this
/// browser's anti-forgery token.
/// </summary>
public sealed class AdminPages(GraphContext g, ConsoleCookies cookies, ConsoleSignIn signIn)
{
    public Task<IResult> ShowAsync(HttpContext http, Func<GraphCaller, ConsoleView> page) =>
        ShowAsync(http, caller => Task.FromResult(page(caller)));

    public async Task<IResult> ShowAsync(HttpContext http, Func<GraphCaller, Task<ConsoleView>> page)
    {
        if (Caller(http) is not { } caller) return signIn.Challenge(http, http.Request.Path + http.Request.QueryString);
        return ConsoleLayout.Page(http, caller, await Run(() => page(caller)));
    }

    /// <summary>A form post: <paramref name="handle"/> answers with a view (shown at once, e.g. with errors) or a redirect.</summary>
    public async Task<IResult> PostAsync(HttpContext http, Func<GraphCaller, IFormCollection, Task<ConsoleAnswer>> handle)
    {
        var (form, forged) = await ReadFormAsync(http);
        if (forged is not null) return forged;
        // A session that ended meanwhile: sign in again and start from the overview (a post is not repeated).
        if (Caller(http) is not { } caller) return signIn.Challenge(http, ConsoleLayout.Root);
        ConsoleAnswer answer;
        try
        {
            answer = await handle(caller, form!);
        }
        catch (GraphException e)
        {
            answer = ConsoleLayout.Refusal(e);
        }
        return answer.RedirectTo is { } location ? Results.Redirect(location) : ConsoleLayout.Page(http, caller, answer.View!);
    }

    /// <summary>The post's form when it carries this browser's anti-forgery token; otherwise the 400 page (90100) to answer with.</summary>
    public static async Task<(IFormCollection? Form, IResult? Refusal)> ReadFormAsync(HttpContext http)
    {
        try
        {
            return (await FormProtection.ReadFormAsync(http), null);
        }
        catch (AadException e)
        {
            return (null, ConsoleLayout.SignedOutPage("Request refused", e.Error));
        }
    }

    private GraphCaller? Caller(HttpContext http)
    {
        if (cookies.AccessToken(http) is not { } token) return null;
        try
        {
            return g.Caller(http, token);
        }
        catch (GraphException e) when (e.Status == StatusCodes.Status401Unauthorized)
        {
            cookies.ClearSession(http);
            return null;
        }
    }

    private static async Task<ConsoleView> Run(Func<Task<ConsoleView>> page)
    {
        try
        {
            return await page();
        }
        catch (GraphException e)
        {
            return ConsoleLayout.Refusal(e);
        }
    }
}

/// <summary>What a console post answers: a page to show, or where to go next (after a change: the page that shows it).</summary>
public sealed record ConsoleAnswer(ConsoleView? View, string? RedirectTo)
{
    public static implicit operator ConsoleAnswer(ConsoleView view) => new(view, null);

    public static ConsoleAnswer Redirect(string location) => new(null, location);
}

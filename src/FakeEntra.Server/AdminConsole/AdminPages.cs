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
        IFormCollection form;
        try
        {
            form = await FormProtection.ReadFormAsync(http);
        }
        catch (AadException e)
        {
            return ConsoleLayout.SignedOutPage("Request refused", e.Error);
        }
        // A session that ended meanwhile: sign in again and come back to the page, not to a post.
        if (Caller(http) is not { } caller) return signIn.Challenge(http, http.Request.Path);
        ConsoleAnswer answer;
        try
        {
            answer = await handle(caller, form);
        }
        catch (GraphException e)
        {
            answer = ConsoleLayout.Refusal(e);
        }
        return answer.RedirectTo is { } location ? Results.Redirect(location) : ConsoleLayout.Page(http, caller, answer.View!);
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

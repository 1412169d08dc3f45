using FakeEntra.Server.World;

namespace FakeEntra.Server.SignInPages;

/// <summary>Runs a sign-in: shows the first step still needed, takes its post, and completes when no step is left.</summary>
public sealed class SignInFlow(
    IEnumerable<ISignInStep> steps, SignInStateProtector protector, SignInCompletion completion, SessionCookie cookie, DirectoryState directory, TimeProvider clock)
{
    public const string LoginPath = "login";

    /// <summary>The next page; with <paramref name="silent"/> (<c>prompt=none</c>) a needed page is an interaction_required error instead.</summary>
    public Task<IResult> Continue(HttpContext http, SignInState state, bool silent = false)
    {
        var context = Context(http, state);
        var step = steps.FirstOrDefault(s => s.IsNeeded(context));
        if (step is null) return completion.CompleteAsync(context);
        if (silent) return Task.FromResult(completion.InteractionRequired(context));
        return Task.FromResult(Render(context, step));
    }

    public async Task<IResult> Post(HttpContext http, SignInState state, string? stepName, IFormCollection form)
    {
        var context = Context(http, state);
        var step = steps.FirstOrDefault(s => s.IsNeeded(context));
        if (step is null) return await completion.CompleteAsync(context);
        // A post for another page (a resubmitted form, the browser's back button) shows the page that is due.
        if (step.Name != stepName) return Render(context, step);
        try
        {
            return await Continue(http, step.Handle(context, form));
        }
        catch (StepError e)
        {
            return Render(context with { Error = e.Message, Posted = form }, step);
        }
    }

    private SignInContext Context(HttpContext http, SignInState state) => new()
    {
        Http = http,
        State = state,
        Directory = directory.Current,
        Session = cookie.Read(http),
        Now = clock.GetUtcNow(),
    };

    private IResult Render(SignInContext context, ISignInStep step)
    {
        var (title, fields) = step.Render(context);
        var body = Html.Form(context.Http, $"/{context.State.Tenant}/{LoginPath}", $"""
            {Html.Hidden("ctx", protector.Protect(context.State))}
            {Html.Hidden("step", step.Name)}
            {Html.Error(context.Error)}
            {fields}
            """);
        return Results.Content(Html.Page(title, step.Brand(context), body), "text/html; charset=utf-8");
    }
}

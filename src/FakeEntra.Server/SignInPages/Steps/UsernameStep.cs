namespace FakeEntra.Server.SignInPages.Steps;

/// <summary>"Sign in": who is signing in. Home realm discovery by the name's domain finds the user's home directory.</summary>
public sealed class UsernameStep : ISignInStep
{
    public const string NotFound = "This username may be incorrect. Make sure you typed it correctly. Otherwise, contact your admin.";

    public string Name => "username";

    // With a domain_hint the password page asks for the name too, so this page is skipped.
    public bool IsNeeded(SignInContext context) => context.State.UserId is null && !HasDomainHint(context);

    public string? Brand(SignInContext context) => SignInContext.Brand(context.BrandTenant);

    public (string Title, string Fields) Render(SignInContext context)
    {
        var typed = context.Typed("login") ?? context.State.Username ?? context.State.Authorize?.GetValueOrDefault("login_hint");
        return ("Sign in to your account", $"""
            <h1>Sign in</h1>
            <label for="login">Email address</label>
            <input type="email" id="login" name="login" value="{Html.E(typed)}" autocomplete="username" required autofocus{Html.Invalid(context.Error)}>
            <div class="actions"><button type="submit">Next</button></div>
            """);
    }

    public SignInState Handle(SignInContext context, IFormCollection form) => Identify(context, form["login"].ToString());

    /// <summary>The state with the user the name belongs to; members only (a guest signs in with their home account).</summary>
    public static SignInState Identify(SignInContext context, string username)
    {
        username = username.Trim();
        var found = context.Directory.FindUserByPrincipalName(username);
        if (found is not { } home || home.User.IsGuest) throw new StepError(NotFound);
        return context.State with { Username = home.User.UserPrincipalName, HomeTenantId = home.Tenant.Id, UserId = home.User.Id };
    }

    public static bool HasDomainHint(SignInContext context) =>
        context.State.Authorize?.GetValueOrDefault("domain_hint") is { Length: > 0 } hint && context.Directory.FindTenantByDomain(hint) is not null;
}

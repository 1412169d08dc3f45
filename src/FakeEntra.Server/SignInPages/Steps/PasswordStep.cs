using FakeEntra.Server.Lockout;
using FakeEntra.Server.Token;

namespace FakeEntra.Server.SignInPages.Steps;

/// <summary>"Enter password", branded with the user's home organization: the password is checked in the home directory.</summary>
public sealed class PasswordStep(PasswordVerifier passwords, SmartLockout lockout) : ISignInStep
{
    public const string WrongPassword = "Your account or password is incorrect. If you don't remember your password, reset it now.";
    public const string Disabled = "Your account has been disabled. Contact your administrator. (AADSTS50057)";
    /// <summary>Smart lockout, for passwords and for one-time codes; the same whether or not the secret was right.</summary>
    public const string Locked = "Your account is temporarily locked to prevent unauthorized use. Try again later, and if you still have trouble, contact your admin. (AADSTS50053)";

    public string Name => "password";

    public bool IsNeeded(SignInContext context) => !context.State.Authenticated;

    public string? Brand(SignInContext context) => SignInContext.Brand(context.SignedInUser?.Tenant ?? context.BrandTenant);

    public (string Title, string Fields) Render(SignInContext context)
    {
        var identity = context.State.UserId is null
            ? $"""
              <label for="login">Email address</label>
              <input type="email" id="login" name="login" value="{Html.E(context.Typed("login") ?? context.State.Authorize?.GetValueOrDefault("login_hint"))}" autocomplete="username" required autofocus>
              """
            : $"<p class=\"identity\">{Html.E(context.State.Username)}</p>";
        return ("Enter password", $"""
            <h1>Enter password</h1>
            {identity}
            <label for="passwd">Password</label>
            <input type="password" id="passwd" name="passwd" autocomplete="current-password" required{(context.State.UserId is null ? "" : " autofocus")}{Html.Invalid(context.Error)}>
            <div class="actions">
            <button type="submit">Sign in</button>
            {(context.State.UserId is null ? "" : "<button type=\"submit\" name=\"back\" value=\"1\" class=\"secondary\">Back</button>")}
            </div>
            """);
    }

    public SignInState Handle(SignInContext context, IFormCollection form)
    {
        if (form["back"] == "1") return context.State with { Username = null, HomeTenantId = null, UserId = null };
        var state = context.State.UserId is null ? UsernameStep.Identify(context, form["login"].ToString()) : context.State;
        var (_, user) = (context with { State = state }).SignedInUser ?? throw new StepError(UsernameStep.NotFound);
        var password = form["passwd"].ToString();
        switch (lockout.Password(user, context.Http.Connection.RemoteIpAddress, password, () => user.PasswordHash is { } hash && passwords.Verify(password, hash)))
        {
            case LockoutVerdict.Locked: throw new StepError(Locked);
            case LockoutVerdict.Wrong: throw new StepError(WrongPassword);
        }
        if (!user.AccountEnabled) throw new StepError(Disabled);
        return state with { Authenticated = true, AuthTime = context.Now };
    }
}

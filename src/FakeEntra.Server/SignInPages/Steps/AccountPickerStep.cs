namespace FakeEntra.Server.SignInPages.Steps;

/// <summary>"Pick an account": the session's accounts, or another one (<c>prompt=select_account</c>, or several accounts).</summary>
public sealed class AccountPickerStep : ISignInStep
{
    public string Name => "pick";

    public bool IsNeeded(SignInContext context) => context.State.PickAccount && context.Accounts.Count > 0;

    public string? Brand(SignInContext context) => SignInContext.Brand(context.BrandTenant);

    public (string Title, string Fields) Render(SignInContext context)
    {
        var accounts = string.Concat(context.Accounts.Select((a, i) =>
            $"<button type=\"submit\" name=\"account\" value=\"{i}\"{(i == 0 ? " autofocus" : "")}>{Html.E(a.Username)}<span class=\"details\"> — signed in</span></button>"));
        return ("Pick an account", $"""
            <h1>Pick an account</h1>
            <div class="accounts" role="group" aria-label="Accounts">
            {accounts}
            <button type="submit" name="account" value="other">Use another account</button>
            </div>
            """);
    }

    public SignInState Handle(SignInContext context, IFormCollection form)
    {
        var choice = form["account"].ToString();
        if (choice == "other") return context.State with { PickAccount = false };
        if (!int.TryParse(choice, out var index) || index < 0 || index >= context.Accounts.Count) throw new StepError("Choose an account.");
        var account = context.Accounts[index];
        return context.State with
        {
            PickAccount = false,
            Username = account.Username,
            HomeTenantId = account.HomeTenantId,
            UserId = account.UserId,
            Authenticated = true,
            AuthTime = account.AuthTime,
        };
    }
}

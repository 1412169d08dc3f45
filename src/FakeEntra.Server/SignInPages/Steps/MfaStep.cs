using FakeEntra.Core.CrossTenantAccess;
using FakeEntra.Server.CrossTenant;
using FakeEntra.Server.Lockout;

namespace FakeEntra.Server.SignInPages.Steps;

/// <summary>
/// "Enter code": a TOTP from the user's authenticator, when a decision needs MFA. Done at home (branded with the home
/// organization) when the resource tenant trusts home MFA or it is the user's own tenant; a B2B collaboration guest without
/// that trust does it in the resource tenant. Smart lockout stops guessing: after too many wrong codes, none is accepted for a while.
/// </summary>
public sealed class MfaStep(SignInDecisions decisions, SmartLockout lockout) : ISignInStep
{
    public const string WrongCode = "You didn't enter the expected verification code. Please try again.";

    public string Name => "mfa";

    public bool IsNeeded(SignInContext context) => decisions.Challenge(context) is SignInChallenge.MfaAtHome or SignInChallenge.MfaAtResource;

    public string? Brand(SignInContext context) =>
        SignInContext.Brand(AtResource(context) ? decisions.Request(context)?.Resource : context.SignedInUser?.Tenant);

    public (string Title, string Fields) Render(SignInContext context) => ("Enter code", $$"""
        <h1>Enter code</h1>
        <p class="identity">{{Html.E(context.State.Username)}}</p>
        <p>Enter the code displayed in the authenticator app on your mobile device.</p>
        <label for="otc">Code</label>
        <input type="text" id="otc" name="otc" inputmode="numeric" autocomplete="one-time-code" pattern="[0-9]{6}" maxlength="6" required autofocus{{Html.Invalid(context.Error)}}>
        <div class="actions"><button type="submit">Verify</button></div>
        """);

    public SignInState Handle(SignInContext context, IFormCollection form)
    {
        var (_, user) = context.SignedInUser ?? throw new StepError(WrongCode);
        var code = form["otc"].ToString().Trim();
        switch (lockout.OneTimeCode(user, context.Http.Connection.RemoteIpAddress, () => SignInInputs.VerifyOtp(user, code, context.Now)))
        {
            case LockoutVerdict.Locked: throw new StepError(PasswordStep.Locked);
            case LockoutVerdict.Wrong: throw new StepError(WrongCode);
        }
        if (!AtResource(context)) return context.State with { MfaAtHome = true };
        var resource = decisions.Request(context)!.Resource.Id;
        return context.State with { MfaAtResourceTenants = [.. context.State.MfaAtResourceTenants, resource] };
    }

    private bool AtResource(SignInContext context) => decisions.Challenge(context) == SignInChallenge.MfaAtResource;
}

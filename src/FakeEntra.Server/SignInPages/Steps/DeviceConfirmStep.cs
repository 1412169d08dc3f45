namespace FakeEntra.Server.SignInPages.Steps;

/// <summary>"Are you trying to sign in to …?": the person confirms that the app asking on the device is theirs, or declines.</summary>
public sealed class DeviceConfirmStep(DeviceAuthorizations devices) : ISignInStep
{
    public string Name => "device";

    public bool IsNeeded(SignInContext context) => context.State.DeviceUserCode is not null && !context.State.DeviceConfirmed;

    public string? Brand(SignInContext context) => SignInContext.Brand(context.SignedInUser?.Tenant);

    public (string Title, string Fields) Render(SignInContext context)
    {
        var app = AppName(context);
        return ($"Are you trying to sign in to {app}?", $"""
            <h1>Are you trying to sign in to {Html.E(app)}?</h1>
            <p>Only continue if you downloaded the app from a store or website that you trust.</p>
            <div class="actions">
            <button type="submit" name="confirm" value="yes" autofocus>Continue</button>
            <button type="submit" name="confirm" value="no" class="secondary">Cancel</button>
            </div>
            """);
    }

    public SignInState Handle(SignInContext context, IFormCollection form) => form["confirm"].ToString() switch
    {
        "yes" => context.State with { DeviceConfirmed = true },
        "no" => context.State with { DeviceConfirmed = true, DeviceDeclined = true },
        _ => throw new StepError("Choose Continue or Cancel."),
    };

    public string AppName(SignInContext context) =>
        (context.State.DeviceUserCode is { } code && devices.FindPending(code) is { } pending ? context.Directory.FindApplication(pending.ClientId)?.DisplayName : null)
        ?? "the application";
}

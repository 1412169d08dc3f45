using FakeEntra.Core.CrossTenantAccess;

namespace FakeEntra.Server.SignInPages.Steps;

/// <summary>
/// "Which device are you using?": stands in for Entra's device identity. Asked once, only when a Conditional Access
/// device control applies; the answer is one of the home tenant's registered devices, or none.
/// </summary>
public sealed class DeviceStep(SignInDecisions decisions) : ISignInStep
{
    public const string None = "none";

    public string Name => "device-identity";

    public bool IsNeeded(SignInContext context) => !context.State.DeviceKnown && decisions.Challenge(context) == SignInChallenge.Device;

    public string? Brand(SignInContext context) => SignInContext.Brand(context.SignedInUser?.Tenant);

    public (string Title, string Fields) Render(SignInContext context)
    {
        var devices = context.SignedInUser?.Tenant.Devices ?? [];
        var options = string.Concat(devices.Select((d, i) => $"""
            <div><input type="radio" id="device-{i}" name="device" value="{d.DeviceId:D}"{(i == 0 ? " required" : "")}>
            <label for="device-{i}" style="display:inline">{Html.E(d.DisplayName)} <span class="details">({Html.E(d.TrustType)}{(d.IsCompliant ? ", compliant" : "")})</span></label></div>
            """));
        return ("Which device are you using?", $"""
            <h1>Which device are you using?</h1>
            <p>The app requires a managed device. FakeEntra stands in for the device's identity: choose the registered device this browser is on.</p>
            <fieldset><legend>Devices registered in your organization</legend>
            {options}
            <div><input type="radio" id="device-none" name="device" value="{None}"><label for="device-none" style="display:inline">This is not a registered device</label></div>
            </fieldset>
            <div class="actions"><button type="submit">Continue</button></div>
            """);
    }

    public SignInState Handle(SignInContext context, IFormCollection form)
    {
        var choice = form["device"].ToString();
        if (choice == None) return context.State with { DeviceKnown = true, DeviceId = null };
        var home = context.SignedInUser?.Tenant;
        if (!Guid.TryParse(choice, out var deviceId) || home?.Devices.Any(d => d.DeviceId == deviceId) != true) throw new StepError("Choose a device.");
        return context.State with { DeviceKnown = true, DeviceId = deviceId };
    }
}

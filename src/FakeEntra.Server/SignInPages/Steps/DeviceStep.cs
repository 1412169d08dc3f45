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
        var chosen = context.Typed("device");
        string Choice(string id, string value, string label, bool first) => $"""
            <div class="choice"><input type="radio" id="{id}" name="device" value="{Html.E(value)}"{(first ? " autofocus" : "")}{(chosen == value ? " checked" : "")}>
            <label for="{id}">{label}</label></div>
            """;
        var options = string.Concat(devices.Select((d, i) => Choice($"device-{i}", d.DeviceId.ToString("D"),
            $"{Html.E(d.DisplayName)} <span class=\"details\">({Html.E(d.TrustType)}{(d.IsCompliant ? ", compliant" : "")})</span>", i == 0)));
        return ("Which device are you using?", $"""
            <h1>Which device are you using?</h1>
            <p>The app requires a managed device. FakeEntra stands in for the device's identity: choose the registered device this browser is on.</p>
            <fieldset><legend>Devices registered in your organization</legend>
            {options}
            {Choice("device-none", None, "This is not a registered device", devices.Count == 0)}
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

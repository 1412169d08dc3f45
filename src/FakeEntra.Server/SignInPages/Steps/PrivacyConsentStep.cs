using FakeEntra.Core.CrossTenantAccess;

namespace FakeEntra.Server.SignInPages.Steps;

/// <summary>
/// The first B2B direct connect sign-in to an organization: its privacy statement and contact (or a notice that it has set
/// none), and the person's consent to share their profile with it.
/// </summary>
public sealed class PrivacyConsentStep(SignInDecisions decisions) : ISignInStep
{
    public string Name => "privacy";

    public bool IsNeeded(SignInContext context) =>
        !context.State.PrivacyConsented && !context.State.PrivacyDeclined && decisions.Challenge(context) == SignInChallenge.PrivacyConsent;

    public string? Brand(SignInContext context) => SignInContext.Brand(decisions.Request(context)?.Resource);

    public (string Title, string Fields) Render(SignInContext context)
    {
        var organization = decisions.Request(context)?.Resource.Organization;
        var name = Html.E(organization?.DisplayName);
        var profile = organization?.PrivacyProfile;
        var statement = profile?.StatementUrl is { } url
            ? $"<p>Read <a href=\"{Html.E(url)}\">{name}'s privacy statement</a>{(profile.ContactEmail is { } mail ? $"; privacy contact: <a href=\"mailto:{Html.E(mail)}\">{Html.E(mail)}</a>" : "")}.</p>"
            : $"<p role=\"note\">{name} has not provided a privacy statement or contact.</p>";
        return ($"Share your info with {organization?.DisplayName}?", $"""
            <h1>Share your info with {name}?</h1>
            <p class="identity">{Html.E(context.State.Username)}</p>
            <p>{name} will be able to see your name, email address and organization, and to keep a record of your activity in its apps.</p>
            {statement}
            <div class="actions">
            <button type="submit" name="consent" value="yes" autofocus>Accept</button>
            <button type="submit" name="consent" value="no" class="secondary">Cancel</button>
            </div>
            """);
    }

    public SignInState Handle(SignInContext context, IFormCollection form) => form["consent"].ToString() switch
    {
        "yes" => context.State with { PrivacyConsented = true },
        "no" => context.State with { PrivacyDeclined = true },
        _ => throw new StepError("Choose Accept or Cancel."),
    };
}

using FakeEntra.Core.Errors;
using Microsoft.AspNetCore.Antiforgery;

namespace FakeEntra.Server.Hosting;

/// <summary>
/// Anti-forgery for the forms FakeEntra's pages post back to itself (the sign-in steps, the device code entry): a token in
/// the form that matches this browser's anti-forgery cookie. A post made elsewhere (login CSRF: a page that signs the
/// victim's browser into the attacker's account) carries no such pair and is refused with a 400 page.
/// Endpoints that other sites post to by design (authorize, logout, an app's form_post to the inspector) are not forms of ours.
/// </summary>
public static class FormProtection
{
    public const string CookieName = "fakeentra.antiforgery";
    public const string FieldName = "__RequestVerificationToken";

    public static IServiceCollection AddFormProtection(this IServiceCollection services) => services.AddAntiforgery(o =>
    {
        o.FormFieldName = FieldName;
        o.HeaderName = null;
        o.Cookie.Name = CookieName;
        // Never sent with another site's post; sent when an app sends the browser here (a top-level GET), so the
        // cookie the other open sign-in tabs rely on is kept rather than replaced.
        o.Cookie.SameSite = SameSiteMode.Lax;
        o.Cookie.SecurePolicy = CookieSecurePolicy.Always;
        o.Cookie.HttpOnly = true;
        // SecurityHeaders sends DENY for every page.
        o.SuppressXFrameOptionsHeader = true;
    });

    /// <summary>The posted form, within <see cref="Parameters"/>' limits, once its anti-forgery token is checked.</summary>
    public static async Task<IFormCollection> ReadFormAsync(HttpContext http)
    {
        var form = await Parameters.ReadFormAsync(http.Request);
        try
        {
            await http.RequestServices.GetRequiredService<IAntiforgery>().ValidateRequestAsync(http);
        }
        catch (Exception e) when (e is AntiforgeryValidationException or InvalidDataException or IOException or BadHttpRequestException)
        {
            throw new AadException(AadErrors.ParameterNotValid(FieldName,
                "The form was not posted from the page FakeEntra served to this browser (its anti-forgery token is missing or does not match the browser's cookie). Start the sign-in again."));
        }
        return form;
    }
}

using System.Text;
using FakeEntra.Core.Errors;
using FakeEntra.Server.Hosting;

namespace FakeEntra.Server.SignInPages;

/// <summary>Sends the result of an authorization request back to the app: query, fragment or form_post.</summary>
public static class AuthorizationResponse
{
    public static IResult Success(AuthorizeRequest request, IEnumerable<KeyValuePair<string, string?>> values) =>
        Send(request, values.Append(new("state", request.State)));

    /// <summary>
    /// An error in Entra's redirect shape: <c>error</c>, <c>error_subcode</c> for a person's cancel, <c>error_description</c>
    /// (with its trace lines), <c>error_uri</c>, <c>state</c>.
    /// </summary>
    public static IResult Error(HttpContext context, AuthorizeRequest request, AadError error)
    {
        var ids = RequestIds.Of(context);
        var origin = context.RequestServices.GetRequiredService<PublicOrigin>().Value;
        var timestamp = DateTime.UtcNow.ToString("yyyy-MM-dd HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);
        return Send(request,
        [
            new("error", RedirectError(error)),
            new("error_subcode", error.Code == AadErrors.UserDeclinedConsent.Code ? "cancel" : null),
            new("error_description", $"{error}\r\nTrace ID: {ids.TraceId:D}\r\nCorrelation ID: {ids.CorrelationId:D}\r\nTimestamp: {timestamp}"),
            new("error_uri", $"{origin}/error?code={error.Code}"),
            new("state", request.State),
        ]);
    }

    // The authorization endpoint speaks OAuth's authorization-response errors; a token-endpoint error maps onto them.
    private static string RedirectError(AadError error) => error.Code switch
    {
        65001 => "consent_required",
        65004 => "access_denied",
        _ when error.Error is "invalid_grant" or "invalid_client" or "unauthorized_client" or "invalid_resource" => "invalid_request",
        _ => error.Error,
    };

    private static IResult Send(AuthorizeRequest request, IEnumerable<KeyValuePair<string, string?>> values)
    {
        var present = values.Where(v => v.Value is not null).ToList();
        if (request.ResponseMode == "form_post") return Results.Content(FormPost(request.RedirectUri, present), "text/html; charset=utf-8");
        var encoded = string.Join('&', present.Select(v => $"{Uri.EscapeDataString(v.Key)}={Uri.EscapeDataString(v.Value!)}"));
        var separator = request.ResponseMode == "fragment" ? "#" : request.RedirectUri.Contains('?') ? "&" : "?";
        return Results.Redirect(RedirectUris.ForLocation(request.RedirectUri) + separator + encoded);
    }

    private static string FormPost(string redirectUri, IEnumerable<KeyValuePair<string, string?>> values)
    {
        var fields = new StringBuilder();
        foreach (var (name, value) in values) fields.Append(Html.Hidden(name, value));
        return $$"""
            <!doctype html>
            <html lang="en"><head><meta charset="utf-8"><title>Working...</title></head>
            <body>
            <form method="post" action="{{Html.E(redirectUri)}}">{{fields}}
            <noscript><p>Script is disabled. Select Continue to go back to the application.</p><button type="submit">Continue</button></noscript>
            </form>
            <script src="{{Html.FormPostScriptPath}}"></script>
            </body></html>
            """;
    }
}

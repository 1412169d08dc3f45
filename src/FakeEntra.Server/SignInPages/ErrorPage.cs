using FakeEntra.Core.Errors;
using FakeEntra.Server.Hosting;

namespace FakeEntra.Server.SignInPages;

/// <summary>Entra's "Sorry, but we're having trouble signing you in" page, for errors that must not go back to the app.</summary>
public static class ErrorPage
{
    public static IResult For(HttpContext context, AadError error)
    {
        var ids = RequestIds.Of(context);
        var timestamp = DateTime.UtcNow.ToString("yyyy-MM-dd HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);
        var body = $"""
            <h1>Sign in</h1>
            <p>Sorry, but we’re having trouble signing you in.</p>
            <p id="error-code" data-error-code="{error.Code}">{Html.E(error.ToString())}</p>
            <div class="details">
            <p>Request Id: {ids.TraceId:D}<br>Correlation Id: {ids.CorrelationId:D}<br>Timestamp: {timestamp}</p>
            </div>
            """;
        return Results.Content(Html.Page("Sign in to your account", null, body), "text/html; charset=utf-8", statusCode: error.HttpStatus);
    }
}
